import { describe, expect, it } from 'vitest';
import type { Session } from '../api/sessions';
import { sessionActions, sessionsByDay, weekOf } from './week';

function session(overrides: Partial<Session>): Session {
  return {
    id: 's',
    clientId: 'c',
    counselorId: 'k',
    offeringId: 'o',
    mode: 'video',
    startsAt: '2026-12-08T04:30:00.000Z',
    endsAt: '2026-12-08T05:20:00.000Z',
    status: 'confirmed',
    pricePaise: 50_000,
    currency: 'INR',
    createdAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('weekOf', () => {
  it('runs Monday to Sunday in the counselor’s zone', () => {
    const week = weekOf('Asia/Kolkata', null, new Date('2026-12-09T12:00:00Z'));
    expect(week.monday).toBe('2026-12-07');
    expect(week.days.at(-1)).toBe('2026-12-13');
    expect(week.from).toBe('2026-12-06T18:30:00.000Z');
    expect(week.to).toBe('2026-12-13T18:30:00.000Z');
  });

  it('takes the week of a linked date, and ignores a malformed one', () => {
    expect(weekOf('Asia/Kolkata', '2026-12-31').monday).toBe('2026-12-28');
    expect(weekOf('Asia/Kolkata', 'next tuesday', new Date('2026-12-09T12:00:00Z')).monday).toBe('2026-12-07');
  });

  it('is 167 hours long in the week clocks go forward', () => {
    const week = weekOf('Europe/London', '2026-03-29');
    expect((Date.parse(week.to) - Date.parse(week.from)) / 3_600_000).toBe(167);
  });
});

describe('sessionsByDay', () => {
  it('puts a session on its day in the counselor’s zone and leaves lapsed holds out', () => {
    const week = weekOf('Asia/Kolkata', '2026-12-07');
    const lateEvening = session({ id: 'late', startsAt: '2026-12-08T19:00:00.000Z' }); // 00:30 on the 9th in India
    const lapsed = session({ id: 'lapsed', status: 'expired' });
    const byDay = sessionsByDay([lateEvening, session({ id: 'morning' }), lapsed], week, 'Asia/Kolkata');
    expect(byDay.get('2026-12-08')!.map((s) => s.id)).toEqual(['morning']);
    expect(byDay.get('2026-12-09')!.map((s) => s.id)).toEqual(['late']);
    expect([...byDay.values()].flat()).toHaveLength(2);
  });
});

describe('sessionActions', () => {
  const start = Date.parse('2026-12-08T04:30:00.000Z');
  it('offers cancel before the start, no-show during, complete or no-show after the end', () => {
    expect(sessionActions(session({}), start - 1)).toEqual(['cancel']);
    expect(sessionActions(session({}), start + 60_000)).toEqual(['no-show']);
    expect(sessionActions(session({}), start + 50 * 60_000)).toEqual(['complete', 'no-show']);
  });

  it('offers nothing on a session that is not confirmed', () => {
    for (const status of ['pending_payment', 'cancelled', 'completed', 'no_show'] as const) {
      expect(sessionActions(session({ status }), start + 50 * 60_000)).toEqual([]);
    }
  });
});
