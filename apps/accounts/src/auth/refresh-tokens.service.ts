import { generateOpaqueToken, hashToken } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type EntityManager, IsNull } from 'typeorm';
import { AccountsConfig } from '../config/accounts.config';
import { RefreshTokenEntity } from './refresh-token.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Storage of refresh-token families; every method runs in the caller's transaction. */
@Injectable()
export class RefreshTokensService {
  constructor(private readonly config: AccountsConfig) {}

  /** A new token for the user: the first of a new family (login) or the next of `familyId` (rotation). */
  async issue(manager: EntityManager, userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = generateOpaqueToken();
    await manager.insert(RefreshTokenEntity, {
      id: randomUUID(),
      userId,
      familyId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS),
      usedAt: null,
      revokedAt: null,
    });
    return token;
  }

  async findByToken(manager: EntityManager, token: string): Promise<RefreshTokenEntity | null> {
    return manager.findOneBy(RefreshTokenEntity, { tokenHash: hashToken(token) });
  }

  /**
   * Marks the token used if nobody has yet: of two racing refreshes with the same token only one
   * gets `true`.
   */
  async markUsed(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** Ends every session of the user (password reset, deactivation). */
  async revokeAllForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
