import { type AccessTokenClaims, type Actor, ROLES, type Role } from '@haven/contracts';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '@haven/common';
import { importSPKI, jwtVerify, type CryptoKey, type KeyObject } from 'jose';

export interface VerifiedToken {
  actor: Actor;
  /** The user's rights version when the token was issued (0 for tokens from before versions existed). */
  rightsVersion: number;
}

/**
 * Verifies access tokens locally with the accounts service's public key: no round trip per request.
 */
export class TokenVerifier {
  private key?: Promise<CryptoKey | KeyObject>;

  constructor(private readonly publicKeyPem: string) {}

  async verify(token: string): Promise<VerifiedToken | undefined> {
    this.key ??= importSPKI(this.publicKeyPem, JWT_ALGORITHM);
    try {
      const { payload } = await jwtVerify<AccessTokenClaims>(token, await this.key, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
      if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) return undefined;
      const roles = payload.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
      const rightsVersion = Number.isSafeInteger(payload.rv) ? payload.rv : 0;
      return { actor: { userId: payload.sub, roles }, rightsVersion };
    } catch {
      return undefined;
    }
  }
}
