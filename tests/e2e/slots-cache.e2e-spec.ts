import type { SlotsView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { getSlots, putAvailability } from '../support/booking';
import { book, client, hold, openCounselor } from '../support/bookings';

const DAY = 24 * 3_600_000;
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** The gateway keeps slot lists; a calendar change must reach every replica's copy within this. */
const INVALIDATION_MS = 5_000;

const starts = (view: SlotsView) => view.slots.map((slot) => slot.startsAt);

/** Midnight UTC `days` from today. */
function utcDay(days: number): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}

describe('slot lists kept by the gateway', () => {
  it('lose a slot right after a client holds it, and a second hold of it is still refused', async () => {
    const counselor = await openCounselor({ durationMinutes: 60 });
    const from = utcDay(3);
    const to = new Date(from.getTime() + DAY);
    const list = () => getSlots(counselor.id, counselor.offering.id, from, to);
    const before = await list();
    expect(before.slots).toHaveLength(24);
    expect(await list()).toEqual(before);

    const taken = before.slots[5].startsAt;
    await hold((await client()).accessToken, counselor.offering.id, taken);
    const after = await waitFor(async () => ((await list()).slots.length < 24 ? list() : undefined), {
      what: 'the held slot to leave the list',
      timeoutMs: INVALIDATION_MS,
      intervalMs: 20,
    });
    expect(starts(after)).toEqual(starts(before).filter((start) => start !== taken));

    const second = await book((await client('second-client')).accessToken, counselor.offering.id, taken);
    expect(second.status).toBe(409);
  });

  it('follow a change of the counselor’s weekly hours', async () => {
    const counselor = await openCounselor({ durationMinutes: 60 });
    const from = utcDay(3);
    const to = new Date(from.getTime() + DAY);
    const list = () => getSlots(counselor.id, counselor.offering.id, from, to);
    expect((await list()).slots).toHaveLength(24);

    await putAvailability(counselor.accessToken, {
      timezone: 'UTC',
      weekly: ALL_DAYS.map((day) => ({ day, start: '09:00', end: '11:00' })),
      bufferMinutes: 0,
      minNoticeMinutes: 0,
      maxAdvanceDays: 30,
    });
    const after = await waitFor(async () => ((await list()).slots.length < 24 ? list() : undefined), {
      what: 'the new hours to show',
      timeoutMs: INVALIDATION_MS,
      intervalMs: 20,
    });
    expect(starts(after)).toEqual([
      new Date(from.getTime() + 9 * 3_600_000).toISOString(),
      new Date(from.getTime() + 10 * 3_600_000).toISOString(),
    ]);
  });
});
