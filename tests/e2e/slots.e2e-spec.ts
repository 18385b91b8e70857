import type { CounselorView, Page, SlotsView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { loginAdmin } from '../support/accounts';
import { bookableCounselor, getSlots, insertBooking, nextLondonSwitch, waitUntilBookable } from '../support/booking';
import { makeCounselor, makeOffering } from '../support/directory';
import { api } from '../support/http';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Midnight UTC `days` from today. */
function utcDay(days: number): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(0, 0, 0, 0);
  return date;
}

const at = (day: Date, hours: number, minutes = 0) => new Date(day.getTime() + hours * HOUR + minutes * MINUTE);
const iso = (date: Date) => date.toISOString();
const starts = (view: SlotsView) => view.slots.map((slot) => slot.startsAt);

describe('GET /counselors/:id/slots', () => {
  it('lays slots in the counselor’s zone (Asia/Kolkata, +05:30) on the offering’s grid, as UTC instants', async () => {
    const counselor = await bookableCounselor({
      availability: {
        timezone: 'Asia/Kolkata',
        weekly: ALL_DAYS.map((day) => ({ day, start: '09:00', end: '13:00' })),
        bufferMinutes: 0,
        minNoticeMinutes: 0,
        maxAdvanceDays: 30,
      },
    });
    // Midnight in Kolkata three days ahead.
    const dayStart = new Date(utcDay(3).getTime() - 5.5 * HOUR);
    const view = await getSlots(counselor.id, counselor.offering.id, dayStart, new Date(dayStart.getTime() + DAY));
    expect(view.counselorId).toBe(counselor.id);
    expect(view.offeringId).toBe(counselor.offering.id);
    // 50-minute sessions from 09:00: 09:00, 09:50, 10:40, 11:30 (12:20 would end after 13:00).
    expect(view.slots).toEqual(
      [9 * 60, 9 * 60 + 50, 10 * 60 + 40, 11 * 60 + 30].map((minutes) => ({
        startsAt: iso(at(dayStart, 0, minutes)),
        endsAt: iso(at(dayStart, 0, minutes + 50)),
      })),
    );
    expect(view.slots[0].startsAt).toMatch(/T03:30:00\.000Z$/);
  });

  it('Europe/London, spring forward: 09:00 moves from 09:00Z to 08:00Z, and 01:00–03:00 is one real hour', async () => {
    const sunday = nextLondonSwitch(3);
    const saturday = new Date(sunday.getTime() - DAY);
    const counselor = await bookableCounselor({
      offering: { durationMinutes: 30 },
      availability: {
        timezone: 'Europe/London',
        weekly: [
          { day: 'sat', start: '09:00', end: '10:00' },
          { day: 'sun', start: '01:00', end: '03:00' },
          { day: 'sun', start: '09:00', end: '10:00' },
        ],
        bufferMinutes: 0,
        minNoticeMinutes: 0,
        maxAdvanceDays: 365,
      },
    });
    const view = await getSlots(counselor.id, counselor.offering.id, saturday, new Date(sunday.getTime() + DAY));
    expect(starts(view)).toEqual([
      iso(at(saturday, 9)),
      iso(at(saturday, 9, 30)),
      // 01:00 does not exist that night; the window runs from 01:00 GMT = 02:00 BST to 03:00 BST.
      iso(at(sunday, 1)),
      iso(at(sunday, 1, 30)),
      iso(at(sunday, 8)),
      iso(at(sunday, 8, 30)),
    ]);
  });

  it('Europe/London, fall back: 09:00 moves from 08:00Z to 09:00Z, and 01:00–02:00 is two real hours', async () => {
    const sunday = nextLondonSwitch(10);
    const saturday = new Date(sunday.getTime() - DAY);
    const counselor = await bookableCounselor({
      offering: { durationMinutes: 30 },
      availability: {
        timezone: 'Europe/London',
        weekly: [
          { day: 'sat', start: '09:00', end: '10:00' },
          { day: 'sun', start: '01:00', end: '02:00' },
          { day: 'sun', start: '09:00', end: '10:00' },
        ],
        bufferMinutes: 0,
        minNoticeMinutes: 0,
        maxAdvanceDays: 365,
      },
    });
    const view = await getSlots(counselor.id, counselor.offering.id, saturday, new Date(sunday.getTime() + DAY));
    expect(starts(view)).toEqual([
      iso(at(saturday, 8)),
      iso(at(saturday, 8, 30)),
      // 01:00 happens twice; the window starts at the first (01:00 BST = 00:00Z) and ends at 02:00 GMT.
      iso(at(sunday, 0)),
      iso(at(sunday, 0, 30)),
      iso(at(sunday, 1)),
      iso(at(sunday, 1, 30)),
      iso(at(sunday, 9)),
      iso(at(sunday, 9, 30)),
    ]);
  });

  it('leaves out booked time plus buffers and time off; cancelled bookings free their time', async () => {
    const counselor = await bookableCounselor({
      availability: {
        timezone: 'UTC',
        weekly: ALL_DAYS.map((day) => ({ day, start: '09:00', end: '13:00' })),
        bufferMinutes: 10,
        minNoticeMinutes: 0,
        maxAdvanceDays: 30,
        slotIntervalMinutes: 30,
      },
    });
    const day = utcDay(4);
    const next = new Date(day.getTime() + DAY);
    await insertBooking({ counselorId: counselor.id, startsAt: at(day, 10), minutes: 50, bufferMinutes: 10 });
    await insertBooking({ counselorId: counselor.id, startsAt: at(day, 9), minutes: 50, status: 'cancelled' });
    await insertBooking({ counselorId: counselor.id, startsAt: at(next, 9), minutes: 50, status: 'pending_payment' });
    const timeOff = await api(
      'POST',
      '/counselor/time-off',
      { startsAt: iso(at(day, 12)), endsAt: iso(at(day, 12, 30)) },
      { token: counselor.accessToken },
    );
    expect(timeOff.status).toBe(201);

    const view = await getSlots(counselor.id, counselor.offering.id, day, new Date(day.getTime() + 2 * DAY));
    expect(starts(view)).toEqual([
      // 09:00–09:50 and its 10 minutes of rest end exactly when the booking starts.
      iso(at(day, 9)),
      // The booking and its buffer end at 11:00; 11:30 and 12:00 would overlap the time off.
      iso(at(day, 11)),
      // The pending booking at 09:00 and its buffer take the next morning until 10:00.
      iso(at(next, 10)),
      iso(at(next, 10, 30)),
      iso(at(next, 11)),
      iso(at(next, 11, 30)),
      iso(at(next, 12)),
    ]);
    expect(view.slots[0].endsAt).toBe(iso(at(day, 9, 50)));
  });

  it('overrides replace a date’s windows, and an empty override is a day off', async () => {
    const day = utcDay(5);
    const date = (d: Date) => iso(d).slice(0, 10);
    const next = new Date(day.getTime() + DAY);
    const counselor = await bookableCounselor({
      offering: { durationMinutes: 60 },
      availability: {
        timezone: 'UTC',
        weekly: ALL_DAYS.map((weekday) => ({ day: weekday, start: '09:00', end: '11:00' })),
        overrides: [
          { date: date(day), windows: [] },
          { date: date(next), windows: [{ start: '15:00', end: '16:00' }] },
        ],
        minNoticeMinutes: 0,
      },
    });
    const view = await getSlots(counselor.id, counselor.offering.id, day, new Date(day.getTime() + 3 * DAY));
    expect(starts(view)).toEqual([iso(at(next, 15)), iso(at(day, 2 * 24 + 9)), iso(at(day, 2 * 24 + 10))]);
  });

  it('respects the minimum notice and the booking window, and never offers the past', async () => {
    const counselor = await bookableCounselor({
      offering: { durationMinutes: 60 },
      availability: {
        timezone: 'UTC',
        weekly: ALL_DAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
        bufferMinutes: 0,
        minNoticeMinutes: 24 * 60,
        maxAdvanceDays: 3,
      },
    });
    const now = Date.now();
    const view = await getSlots(counselor.id, counselor.offering.id, new Date(now - DAY), new Date(now + 6 * DAY));
    const times = view.slots.map((slot) => Date.parse(slot.startsAt));
    expect(times.length).toBeGreaterThan(40);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now + DAY);
    expect(Math.min(...times)).toBeLessThan(now + DAY + HOUR + MINUTE);
    expect(Math.max(...times)).toBeLessThanOrEqual(now + 3 * DAY + MINUTE);
  });

  it('a window ending at 24:00 offers a session that ends at midnight', async () => {
    const counselor = await bookableCounselor({
      offering: { durationMinutes: 60 },
      availability: {
        timezone: 'Asia/Kolkata',
        weekly: ALL_DAYS.map((day) => ({ day, start: '22:00', end: '24:00' })),
        minNoticeMinutes: 0,
      },
    });
    const dayStart = new Date(utcDay(3).getTime() - 5.5 * HOUR);
    const view = await getSlots(counselor.id, counselor.offering.id, dayStart, new Date(dayStart.getTime() + DAY));
    expect(view.slots).toEqual([
      { startsAt: iso(at(dayStart, 22)), endsAt: iso(at(dayStart, 23)) },
      { startsAt: iso(at(dayStart, 23)), endsAt: iso(at(dayStart, 24)) },
    ]);
  });

  it('is empty for a counselor who has not set any availability', async () => {
    const counselor = await bookableCounselor();
    const view = await getSlots(counselor.id, counselor.offering.id, utcDay(1), utcDay(8));
    expect(view.slots).toEqual([]);
  });

  it('rejects bad ranges and parameters with 400 naming the field', async () => {
    const counselor = await bookableCounselor();
    const path = (query: string) => `/counselors/${counselor.id}/slots?${query}`;
    const offering = `offeringId=${counselor.offering.id}`;
    const cases: [string, string][] = [
      [`${offering}&from=${iso(utcDay(1))}&to=${iso(utcDay(33))}`, 'to'],
      [`${offering}&from=${iso(utcDay(2))}&to=${iso(utcDay(1))}`, 'to'],
      [`${offering}&from=${iso(utcDay(2))}&to=${iso(utcDay(2))}`, 'to'],
      [`${offering}&from=tomorrow`, 'from'],
      [`${offering}&from=2026-12-01T10:00:00`, 'from'],
      [`from=${iso(utcDay(1))}`, 'offeringId'],
      ['offeringId=not-a-uuid', 'offeringId'],
    ];
    for (const [query, field] of cases) {
      const response = await api('GET', path(query));
      expect(response.status, query).toBe(400);
      expect(
        response.body.details.map((detail: { field: string }) => detail.field),
        query,
      ).toContain(field);
    }
    // Exactly 31 days is allowed.
    const month = await api('GET', path(`${offering}&from=${iso(utcDay(1))}&to=${iso(utcDay(32))}`));
    expect(month.status).toBe(200);
  });

  it('is 404 for an unknown counselor, another counselor’s offering, an inactive offering or a suspended counselor', async () => {
    const counselor = await bookableCounselor();
    const other = await bookableCounselor();
    const range = `from=${iso(utcDay(1))}&to=${iso(utcDay(2))}`;
    const slots = (counselorId: string, offeringId: string) =>
      api('GET', `/counselors/${counselorId}/slots?offeringId=${offeringId}&${range}`);

    expect((await slots('00000000-0000-4000-8000-000000000000', counselor.offering.id)).status).toBe(404);
    expect((await slots('not-a-uuid', counselor.offering.id)).status).toBe(404);
    expect((await slots(counselor.id, other.offering.id)).status).toBe(404);
    expect((await slots(counselor.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const second = await makeOffering(counselor.accessToken, { durationMinutes: 30 });
    await waitUntilBookable(counselor.id, second.id);
    const deactivated = await api(
      'PATCH',
      `/counselor/offerings/${second.id}`,
      { active: false },
      { token: counselor.accessToken },
    );
    expect(deactivated.status).toBe(200);
    await waitFor(async () => ((await slots(counselor.id, second.id)).status === 404 ? true : undefined), {
      what: 'the inactive offering to disappear',
    });

    const admin = await loginAdmin();
    const suspended = await api(
      'POST',
      `/admin/counselors/${counselor.id}/suspend`,
      { reason: 'review' },
      { token: admin },
    );
    expect(suspended.status).toBe(200);
    await waitFor(async () => ((await slots(counselor.id, counselor.offering.id)).status === 404 ? true : undefined), {
      what: 'the suspension to reach the booking service',
    });
    const reinstated = await api('POST', `/admin/counselors/${counselor.id}/reinstate`, {}, { token: admin });
    expect(reinstated.status).toBe(200);
    await waitUntilBookable(counselor.id, counselor.offering.id);
  });

  it('a counselor is not bookable before an offering exists, even once approved', async () => {
    const counselor = await makeCounselor();
    const response = await api(
      'GET',
      `/counselors/${counselor.id}/slots?offeringId=00000000-0000-4000-8000-000000000000`,
    );
    expect(response.status).toBe(404);
  });
});

describe('next availability in the directory', () => {
  it('shows the first open slot on the profile and filters search by "has a free slot between A and B"', async () => {
    const day = utcDay(6);
    const date = iso(day).slice(0, 10);
    const counselor = await bookableCounselor({
      application: { displayName: `Dr Slot ${Math.random().toString(36).slice(2, 8)}` },
      offering: { durationMinutes: 60 },
      availability: {
        timezone: 'UTC',
        overrides: [{ date, windows: [{ start: '10:00', end: '12:00' }] }],
        minNoticeMinutes: 0,
      },
    });
    await insertBooking({ counselorId: counselor.id, startsAt: at(day, 10), minutes: 60 });

    const profile = await api<CounselorView>('GET', `/counselors/${counselor.id}`);
    expect(profile.status).toBe(200);
    expect(profile.body.nextAvailableAt).toBe(iso(at(day, 11)));

    const search = (from: Date, to: Date) =>
      api<Page<CounselorView>>(
        'GET',
        `/counselors?q=${encodeURIComponent(counselor.application.displayName)}&availableFrom=${iso(from)}&availableTo=${iso(to)}`,
      );
    // Search learns of calendar changes through the booking service's openings, within moments.
    const found = (from: Date, to: Date) =>
      search(from, to).then((page) => (page.status === 200 ? page.body.items.map((item) => item.id) : []));
    await waitFor(
      async () => {
        const [within, booked] = await Promise.all([found(at(day, 9), at(day, 12)), found(at(day, 9), at(day, 11))]);
        // Only the booked hour lies in the second range.
        return within.includes(counselor.id) && !booked.includes(counselor.id) ? true : undefined;
      },
      { what: 'search to find the counselor free at 11:00 only' },
    );
  });
});
