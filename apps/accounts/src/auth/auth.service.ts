import {
  ACCOUNTS_LIMITS,
  type Actor,
  type AuthSession,
  type LoginRequest,
  type RegisterRequest,
  type RpcMeta,
  type TokenPair,
} from '@haven/contracts';
import { DomainError, FieldErrors, looksLikeOpaqueToken } from '@haven/common';
import { isUniqueViolation } from '@haven/database';
import { OutboxService, RpcRequestLedger } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkEmail,
  checkName,
  checkPassword,
  checkPhone,
  checkTimezone,
  DEFAULT_TIMEZONE,
  normalizeEmail,
} from '../common/user-input';
import { UserEntity } from '../users/user.entity';
import { createUser } from '../users/create-user';
import { UsersQueries } from '../users/users.queries';
import { toUserView } from '../users/user.view';
import { AccessTokenSigner } from './access-token.signer';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { decideRefresh } from './refresh-decision';
import { RefreshTokensService } from './refresh-tokens.service';

type RefreshOutcome =
  { kind: 'rotated'; user: UserEntity; refreshToken: string } | { kind: 'refused'; reason: string; familyId?: string };

/** Registration, login and the refresh-token lifecycle. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource('accounts') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly hasher: PasswordHasher,
    private readonly signer: AccessTokenSigner,
    private readonly refreshTokens: RefreshTokensService,
    private readonly throttle: LoginThrottle,
    private readonly requests: RpcRequestLedger,
  ) {}

  /** Safe to redeliver: a redelivered registration answers with the account its first delivery created. */
  async register(input: Partial<RegisterRequest>, meta?: Partial<RpcMeta>): Promise<AuthSession> {
    const { email, password, name, phone, timezone } = new FieldErrors().checkAll({
      email: () => checkEmail(input.email),
      password: () => checkPassword(input.password),
      name: () => checkName(input.name),
      phone: () => (input.phone === undefined || input.phone === null ? null : checkPhone(input.phone)),
      timezone: () => (input.timezone === undefined ? DEFAULT_TIMEZONE : checkTimezone(input.timezone)),
    });

    const holder = await UsersQueries.findByEmail(this.dataSource.manager, email);
    if (holder && holder.id !== RpcRequestLedger.createdIdOf(meta)) throw emailTaken();
    const passwordHash = await this.hasher.hash(password);

    let registered: { user: UserEntity; refreshToken: string };
    try {
      registered = await this.requests.createOnce(meta, {
        create: async (manager, id) => {
          const user = await createUser(manager, this.outbox, { id, email, passwordHash, name, phone, timezone });
          return { user, refreshToken: await this.refreshTokens.issue(manager, user.id) };
        },
        replay: async (manager, id) => {
          const user = await manager.findOneByOrFail(UserEntity, { id });
          return { user, refreshToken: await this.refreshTokens.issue(manager, user.id) };
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    this.logger.log({ msg: 'user registered', userId: registered.user.id });
    return this.session(registered.user, registered.refreshToken);
  }

  async login(input: Partial<LoginRequest>): Promise<AuthSession> {
    const email = typeof input.email === 'string' ? normalizeEmail(input.email) : '';
    const password = typeof input.password === 'string' ? input.password : '';
    if (!email || !password || password.length > ACCOUNTS_LIMITS.maxPasswordLength) throw invalidCredentials();

    await this.throttle.countAttempt(email);
    const user = await UsersQueries.findByEmail(this.dataSource.manager, email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyAgainstDummy(password);
    if (!user || !valid) throw invalidCredentials();
    if (!user.active) throw DomainError.unauthenticated('account_deactivated', 'This account is deactivated');
    await this.throttle.reset(email);

    const refreshToken = await this.dataSource.transaction((manager) => this.refreshTokens.issue(manager, user.id));
    return this.session(user, refreshToken);
  }

  /** Exchanges a refresh token for a new pair; a replayed token ends its whole family. */
  async refresh(token: unknown): Promise<TokenPair> {
    if (!looksLikeOpaqueToken(token)) throw invalidRefreshToken();
    const outcome = await this.dataSource.transaction((manager) => this.rotate(manager, token));
    if (outcome.kind === 'refused') {
      if (outcome.reason === 'reuse') {
        this.logger.warn({ msg: 'refresh token reused: its family is revoked', familyId: outcome.familyId });
      }
      throw invalidRefreshToken();
    }
    const { accessToken, refreshToken, tokenType, expiresIn } = await this.session(outcome.user, outcome.refreshToken);
    return { accessToken, refreshToken, tokenType, expiresIn };
  }

  /** Ends the session the refresh token belongs to, if it is the caller's; silent otherwise. */
  async logout(actor: Actor, token: unknown): Promise<void> {
    if (!looksLikeOpaqueToken(token)) return;
    await this.dataSource.transaction(async (manager) => {
      const row = await this.refreshTokens.findByToken(manager, token);
      if (row && row.userId === actor.userId) await this.refreshTokens.revokeFamily(manager, row.familyId);
    });
  }

  private async rotate(manager: EntityManager, token: string): Promise<RefreshOutcome> {
    const row = await this.refreshTokens.findByToken(manager, token);
    const decision = decideRefresh(row, new Date());
    if (!row || decision === 'unknown' || decision === 'revoked' || decision === 'expired') {
      return { kind: 'refused', reason: decision };
    }
    if (decision === 'reuse') {
      await this.refreshTokens.revokeFamily(manager, row.familyId);
      return { kind: 'refused', reason: 'reuse', familyId: row.familyId };
    }
    const user = await manager.findOneBy(UserEntity, { id: row.userId });
    if (!user?.active) {
      await this.refreshTokens.revokeFamily(manager, row.familyId);
      return { kind: 'refused', reason: 'inactive' };
    }
    if (!(await this.refreshTokens.markUsed(manager, row.id))) {
      // Someone exchanged the same token a moment ago: that is reuse too.
      await this.refreshTokens.revokeFamily(manager, row.familyId);
      return { kind: 'refused', reason: 'reuse', familyId: row.familyId };
    }
    const refreshToken = await this.refreshTokens.issue(manager, user.id, row.familyId);
    return { kind: 'rotated', user, refreshToken };
  }

  private async session(user: UserEntity, refreshToken: string): Promise<AuthSession> {
    const view = toUserView(user);
    return {
      user: view,
      accessToken: await this.signer.sign(user.id, view.roles, user.rightsVersion),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.signer.ttlSeconds,
    };
  }
}

function emailTaken(): DomainError {
  return DomainError.conflict('email_taken', 'An account with this e-mail address already exists');
}

function invalidCredentials(): DomainError {
  return DomainError.unauthenticated('invalid_credentials', 'Invalid e-mail address or password');
}

function invalidRefreshToken(): DomainError {
  return DomainError.unauthenticated('invalid_refresh_token', 'Refresh token is invalid, expired or already used');
}
