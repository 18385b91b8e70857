import { DEFAULT_NOTIFICATION_PREFERENCES } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import type { NotificationInput } from '../templates/notification-input';
import { channelsFor } from './channels-for';

const session = {
  bookingId: 'b1',
  counselorName: 'Dr Meera Iyer',
  offeringTitle: 'Anxiety support',
  mode: 'video' as const,
  startsAt: '2026-12-01T04:30:00.000Z',
  endsAt: '2026-12-01T05:20:00.000Z',
  durationMinutes: 50,
  amountPaise: 50_000,
  meetingUrl: 'https://meet.jit.si/haven-x',
};
const confirmed: NotificationInput = { type: 'booking.confirmed', role: 'client', session, icsSequence: 1 };
const reset: NotificationInput = { type: 'account.password-reset', requestId: 'r1', expiresAt: session.startsAt };
const defaults = { ...DEFAULT_NOTIFICATION_PREFERENCES };

describe('channels for a notification', () => {
  it('follows the defaults: in-app and e-mail, no SMS', () => {
    expect(channelsFor(confirmed, defaults)).toEqual(['in-app', 'email']);
  });

  it('honours each switch', () => {
    expect(channelsFor(confirmed, { ...defaults, email: false, sms: true })).toEqual(['in-app', 'sms']);
    expect(channelsFor(confirmed, { ...defaults, inApp: false, email: false })).toEqual([]);
  });

  it('texts only about sessions', () => {
    const decided: NotificationInput = {
      type: 'counselor.application-decided',
      applicationId: 'a1',
      decision: 'approved',
      reviewerNote: null,
    };
    expect(channelsFor(decided, { ...defaults, sms: true })).toEqual(['in-app', 'email']);
  });

  it('mails a password reset even to someone who turned e-mail off, and nowhere else', () => {
    expect(channelsFor(reset, { ...defaults, email: false, inApp: true, sms: true })).toEqual(['email']);
  });
});
