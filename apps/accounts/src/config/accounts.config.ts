import { loadOrCreateDevelopmentKeys, pemFromEnv } from '@haven/common';
import { CoreConfig } from '@haven/infrastructure';
import { Expose, Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class AccountsConfig extends CoreConfig {
  /** Ed25519 private key (PKCS#8 PEM, `\n` may be escaped) that signs access tokens. Required in production. */
  @Expose()
  @IsOptional()
  @IsString()
  JWT_PRIVATE_KEY?: string;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  PASSWORD_RESET_TTL_MINUTES: number = 60;

  /** Failed logins allowed per account within the window before further attempts get 429. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES: number = 10;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 15 * 60;

  /** First admin, created on start when no admin exists yet (together with the password). */
  @Expose()
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @Expose()
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must be at least 10 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @Expose()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  BOOTSTRAP_ADMIN_NAME: string = 'Administrator';

  /** The PEM that signs access tokens: JWT_PRIVATE_KEY, or the shared development key outside production. */
  get jwtPrivateKeyPem(): string {
    const configured = pemFromEnv(this.JWT_PRIVATE_KEY);
    if (configured) return configured;
    if (this.NODE_ENV === 'production') throw new Error('JWT_PRIVATE_KEY must be set in production');
    return loadOrCreateDevelopmentKeys().privateKeyPem;
  }
}
