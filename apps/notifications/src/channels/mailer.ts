import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { NotificationsConfig } from '../config/notifications.config';
import type { CalendarAttachment } from '../templates/ics';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per notification, so a receiving server can spot a resend. */
  messageId: string;
  attachments: CalendarAttachment[];
}

const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes each mail as an .eml file into
 * MAIL_OUTBOX_DIR with a log line, so a fresh machine needs no mail server.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly outboxDir: string | null;

  constructor(private readonly config: NotificationsConfig) {
    this.outboxDir = config.SMTP_URL ? null : resolve(config.MAIL_OUTBOX_DIR);
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      attachments: mail.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: attachment.content,
      })),
    });
    if (this.outboxDir) {
      await mkdir(this.outboxDir, { recursive: true });
      const name = mail.messageId.replace(/^<|@.*$/g, '').replace(/[^A-Za-z0-9.-]/g, '_');
      const file = join(this.outboxDir, `${Date.now()}-${name}.eml`);
      await writeFile(file, info.message as Buffer);
      this.logger.log({ file, subject: mail.subject }, 'no SMTP_URL: mail written to the outbox folder');
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
