import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CoreConfig } from './core.config';

/**
 * For the processes that hand out links to the platform (the gateway, mails, the sandbox's
 * webhooks): where the public reach it. One PORT for all of them: the gateway's.
 */
export class PublicUrlConfig extends CoreConfig {
  /** The gateway's port (it listens there; the others derive the default PUBLIC_URL from it). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Base of links handed out (ICS feed, e-mails, webhooks); defaults to http://127.0.0.1:$PORT. */
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://127.0.0.1:${this.PORT}`).replace(/\/$/, '');
  }
}
