import { waitFor } from '@haven/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { ReceivedMail } from './mail-sink';

async function control(method: 'GET' | 'POST', path: string): Promise<Response> {
  const response = await fetch(`${inject('mailSinkUrl')}${path}`, { method });
  if (!response.ok) throw new Error(`mail sink ${method} ${path} answered ${response.status}`);
  return response;
}

/** Every mail the test SMTP server accepted for `address` so far. */
export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const all = (await (await control('GET', '/messages')).json()) as ReceivedMail[];
  return all.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** Waits for a mail to `address` whose subject matches. */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 20_000): Promise<ReceivedMail> {
  return waitFor(async () => (await mailsTo(address)).find((mail) => subject.test(mail.subject)), {
    timeoutMs,
    intervalMs: 200,
    what: `a mail to ${address} about ${subject}`,
  });
}

/** Lets late duplicates arrive, then returns the mails to `address` matching `subject`. */
export async function settledMailsTo(address: string, subject: RegExp, settleMs = 3000): Promise<ReceivedMail[]> {
  await sleep(settleMs);
  return (await mailsTo(address)).filter((mail) => subject.test(mail.subject));
}

/** The SMTP server refuses connections (the proxy in front of it is cut) … */
export async function smtpDown(): Promise<void> {
  await control('POST', '/down');
}

/** … and accepts them again. */
export async function smtpUp(): Promise<void> {
  await control('POST', '/up');
}
