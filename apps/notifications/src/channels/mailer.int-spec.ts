import { loadConfig } from '@haven/infrastructure';
import { simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationsConfig } from '../config/notifications.config';
import { Mailer, type OutgoingMail } from './mailer';

const mail: OutgoingMail = {
  to: 'asha@example.test',
  subject: 'Session confirmed: Tuesday, 1 December 2026, 10:00 am IST (Asia/Kolkata)',
  text: 'Hello Asha,\n\nYour session is confirmed. ₹1,500',
  html: '<p>Hello Asha,</p><p>Your session is confirmed. ₹1,500</p>',
  messageId: '<evt-1-user-1@haven>',
  attachments: [
    {
      filename: 'haven-session.ics',
      contentType: 'text/calendar; method=REQUEST',
      content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR',
    },
  ],
};

describe('the mailer', () => {
  let outbox: string;

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), 'haven-outbox-'));
  });

  afterAll(async () => {
    await rm(outbox, { recursive: true, force: true });
  });

  it('without SMTP_URL writes each mail as an .eml file into the outbox folder', async () => {
    const mailer = new Mailer(
      loadConfig(NotificationsConfig, { MAIL_OUTBOX_DIR: outbox, MAIL_FROM: 'Haven <no-reply@haven.test>' }),
    );
    await mailer.send(mail);
    mailer.onApplicationShutdown();
    const files = await readdir(outbox);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d+-evt-1-user-1\.eml$/);
    const parsed = await simpleParser(await readFile(join(outbox, files[0])));
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from?.value[0]).toMatchObject({ name: 'Haven', address: 'no-reply@haven.test' });
    expect(parsed.text).toContain('₹1,500');
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.attachments[0].filename).toBe('haven-session.ics');
  });

  it('with SMTP_URL hands the mail to the SMTP server, and fails (for a retry) while it is unreachable', async () => {
    const received: Buffer[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)),
    );
    const mailer = new Mailer(
      loadConfig(NotificationsConfig, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_OUTBOX_DIR: outbox }),
    );
    try {
      await mailer.send(mail);
      expect(received).toHaveLength(1);
      const parsed = await simpleParser(received[0]);
      expect(parsed.to).toMatchObject({ text: 'asha@example.test' });
      expect(parsed.html).toContain('Your session is confirmed.');
    } finally {
      mailer.onApplicationShutdown();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
    const down = new Mailer(loadConfig(NotificationsConfig, { SMTP_URL: `smtp://127.0.0.1:${port}` }));
    await expect(down.send(mail)).rejects.toThrow(/ECONNREFUSED/);
    down.onApplicationShutdown();
  });
});
