import { PublicUrlConfig } from '@haven/infrastructure';
import { Expose } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class NotificationsConfig extends PublicUrlConfig {
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
}
