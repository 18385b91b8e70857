import {
  AccountsEvents,
  BookingEvents,
  DirectoryEvents,
  type EventContract,
  type EventEnvelope,
} from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import { planNotifications } from './plan';

function envelope<T>(contract: EventContract<T>, data: T): EventEnvelope<T> {
  return {
    id: 'e1',
    type: contract.type,
    version: 1,
    occurredAt: '2026-12-01T00:00:10.000Z',
    producer: 'booking',
    correlationId: 'c1',
    data,
  };
}

const snapshot = {
  bookingId: 'b1',
  clientId: 'client',
  counselorId: 'counselor',
  counselorName: 'Dr. Meera Iyer',
  offeringId: 'o1',
  offeringTitle: 'Anxiety support',
  mode: 'video' as const,
  startsAt: '2026-12-01T04:30:00.000Z',
  endsAt: '2026-12-01T05:20:00.000Z',
  durationMinutes: 50,
  amountPaise: 150_000,
  currency: 'INR' as const,
};

describe('who hears about an event', () => {
  it('a confirmation goes to both sides, with the meeting link and an invitation sequence from the event time', () => {
    const plan = planNotifications(envelope(BookingEvents.confirmed, { ...snapshot, meetingUrl: 'https://m' }));
    expect(plan.map((p) => p.audience)).toEqual([{ userId: 'client' }, { userId: 'counselor' }]);
    expect(plan[0].input).toMatchObject({ type: 'booking.confirmed', role: 'client', icsSequence: 1_796_083_210 });
    expect(plan[1].input).toMatchObject({ role: 'counselor', session: { meetingUrl: 'https://m' } });
  });

  it('a cancellation carries the refund amount', () => {
    const plan = planNotifications(
      envelope(BookingEvents.cancelled, {
        ...snapshot,
        cancelledBy: 'client',
        reason: null,
        refund: { refundId: null, amountPaise: 75_000, status: 'pending' },
      }),
    );
    expect(plan).toHaveLength(2);
    expect(plan[0].input).toMatchObject({ type: 'booking.cancelled', refundPaise: 75_000 });
  });

  it('money events go to the client only', () => {
    const plan = planNotifications(
      envelope(BookingEvents.refundProcessed, {
        ...snapshot,
        refundId: 'r',
        paymentId: 'p',
        refundPaise: 150_000,
        processedAt: snapshot.startsAt,
      }),
    );
    expect(plan).toEqual([
      { audience: { userId: 'client' }, input: expect.objectContaining({ type: 'refund.processed' }) },
    ]);
  });

  it('finance hears about a reconciliation only when something does not match', () => {
    const data = {
      reconciliationId: 'rec',
      from: snapshot.startsAt,
      to: snapshot.endsAt,
      status: 'done' as const,
      summary: { matched: 5, amountMismatch: 0, missingAtProvider: 0, missingInLedger: 0, statusMismatch: 0 },
      discrepancies: 0,
    };
    expect(planNotifications(envelope(BookingEvents.reconciliationCompleted, data))).toEqual([]);
    const mismatch = planNotifications(
      envelope(BookingEvents.reconciliationCompleted, {
        ...data,
        discrepancies: 2,
        summary: { ...data.summary, amountMismatch: 2 },
      }),
    );
    expect(mismatch).toEqual([{ audience: { role: 'finance' }, input: expect.objectContaining({ discrepancies: 2 }) }]);
  });

  it('application decisions go to the applicant with the reviewer’s words', () => {
    const rejected = planNotifications(
      envelope(DirectoryEvents.rejected, {
        applicationId: 'a',
        userId: 'u',
        reviewerId: 'admin',
        reason: 'No registration',
      }),
    );
    expect(rejected[0]).toEqual({
      audience: { userId: 'u' },
      input: {
        type: 'counselor.application-decided',
        applicationId: 'a',
        decision: 'rejected',
        reviewerNote: 'No registration',
      },
    });
  });

  it('a password reset request names the request, never a token', () => {
    const plan = planNotifications(
      envelope(AccountsEvents.passwordResetRequested, { userId: 'u', requestId: 'req', expiresAt: snapshot.endsAt }),
    );
    expect(plan).toEqual([
      {
        audience: { userId: 'u' },
        input: { type: 'account.password-reset', requestId: 'req', expiresAt: snapshot.endsAt },
      },
    ]);
  });

  it('events nobody needs to hear about plan nothing', () => {
    expect(planNotifications(envelope(BookingEvents.completed, { ...snapshot }))).toEqual([]);
  });
});
