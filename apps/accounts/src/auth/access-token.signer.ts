import type { AccessTokenClaims, Role } from '@haven/contracts';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '@haven/common';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type CryptoKey, importPKCS8, type KeyObject, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { AccountsConfig } from '../config/accounts.config';

/** Signs short-lived access tokens (EdDSA) that the gateway verifies with the public key. */
@Injectable()
export class AccessTokenSigner implements OnModuleInit {
  private key?: Promise<CryptoKey | KeyObject>;

  constructor(private readonly config: AccountsConfig) {}

  /** A bad key stops the service at boot with a clear message, not at the first login. */
  async onModuleInit(): Promise<void> {
    this.key = importPKCS8(this.config.jwtPrivateKeyPem, JWT_ALGORITHM);
    try {
      await this.key;
    } catch (error) {
      throw new Error(`JWT_PRIVATE_KEY is not an Ed25519 private key in PKCS#8 PEM: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  async sign(userId: string, roles: Role[], rightsVersion: number): Promise<string> {
    this.key ??= importPKCS8(this.config.jwtPrivateKeyPem, JWT_ALGORITHM);
    const claims: Omit<AccessTokenClaims, 'sub'> = { roles, rv: rightsVersion };
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.config.ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(await this.key);
  }
}
