import { describe, expect, it } from 'vitest';
import { toEmail, toInApp, toSms } from './channels';
import { sessionInvite } from './ics';
import type { NotificationInput, SessionFacts } from './notification-input';
import { renderMessage } from './render';

const session: SessionFacts = {
  bookingId: '6f1c0a9e-1111-4222-8333-944455556666',
  counselorName: 'Dr. Meera Iyer',
  offeringTitle: 'Anxiety support',
  mode: 'video',
  startsAt: '2026-12-01T04:30:00.000Z',
  endsAt: '2026-12-01T05:20:00.000Z',
  durationMinutes: 50,
  amountPaise: 150_000,
  meetingUrl: 'https://meet.jit.si/haven-abc',
};
const asha = { name: 'Asha Rao', timezone: 'Asia/Kolkata' };
const context = { publicUrl: 'https://haven.example' };
const confirmed: NotificationInput = { type: 'booking.confirmed', role: 'client', session, icsSequence: 100 };

describe('booking messages', () => {
  it('say the same in the text and the HTML mail: greeting, local time with zone, price, link, crisis line', () => {
    const mail = toEmail(renderMessage(confirmed, asha, context));
    expect(mail.subject).toBe('Session confirmed: Tuesday, 1 December 2026, 10:00 am IST (Asia/Kolkata)');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Hello Asha,');
      expect(body).toContain('Tuesday, 1 December 2026, 10:00 am – 10:50 am IST (Asia/Kolkata)');
      expect(body).toContain('₹1,500');
      expect(body).toContain('https://meet.jit.si/haven-abc');
      expect(body).toContain('Tele-MANAS');
      expect(body).toContain('14416 or 1-800-891-4416');
    }
  });

  it('escape what people typed in the HTML mail', () => {
    const cancelled: NotificationInput = {
      type: 'booking.cancelled',
      role: 'client',
      session,
      cancelledBy: 'counselor',
      reason: '<script>alert(1)</script>',
      refundPaise: 150_000,
      icsSequence: 101,
    };
    const mail = toEmail(renderMessage(cancelled, asha, context));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('A refund of ₹1,500 is on its way');
  });

  it('tell the counselor about a client without naming them, in the counselor’s zone', () => {
    const forCounselor = renderMessage(
      { ...confirmed, role: 'counselor' },
      { name: 'Meera', timezone: 'Europe/London' },
      context,
    );
    expect(forCounselor.subject).toBe('Session confirmed: Tuesday, 1 December 2026, 4:30 am GMT (Europe/London)');
    expect(forCounselor.paragraphs[0]).toBe('Your video call session (Anxiety support) with a client is confirmed.');
  });

  it('tell a client who cancelled a paid session late that no refund is due', () => {
    const message = renderMessage(
      {
        type: 'booking.cancelled',
        role: 'client',
        session,
        cancelledBy: 'client',
        reason: null,
        refundPaise: null,
        icsSequence: 1,
      },
      asha,
      context,
    );
    expect(message.paragraphs).toContain('No refund is due for this cancellation under the cancellation policy.');
    expect(message.paragraphs[0]).toContain('was cancelled at your request');
  });

  it('cut the in-app message and the SMS from the same words', () => {
    const message = renderMessage(confirmed, asha, context);
    expect(toInApp(message).title).toBe(message.subject);
    expect(toInApp(message).body).toContain('Your video call session with Dr. Meera Iyer is confirmed.');
    expect(toSms(message)).toBe(`Haven: ${message.subject}. https://meet.jit.si/haven-abc`);
  });
});

describe('other messages', () => {
  it('a password reset carries the link, no crisis footer and no link when none was issued', () => {
    const input: NotificationInput = {
      type: 'account.password-reset',
      requestId: 'r',
      expiresAt: '2026-12-01T05:30:00.000Z',
    };
    const link = 'https://haven.example/reset-password?token=abc';
    const mail = toEmail(renderMessage(input, asha, { ...context, passwordResetLink: link }));
    expect(mail.text).toContain(`Choose a new password: ${link}`);
    expect(mail.text).toContain('until Tuesday, 1 December 2026, 11:00 am IST (Asia/Kolkata)');
    expect(mail.text).not.toContain('Tele-MANAS');
    expect(toEmail(renderMessage(input, asha, context)).text).not.toContain('reset-password');
  });

  it('a finance alert counts the discrepancies and links the items', () => {
    const message = renderMessage(
      {
        type: 'reconciliation.mismatch',
        reconciliationId: 'rec-1',
        from: '2026-11-30T18:30:00.000Z',
        to: '2026-12-01T18:30:00.000Z',
        summary: { matched: 10, amountMismatch: 1, missingAtProvider: 0, missingInLedger: 2, statusMismatch: 0 },
        discrepancies: 3,
      },
      asha,
      context,
    );
    expect(message.subject).toBe('Reconciliation found 3 discrepancies');
    expect(message.details).toContainEqual(['Missing in the ledger', '2']);
    expect(message.action?.url).toBe('https://haven.example/api/v1/finance/reconciliations/rec-1/items.csv');
  });
});

describe('calendar invitations', () => {
  it('a confirmation invites with a stable UID, a reschedule moves it with a higher sequence, a cancel withdraws it', () => {
    const invite = sessionInvite(confirmed)!;
    expect(invite.filename).toBe('haven-session.ics');
    expect(invite.content).toContain('METHOD:REQUEST');
    expect(invite.content).toContain(`UID:${session.bookingId}@haven`);
    expect(invite.content).toContain('SEQUENCE:100');
    expect(invite.content).toContain('DTSTART:20261201T043000Z');

    const moved = sessionInvite({
      type: 'booking.rescheduled',
      role: 'client',
      session: { ...session, startsAt: '2026-12-02T04:30:00.000Z', endsAt: '2026-12-02T05:20:00.000Z' },
      previousStartsAt: session.startsAt,
      previousEndsAt: session.endsAt,
      icsSequence: 200,
    })!;
    expect(moved.content).toContain(`UID:${session.bookingId}@haven`);
    expect(moved.content).toContain('SEQUENCE:200');
    expect(moved.content).toContain('DTSTART:20261202T043000Z');

    const cancelled = sessionInvite({
      type: 'booking.cancelled',
      role: 'client',
      session,
      cancelledBy: 'client',
      reason: null,
      refundPaise: null,
      icsSequence: 300,
    })!;
    expect(cancelled.content).toContain('METHOD:CANCEL');
    expect(cancelled.content).toContain('STATUS:CANCELLED');
    expect(cancelled.contentType).toContain('method=CANCEL');
  });

  it('only booking changes carry one', () => {
    expect(sessionInvite({ type: 'booking.reminder', role: 'client', session, offsetMinutes: 60 })).toBeNull();
  });
});
