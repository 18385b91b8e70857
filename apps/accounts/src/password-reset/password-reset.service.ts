import { AccountsEvents } from '@haven/contracts';
import { DomainError, generateOpaqueToken, hashToken, looksLikeOpaqueToken } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { RefreshTokensService } from '../auth/refresh-tokens.service';
import { AccountsConfig } from '../config/accounts.config';
import { checkPassword, normalizeEmail } from '../common/user-input';
import { User } from '../users/user.entity';
import { UsersQueries } from '../users/users.repository';
import { PasswordResetToken } from './password-reset-token.entity';

/**
 * "Forgot password": a single-use token, stored hashed, mailed by the notifications service from
 * the `user.password-reset-requested` event. The raw token lives only in that event.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly config: AccountsConfig,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Always succeeds, so the answer never tells whether an address is registered. */
  async request(emailInput: unknown): Promise<void> {
    if (typeof emailInput !== 'string') return;
    const email = normalizeEmail(emailInput);
    const user = await UsersQueries.findByEmail(this.dataSource.manager, email);
    if (!user?.active) return;

    const token = generateOpaqueToken();
    const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.dataSource.transaction(async (manager) => {
      // Only the newest link works.
      await manager.delete(PasswordResetToken, { userId: user.id, usedAt: IsNull() });
      await manager.insert(PasswordResetToken, {
        id: randomUUID(),
        userId: user.id,
        tokenHash: hashToken(token),
        createdAt: new Date(),
        expiresAt,
        usedAt: null,
      });
      await this.outbox.add(manager, AccountsEvents.passwordResetRequested, {
        userId: user.id,
        email: user.email,
        name: user.name,
        token,
        expiresAt: expiresAt.toISOString(),
      });
    });
    this.logger.log({ msg: 'password reset requested', userId: user.id });
  }

  /** Sets the new password, spends the token and ends every session of the user. */
  async confirm(tokenInput: unknown, passwordInput: unknown): Promise<void> {
    const password = checkPassword(passwordInput);
    if (!looksLikeOpaqueToken(tokenInput)) throw invalidToken();
    const tokenHash = hashToken(tokenInput);
    const candidate = await this.dataSource.manager.findOneBy(PasswordResetToken, { tokenHash });
    if (!candidate || candidate.usedAt || candidate.expiresAt.getTime() <= Date.now()) throw invalidToken();

    const passwordHash = await this.hasher.hash(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const spent = await manager
        .createQueryBuilder()
        .update(PasswordResetToken)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL AND expires_at > now()', { id: candidate.id })
        .execute();
      if ((spent.affected ?? 0) !== 1) throw invalidToken();
      const owner = await UsersQueries.lockById(manager, candidate.userId);
      if (!owner) throw invalidToken();
      await manager.update(User, { id: owner.id }, { passwordHash, updatedAt: new Date() });
      await this.refreshTokens.revokeAllForUser(manager, owner.id);
      return owner;
    });
    await this.throttle.reset(user.email);
    this.logger.log({ msg: 'password reset completed; every session revoked', userId: user.id });
  }
}

function invalidToken(): DomainError {
  return DomainError.invalidField('token', 'is invalid, expired or already used');
}
