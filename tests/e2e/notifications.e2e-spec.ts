import { BookingEvents, type UserView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { channelJobId, EMAIL_QUEUE } from '../../apps/notifications/src/delivery/queues';
import { login, registerUser, setGrantableRoles, waitForRole } from '../support/accounts';
import { approveApplication, submitApplication } from '../support/directory';
import { api } from '../support/http';
import { mailsTo, settledMailsTo, smtpDown, smtpUp, waitForMail } from '../support/mail';
import { aboutBooking, bookingEvent, inbox, publish, snapshot, waitForMessage } from '../support/notifications';

describe('notifications: what people are told, by e-mail and in-app', () => {
  it('a confirmed booking reaches both sides in-app and mails the client an invitation in the client’s own zone', async () => {
    const client = await registerUser('nclient', { timezone: 'America/New_York', name: 'Asha Rao' });
    const counselor = await registerUser('ncounselor', { timezone: 'Asia/Kolkata' });
    const session = snapshot(client.user.id, counselor.user.id, { startsAt: '2027-01-05T15:00:00.000Z' });
    await publish(
      bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/haven-room-1' }),
    );

    const mail = await waitForMail(client.email, /Session confirmed/);
    expect(mail.subject).toBe('Session confirmed: Tuesday, 5 January 2027, 10:00 am EST (America/New_York)');
    expect(mail.text).toContain('Hello Asha,');
    expect(mail.text).toContain('When: Tuesday, 5 January 2027, 10:00 am – 10:50 am EST (America/New_York)');
    expect(mail.text).toContain('Price: ₹1,500');
    expect(mail.text).toContain('https://meet.jit.si/haven-room-1');
    expect(mail.text).toContain('Tele-MANAS');
    expect(mail.text).toContain('14416 or 1-800-891-4416');
    expect(mail.html).toContain('Tele-MANAS');
    expect(mail.html).toContain('10:00 am – 10:50 am EST (America/New_York)');
    const [invite] = mail.attachments;
    expect(invite.filename).toBe('haven-session.ics');
    expect(invite.contentType).toBe('text/calendar');
    expect(invite.content).toContain('METHOD:REQUEST');
    expect(invite.content).toContain(`UID:${session.bookingId}@haven`);
    expect(invite.content).toContain('DTSTART:20270105T150000Z');
    expect(invite.content).toContain('DTEND:20270105T155000Z');

    const forClient = await waitForMessage(client.accessToken, 'booking.confirmed', aboutBooking(session.bookingId));
    expect(forClient.title).toContain('10:00 am EST (America/New_York)');
    expect(forClient.readAt).toBeNull();
    // The counselor reads it in India time.
    const forCounselor = await waitForMessage(
      counselor.accessToken,
      'booking.confirmed',
      aboutBooking(session.bookingId),
    );
    expect(forCounselor.title).toContain('8:30 pm IST (Asia/Kolkata)');
    const counselorMail = await waitForMail(counselor.email, /Session confirmed/);
    expect(counselorMail.text).not.toContain(client.email);
  });

  it('the same event delivered twice sends one mail and stores one message', async () => {
    const client = await registerUser('ntwice');
    const counselor = await registerUser('ntwicec');
    const event = bookingEvent(BookingEvents.confirmed, {
      ...snapshot(client.user.id, counselor.user.id),
      meetingUrl: 'https://meet.jit.si/haven-room-2',
    });
    await publish(event);
    await publish(event);
    await waitForMail(client.email, /Session confirmed/);
    await publish(event);
    expect(await settledMailsTo(client.email, /Session confirmed/)).toHaveLength(1);
    const messages = (await inbox(client.accessToken)).items.filter((m) => m.type === 'booking.confirmed');
    expect(messages).toHaveLength(1);
  });

  it('a mail job that runs again after its mail went out (its worker killed before marking it done) sends nothing', async () => {
    const client = await registerUser('nrerun');
    const counselor = await registerUser('nrerunc');
    const event = bookingEvent(BookingEvents.confirmed, {
      ...snapshot(client.user.id, counselor.user.id),
      meetingUrl: 'https://meet.jit.si/haven-room-3',
    });
    await publish(event);
    await waitForMail(client.email, /Session confirmed/);

    const env = JSON.parse(inject('platformEnv'));
    const queue = new Queue(EMAIL_QUEUE, { connection: { url: env.REDIS_URL }, prefix: env.REDIS_PREFIX });
    try {
      const done = await queue.getJob(channelJobId('email', `${event.id}-${client.user.id}`));
      expect(done?.data.userId).toBe(client.user.id);
      const rerun = await queue.add(done!.name, done!.data, { jobId: `${done!.id}-rerun` });
      await waitFor(async () => ((await rerun.getState()) === 'completed' ? true : undefined), {
        what: 'the rerun to finish',
      });
      expect((await queue.getJob(rerun.id!))?.returnvalue).toBe('already sent');
    } finally {
      await queue.close();
    }
    expect(await settledMailsTo(client.email, /Session confirmed/, 1000)).toHaveLength(1);
  });

  it('a cancellation tells the client the refund in rupees and cancels the calendar entry', async () => {
    const client = await registerUser('ncancel');
    const counselor = await registerUser('ncancelc');
    const session = snapshot(client.user.id, counselor.user.id, { amountPaise: 12_345_600 });
    await publish(
      bookingEvent(BookingEvents.cancelled, {
        ...session,
        cancelledBy: 'counselor',
        reason: 'Unwell',
        refund: { refundId: null, amountPaise: 12_345_600, status: 'pending' },
      }),
    );
    const mail = await waitForMail(client.email, /Session cancelled/);
    expect(mail.text).toContain('A refund of ₹1,23,456 is on its way');
    expect(mail.text).toContain('cancelled by the counselor');
    expect(mail.text).toContain('Tele-MANAS');
    expect(mail.attachments[0].content).toContain('METHOD:CANCEL');
    expect(mail.attachments[0].content).toContain('STATUS:CANCELLED');
    expect(mail.attachments[0].content).toContain(`UID:${session.bookingId}@haven`);
    const message = await waitForMessage(client.accessToken, 'booking.cancelled', aboutBooking(session.bookingId));
    expect(message.data.refundPaise).toBe(12_345_600);
  });

  it('money news goes to the client: a processed refund and a failed payment', async () => {
    const client = await registerUser('nmoney');
    const counselor = await registerUser('nmoneyc');
    const session = snapshot(client.user.id, counselor.user.id, { amountPaise: 250_050 });
    await publish(
      bookingEvent(BookingEvents.refundProcessed, {
        ...session,
        refundId: 'rfnd_1',
        paymentId: 'pay_1',
        refundPaise: 125_025,
        processedAt: new Date().toISOString(),
      }),
    );
    const refund = await waitForMail(client.email, /Refund of/);
    expect(refund.subject).toBe('Refund of ₹1,250.25 processed');
    await publish(
      bookingEvent(BookingEvents.paymentFailed, {
        ...session,
        razorpayOrderId: 'order_1',
        razorpayPaymentId: null,
        reason: 'Card declined by the bank',
      }),
    );
    const failed = await waitForMail(client.email, /payment did not go through/);
    expect(failed.text).toContain('The payment of ₹2,500.50');
    expect(failed.text).toContain('Card declined by the bank');
    expect(await mailsTo(counselor.email)).toEqual([]);
  });

  it('a reconciliation with discrepancies alerts every finance user', async () => {
    const finance = await registerUser('nfinance', { name: 'Farah Khan' });
    await setGrantableRoles(finance, ['finance']);
    const reconciliationId = randomUUID();
    await publish(
      bookingEvent(BookingEvents.reconciliationCompleted, {
        reconciliationId,
        from: '2026-11-30T18:30:00.000Z',
        to: '2026-12-01T18:30:00.000Z',
        status: 'done',
        summary: { matched: 40, amountMismatch: 1, missingAtProvider: 0, missingInLedger: 1, statusMismatch: 0 },
        discrepancies: 2,
      }),
    );
    const mail = await waitForMail(finance.email, /Reconciliation found 2 discrepancies/);
    expect(mail.text).toContain(`/finance/reconciliations/${reconciliationId}/items.csv`);
    const message = await waitForMessage(
      (await login(finance.email, finance.password)).accessToken,
      'reconciliation.mismatch',
    );
    expect(message.data).toMatchObject({ reconciliationId, discrepancies: 2 });
  });

  it('an approved application is mailed to the applicant and lands in their inbox', async () => {
    const applicant = await registerUser('napplicant', { name: 'Kavya Menon' });
    const application = await submitApplication(applicant.accessToken);
    await waitForMail(applicant.email, /received your counselor application/);
    await approveApplication(application.id, 'Welcome aboard');
    const mail = await waitForMail(applicant.email, /application is approved/);
    expect(mail.subject).toBe('Your counselor application is approved');
    expect(mail.text).toContain('Hello Kavya,');
    expect(mail.text).toContain('Note from the reviewer: Welcome aboard');
    expect(mail.text).not.toContain('Tele-MANAS');
    // Approval grants the counselor role: a token from before it may be refused as stale.
    const token = await waitForRole(applicant, 'counselor');
    const message = await waitForMessage(token, 'counselor.application-decided');
    expect(message.data).toMatchObject({ applicationId: application.id, decision: 'approved' });
  });

  it('a password reset mails a link that sets the new password', async () => {
    const user = await registerUser('nreset');
    expect((await api('POST', '/auth/password-reset/request', { email: user.email })).status).toBe(202);
    const mail = await waitForMail(user.email, /Reset your Haven password/);
    const link = /https?:\/\/\S+\/reset-password\?token=([^\s"<]+)/.exec(mail.text);
    expect(link, mail.text).not.toBeNull();
    const token = decodeURIComponent(link![1]);
    const newPassword = 'a-brand-new-password-42';
    const confirmed = await api('POST', '/auth/password-reset/confirm', { token, password: newPassword });
    expect(confirmed.status, confirmed.text).toBe(204);
    await login(user.email, newPassword);
    // Security mail: nothing about it in the inbox.
    expect((await inbox((await login(user.email, newPassword)).accessToken)).items).toEqual([]);
  });

  it('mails go to the account as it is when they are sent: a changed time zone is used from then on', async () => {
    const client = await registerUser('nzone', { timezone: 'Asia/Kolkata' });
    const counselor = await registerUser('nzonec');
    const patched = await api<UserView>('PATCH', '/me', { timezone: 'Europe/London' }, { token: client.accessToken });
    expect(patched.status).toBe(200);
    await publish(bookingEvent(BookingEvents.expired, snapshot(client.user.id, counselor.user.id)));
    const mail = await waitForMail(client.email, /hold expired/);
    expect(mail.text).toContain('3:00 pm GMT (Europe/London)');
  });

  it('keeps a mail while the SMTP server is down and delivers it once when it is back', async () => {
    const client = await registerUser('nsmtp');
    const counselor = await registerUser('nsmtpc');
    await smtpDown();
    try {
      await publish(bookingEvent(BookingEvents.expired, snapshot(client.user.id, counselor.user.id)));
      // The in-app message is not held up by the mail server.
      await waitForMessage(client.accessToken, 'booking.expired');
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await mailsTo(client.email)).toEqual([]);
    } finally {
      await smtpUp();
    }
    await waitForMail(client.email, /hold expired/, 30_000);
    expect(await settledMailsTo(client.email, /hold expired/)).toHaveLength(1);
  });

  it('honours preferences: with e-mail off a booking is only in the inbox', async () => {
    const client = await registerUser('nprefs');
    const counselor = await registerUser('nprefsc');
    const put = await api('PUT', '/me/notification-preferences', { email: false }, { token: client.accessToken });
    expect(put.status, put.text).toBe(200);
    const session = snapshot(client.user.id, counselor.user.id);
    await publish(bookingEvent(BookingEvents.confirmed, { ...session, meetingUrl: 'https://meet.jit.si/x' }));
    await waitForMessage(client.accessToken, 'booking.confirmed', aboutBooking(session.bookingId));
    await waitForMail(counselor.email, /Session confirmed/);
    expect(await settledMailsTo(client.email, /Session confirmed/, 1000)).toEqual([]);
  });
});

describe('the inbox API', () => {
  it('lists newest first with paging and an unread filter, and marks messages read', async () => {
    const client = await registerUser('ninbox');
    const counselor = await registerUser('ninboxc');
    for (const minutes of [0, 60, 120]) {
      await publish(
        bookingEvent(
          BookingEvents.expired,
          snapshot(client.user.id, counselor.user.id, {
            startsAt: new Date(Date.parse('2027-02-01T10:00:00Z') + minutes * 60_000).toISOString(),
          }),
        ),
      );
    }
    const all = await waitForAll(client.accessToken, 3);
    expect(all.total).toBe(3);
    const firstPage = await inbox(client.accessToken, '?limit=2&page=1');
    const secondPage = await inbox(client.accessToken, '?limit=2&page=2');
    expect(firstPage).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(firstPage.items).toHaveLength(2);
    expect(secondPage.items).toHaveLength(1);
    const ids = [...firstPage.items, ...secondPage.items].map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
    expect(firstPage.items[0].createdAt >= firstPage.items[1].createdAt).toBe(true);

    const target = firstPage.items[0];
    const read = await api('POST', `/me/notifications/${target.id}/read`, undefined, { token: client.accessToken });
    expect(read.status).toBe(204);
    const again = await api('POST', `/me/notifications/${target.id}/read`, undefined, { token: client.accessToken });
    expect(again.status).toBe(204);
    const unread = await inbox(client.accessToken, '?unread=true');
    expect(unread.total).toBe(2);
    expect(unread.items.map((m) => m.id)).not.toContain(target.id);
    expect((await inbox(client.accessToken)).items.find((m) => m.id === target.id)?.readAt).not.toBeNull();

    // Someone else's message does not exist for you.
    const stranger = await registerUser('nstranger');
    const foreign = await api('POST', `/me/notifications/${target.id}/read`, undefined, {
      token: stranger.accessToken,
    });
    expect(foreign.status).toBe(404);
    expect((await inbox(stranger.accessToken)).total).toBe(0);
    expect(
      (await api('POST', '/me/notifications/not-a-uuid/read', undefined, { token: stranger.accessToken })).status,
    ).toBe(404);
    expect((await api('GET', '/me/notifications?unread=maybe', undefined, { token: client.accessToken })).status).toBe(
      400,
    );
    expect((await api('GET', '/me/notifications')).status).toBe(401);
  });

  it('gives default preferences, saves changes and names the bad field', async () => {
    const user = await registerUser('nprefs2');
    const token = user.accessToken;
    const defaults = await api('GET', '/me/notification-preferences', undefined, { token });
    expect(defaults.body).toEqual({ email: true, sms: false, inApp: true, reminders: [1440, 60] });

    const saved = await api('PUT', '/me/notification-preferences', { sms: true, reminders: [30, 2880, 30] }, { token });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toEqual({ email: true, sms: true, inApp: true, reminders: [2880, 30] });
    expect((await api('GET', '/me/notification-preferences', undefined, { token })).body).toEqual(saved.body);

    const cases: [unknown, string][] = [
      [{ reminders: [60, 0] }, 'reminders'],
      [{ reminders: [10_081] }, 'reminders'],
      [{ reminders: [1, 2, 3, 4, 5, 6] }, 'reminders'],
      [{ reminders: [1.5] }, 'reminders'],
      [{ email: 'yes' }, 'email'],
      [{ push: true }, 'push'],
    ];
    for (const [body, field] of cases) {
      const response = await api('PUT', '/me/notification-preferences', body, { token });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.message, JSON.stringify(body)).toContain(field);
    }
    expect((await api('GET', '/me/notification-preferences', undefined, { token })).body).toEqual(saved.body);
  });
});

async function waitForAll(token: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await inbox(token);
    if (page.total >= count || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
