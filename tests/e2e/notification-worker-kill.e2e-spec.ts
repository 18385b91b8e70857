import { BookingEvents } from '@haven/contracts';
import { EventPublisher } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import { createTestInfrastructure, type TestInfrastructure } from '@haven/testing/infrastructure';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerUser } from '../support/accounts';
import { targetPlatform } from '../support/http';
import { bookingEvent, snapshot } from '../support/notifications';
import { type RunningPlatform, startPlatform } from '../support/platform';

const NOTIFICATIONS_MAIN = 'dist/apps/notifications/src/main.js';

/**
 * The notification worker killed (SIGKILL) right after the SMTP server accepted a mail, before it
 * could write that the mail was sent. The mail must go out again exactly once: at least once, with
 * one duplicate at most. The notifications service runs as a process of its own (the built one,
 * `npm run build`) on a private platform, and this file's SMTP server kills it from its accept hook.
 */
describe('a notification worker killed between the SMTP accept and the sent record', () => {
  let infrastructure: TestInfrastructure;
  let platform: RunningPlatform;
  let env: NodeJS.ProcessEnv;
  let worker: ChildProcess | undefined;
  let smtp: SMTPServer;
  const accepted: { to: string; messageId: string }[] = [];
  let killOnAcceptTo: string | undefined;

  const startWorker = () => {
    worker = spawn(process.execPath, [NOTIFICATIONS_MAIN], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  };

  beforeAll(async () => {
    if (!existsSync(NOTIFICATIONS_MAIN)) throw new Error(`${NOTIFICATIONS_MAIN} is missing: run npm run build first`);
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(',');
          const messageId = /^Message-ID:\s*(\S+)/im.exec(Buffer.concat(chunks).toString())?.[1] ?? '';
          accepted.push({ to, messageId });
          callback(); // 250: accepted …
          if (to === killOnAcceptTo) {
            killOnAcceptTo = undefined;
            worker?.kill('SIGKILL'); // … and the worker dies before it can record it.
          }
        });
      },
    });
    const smtpPort = await new Promise<number>((resolve) =>
      smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port)),
    );
    infrastructure = await createTestInfrastructure('worker_kill');
    env = {
      ...JSON.parse(inject('platformEnv')),
      DATABASE_URL: infrastructure.databaseUrl,
      RABBITMQ_URL: infrastructure.rabbitmqUrl,
      REDIS_PREFIX: infrastructure.redisPrefix,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOG_LEVEL: 'error',
    };
    platform = await startPlatform(env, { withoutNotifications: true });
    targetPlatform(platform);
    startWorker();
  });

  afterAll(async () => {
    targetPlatform(undefined);
    worker?.kill('SIGKILL');
    await platform?.close();
    await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
    await infrastructure?.teardown();
  });

  it('sends the mail again once, and only once', async () => {
    const person = await registerUser('killed-worker');
    const counselorWithoutAccount = '00000000-0000-4000-8000-000000000001';
    const confirmed = bookingEvent(BookingEvents.confirmed, {
      ...snapshot(person.user.id, counselorWithoutAccount),
      meetingUrl: 'https://meet.jit.si/haven-killed-worker',
    });
    killOnAcceptTo = person.email;
    const publisher = new EventPublisher(env.RABBITMQ_URL!, 'booking');
    await publisher.publish(confirmed);
    await publisher.close();

    const dead = worker!;
    await waitFor(() => (dead.exitCode !== null || dead.signalCode ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the worker to be killed at the SMTP accept',
    });
    const mailsToPerson = () => accepted.filter((mail) => mail.to === person.email);
    expect(mailsToPerson()).toHaveLength(1);

    // The dead worker's job lock lapses (here at once instead of after lockDuration); a new worker takes the job over.
    const redis = new Redis(env.REDIS_URL!);
    try {
      const locks = await redis.keys(`${env.REDIS_PREFIX}:notifications-email:*:lock`);
      if (locks.length > 0) await redis.del(...locks);
    } finally {
      redis.disconnect();
    }
    startWorker();

    await waitFor(() => (mailsToPerson().length >= 2 ? true : undefined), {
      timeoutMs: 40_000,
      intervalMs: 200,
      what: 'the mail sent again by the next worker',
    });
    await sleep(3_000);
    const copies = mailsToPerson();
    expect(copies).toHaveLength(2);
    expect(copies[1].messageId).toBe(copies[0].messageId);
  });
});
