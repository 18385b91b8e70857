import { CoreConfig } from '@haven/infrastructure';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class NotificationsConfig extends CoreConfig {
  /** Outgoing mail server (`smtp://host:port`, `smtps://user:pass@host`); unset writes mails to MAIL_OUTBOX_DIR. */
  @Expose()
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Expose()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  MAIL_FROM: string = 'Haven <no-reply@haven.local>';

  /** Where mails go as .eml files when there is no SMTP_URL. */
  @Expose()
  @IsString()
  @MinLength(1)
  MAIL_OUTBOX_DIR: string = 'var/outbox';

  /** The gateway's port, for the default PUBLIC_URL. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** Base of the links mails carry (password reset); defaults to http://127.0.0.1:$PORT. */
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://127.0.0.1:${this.PORT}`).replace(/\/$/, '');
  }
}
