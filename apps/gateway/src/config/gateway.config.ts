import { CoreConfig } from '@haven/common';
import { Expose, Type, Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class GatewayConfig extends CoreConfig {
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Base of links handed out (ICS feed, e-mails); defaults to http://127.0.0.1:$PORT. */
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  /** Comma-separated allowed origins for browsers; `*` allows any; empty disables CORS. */
  @Expose()
  @IsString()
  CORS_ORIGINS: string = '';

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 300;

  /** Trust X-Forwarded-For from a load balancer in front of the gateway. */
  @Expose()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  TRUST_PROXY: boolean = false;

  @Expose()
  @IsOptional()
  @IsString()
  JWT_PUBLIC_KEY?: string;

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://127.0.0.1:${this.PORT}`).replace(/\/$/, '');
  }
}
