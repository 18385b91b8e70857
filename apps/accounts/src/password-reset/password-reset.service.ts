import { AccountsEvents, type IssuedPasswordResetToken } from '@haven/contracts';
import { DomainError, generateOpaqueToken, hashToken, isUuid, looksLikeOpaqueToken } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordHasher } from '../auth/password-hasher';
import { RefreshTokensService } from '../auth/refresh-tokens.service';
import { AccountsConfig } from '../config/accounts.config';
import { checkPassword, normalizeEmail } from '../common/user-input';
import { UserEntity } from '../users/user.entity';
import { UsersQueries } from '../users/users.queries';
import { PasswordResetRequestEntity } from './password-reset-request.entity';

/**
 * "Forgot password". A request is recorded (no token yet) and announced by
 * `user.password-reset-requested`, which carries no secret. When the notifications service sends
 * the mail it asks for the link's token (`issuePasswordResetToken`): the raw token exists only in
 * that reply and in the mail; the database keeps its hash. No plaintext token is ever stored,
 * queued or dead-lettered.
 */
@Injectable()
export class PasswordResetService implements OnApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly config: AccountsConfig,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokensService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Accepts at once, the same way for every address: the lookup and the write happen after the
   * answer, so neither the answer nor its timing tells whether an address is registered. A request
   * lost to a crash in between is simply asked again by the user.
   */
  request(emailInput: unknown): void {
    if (typeof emailInput !== 'string') return;
    const work = this.record(normalizeEmail(emailInput))
      .catch((error: unknown) => this.logger.error({ msg: 'password reset request failed', err: error }))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /**
   * Mints the token of a pending request and returns it in this reply only; calling again replaces
   * it (a retried send), so only the latest mailed link works. Not found once the request was used,
   * expired or superseded by a newer one, or the account was deactivated.
   */
  async issueToken(requestIdInput: unknown): Promise<IssuedPasswordResetToken> {
    if (!isUuid(requestIdInput)) throw DomainError.notFound('password_reset_request_not_found');
    const token = generateOpaqueToken();
    // UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [rows] = (await this.dataSource.query(
      `UPDATE "accounts"."password_reset_requests" r SET "token_hash" = $2
       FROM "accounts"."users" u
       WHERE r."id" = $1 AND r."used_at" IS NULL AND r."expires_at" > now() AND u."id" = r."user_id" AND u."active"
       RETURNING r."user_id", r."expires_at"`,
      [requestIdInput, hashToken(token)],
    )) as [{ user_id: string; expires_at: Date }[], number];
    const row = rows[0];
    if (!row) throw DomainError.notFound('password_reset_request_not_found');
    this.logger.log({ msg: 'password reset token issued', userId: row.user_id, requestId: requestIdInput });
    return { userId: row.user_id, token, expiresAt: new Date(row.expires_at).toISOString() };
  }

  /** Sets the new password, spends the token and ends every session of the user. */
  async confirm(tokenInput: unknown, passwordInput: unknown): Promise<void> {
    const password = checkPassword(passwordInput);
    if (!looksLikeOpaqueToken(tokenInput)) throw invalidToken();
    const tokenHash = hashToken(tokenInput);
    const candidate = await this.dataSource.manager.findOneBy(PasswordResetRequestEntity, { tokenHash });
    if (!candidate || candidate.usedAt || candidate.expiresAt.getTime() <= Date.now()) throw invalidToken();

    const passwordHash = await this.hasher.hash(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const spent = await manager
        .createQueryBuilder()
        .update(PasswordResetRequestEntity)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND token_hash = :tokenHash AND used_at IS NULL AND expires_at > now()', {
          id: candidate.id,
          tokenHash,
        })
        .execute();
      if ((spent.affected ?? 0) !== 1) throw invalidToken();
      const owner = await UsersQueries.lockById(manager, candidate.userId);
      if (!owner) throw invalidToken();
      await manager.update(UserEntity, { id: owner.id }, { passwordHash, updatedAt: new Date() });
      await this.refreshTokens.revokeAllForUser(manager, owner.id);
      return owner;
    });
    await this.throttle.reset(user.email);
    this.logger.log({ msg: 'password reset completed; every session revoked', userId: user.id });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async record(email: string): Promise<void> {
    const user = await UsersQueries.findByEmail(this.dataSource.manager, email);
    if (!user?.active) return;
    const requestId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
    await this.dataSource.transaction(async (manager) => {
      // Only the newest request can yield a working link.
      await manager.delete(PasswordResetRequestEntity, { userId: user.id, usedAt: IsNull() });
      await manager.insert(PasswordResetRequestEntity, {
        id: requestId,
        userId: user.id,
        tokenHash: null,
        createdAt: new Date(),
        expiresAt,
        usedAt: null,
      });
      await this.outbox.add(manager, AccountsEvents.passwordResetRequested, {
        userId: user.id,
        requestId,
        expiresAt: expiresAt.toISOString(),
      });
    });
    this.logger.log({ msg: 'password reset requested', userId: user.id, requestId });
  }
}

function invalidToken(): DomainError {
  return DomainError.invalidField('token', 'is invalid, expired or already used');
}
