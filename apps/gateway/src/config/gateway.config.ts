import { PublicUrlConfig } from '@haven/infrastructure';
import { Expose, Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { parseTrustProxy, type TrustProxySetting } from './trust-proxy';

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && !('problem' in parseTrustProxy(value));
  }

  defaultMessage(args: ValidationArguments): string {
    const parsed = parseTrustProxy(String(args.value));
    return 'problem' in parsed ? parsed.problem : 'is not a valid proxy setting';
  }
}

export class GatewayConfig extends PublicUrlConfig {
  /** Comma-separated allowed origins for browsers; `*` allows any; empty disables CORS. */
  @Expose()
  @IsString()
  CORS_ORIGINS: string = '';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 300;

  /**
   * Which proxies in front of the gateway may say who the client is (X-Forwarded-For): a hop count
   * or a list of networks; unset trusts none. See `parseTrustProxy`.
   */
  @Expose()
  @IsString()
  @Validate(TrustProxyValue)
  TRUST_PROXY: string = '';

  @Expose()
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  /** How long the web app's refresh cookie lives; the same variable sets the token's own lifetime in accounts. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** The built web app (`npm run build`), served at `/`; relative to the working directory. */
  @Expose()
  @IsString()
  WEB_DIST_DIR: string = 'dist/web';

  get trustProxy(): TrustProxySetting {
    const parsed = parseTrustProxy(this.TRUST_PROXY);
    if ('problem' in parsed) throw new Error(`TRUST_PROXY: ${parsed.problem}`);
    return parsed.setting;
  }
}
