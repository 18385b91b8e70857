import type { Availability, BookingView, Page, TimeOffView } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { registerUser } from '../support/accounts';
import { bookableCounselor, insertBooking, putAvailability } from '../support/booking';
import { makeCounselor } from '../support/directory';
import { api } from '../support/http';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A whole UTC hour `days` from now. */
function hourAhead(days: number, hour = 10): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

const iso = (date: Date) => date.toISOString();

/** A field as the gateway (`weekly.0.end`) or the booking service (`weekly[0].end`) names it. */
const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((detail) => detail.field.replace(/\[(\d+)\]/g, '.$1'));

describe('GET/PUT /counselor/availability', () => {
  it('starts from the counselor’s own time zone and the default settings, with no windows', async () => {
    const counselor = await makeCounselor({ timezone: 'Europe/London' });
    // The booking service learns the zone from an accounts event.
    const availability = await waitFor(
      async () => {
        const response = await api<Availability>('GET', '/counselor/availability', undefined, {
          token: counselor.accessToken,
        });
        expect(response.status).toBe(200);
        return response.body.timezone === 'Europe/London' ? response.body : undefined;
      },
      { what: 'the counselor’s zone' },
    );
    expect(availability).toEqual({
      timezone: 'Europe/London',
      weekly: [],
      overrides: [],
      bufferMinutes: 10,
      minNoticeMinutes: 120,
      maxAdvanceDays: 30,
      slotIntervalMinutes: null,
    });
  });

  it('saves a whole availability and returns it; a later PUT changes only the fields it names', async () => {
    const counselor = await makeCounselor();
    const full: Availability = {
      timezone: 'Asia/Kolkata',
      weekly: [
        { day: 'mon', start: '09:00', end: '13:00' },
        { day: 'mon', start: '14:00', end: '18:00' },
        { day: 'sat', start: '20:00', end: '24:00' },
      ],
      overrides: [
        { date: '2026-12-25', windows: [] },
        { date: '2026-12-31', windows: [{ start: '10:00', end: '12:00' }] },
      ],
      bufferMinutes: 15,
      minNoticeMinutes: 240,
      maxAdvanceDays: 60,
      slotIntervalMinutes: 30,
    };
    expect(await putAvailability(counselor.accessToken, full)).toEqual(full);
    const read = await api('GET', '/counselor/availability', undefined, { token: counselor.accessToken });
    expect(read.body).toEqual(full);

    const partial = await putAvailability(counselor.accessToken, { bufferMinutes: 0, slotIntervalMinutes: null });
    expect(partial).toEqual({ ...full, bufferMinutes: 0, slotIntervalMinutes: null });
    // Bounds are allowed.
    const bounds = { bufferMinutes: 120, minNoticeMinutes: 43200, maxAdvanceDays: 365, slotIntervalMinutes: 240 };
    expect(await putAvailability(counselor.accessToken, bounds)).toMatchObject(bounds);
    const lower = { bufferMinutes: 0, minNoticeMinutes: 0, maxAdvanceDays: 1, slotIntervalMinutes: 5 };
    expect(await putAvailability(counselor.accessToken, lower)).toMatchObject(lower);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['a UTC offset instead of a zone', { timezone: '+05:30' }, 'timezone'],
    ['an unknown day', { weekly: [{ day: 'funday', start: '09:00', end: '10:00' }] }, 'weekly.0.day'],
    ['a bad start time', { weekly: [{ day: 'mon', start: '9am', end: '10:00' }] }, 'weekly.0.start'],
    ['a bad end time', { weekly: [{ day: 'mon', start: '09:00', end: '25:00' }] }, 'weekly.0.end'],
    ['24:00 as a start', { weekly: [{ day: 'mon', start: '24:00', end: '24:00' }] }, 'weekly.0.start'],
    ['an inverted window', { weekly: [{ day: 'tue', start: '13:00', end: '09:00' }] }, 'weekly.0.end'],
    ['an empty window', { weekly: [{ day: 'tue', start: '09:00', end: '09:00' }] }, 'weekly.0.end'],
    [
      'overlapping windows',
      {
        weekly: [
          { day: 'wed', start: '09:00', end: '12:00' },
          { day: 'wed', start: '11:30', end: '14:00' },
        ],
      },
      'weekly.1.start',
    ],
    [
      'a window with an unknown field',
      { weekly: [{ day: 'mon', start: '09:00', end: '10:00', tz: 'x' }] },
      'weekly.0.tz',
    ],
    ['weekly that is not a list', { weekly: { mon: '09:00-10:00' } }, 'weekly'],
    ['an impossible override date', { overrides: [{ date: '2027-02-30', windows: [] }] }, 'overrides.0.date'],
    ['a malformed override date', { overrides: [{ date: '30/12/2026', windows: [] }] }, 'overrides.0.date'],
    [
      'a duplicate override date',
      {
        overrides: [
          { date: '2026-12-25', windows: [] },
          { date: '2026-12-25', windows: [{ start: '10:00', end: '11:00' }] },
        ],
      },
      'overrides.1.date',
    ],
    [
      'an inverted override window',
      { overrides: [{ date: '2026-12-31', windows: [{ start: '18:00', end: '17:00' }] }] },
      'overrides.0.windows.0.end',
    ],
    [
      'overlapping override windows',
      {
        overrides: [
          {
            date: '2026-12-31',
            windows: [
              { start: '10:00', end: '12:00' },
              { start: '09:00', end: '10:30' },
            ],
          },
        ],
      },
      'overrides.0.windows.0.start',
    ],
    ['an override without windows', { overrides: [{ date: '2026-12-31' }] }, 'overrides.0.windows'],
    ['bufferMinutes below 0', { bufferMinutes: -1 }, 'bufferMinutes'],
    ['bufferMinutes above 120', { bufferMinutes: 121 }, 'bufferMinutes'],
    ['a fractional bufferMinutes', { bufferMinutes: 7.5 }, 'bufferMinutes'],
    ['minNoticeMinutes above 43200', { minNoticeMinutes: 43201 }, 'minNoticeMinutes'],
    ['minNoticeMinutes as text', { minNoticeMinutes: '60' }, 'minNoticeMinutes'],
    ['maxAdvanceDays of 0', { maxAdvanceDays: 0 }, 'maxAdvanceDays'],
    ['maxAdvanceDays above 365', { maxAdvanceDays: 366 }, 'maxAdvanceDays'],
    ['slotIntervalMinutes below 5', { slotIntervalMinutes: 4 }, 'slotIntervalMinutes'],
    ['slotIntervalMinutes above 240', { slotIntervalMinutes: 241 }, 'slotIntervalMinutes'],
    ['an unknown field', { colour: 'blue' }, 'colour'],
  ];

  it.each(invalid)('rejects %s with 400 naming the field, and keeps what was saved', async (_what, body, field) => {
    const counselor = await makeCounselor();
    const before = await putAvailability(counselor.accessToken, {
      timezone: 'UTC',
      weekly: [{ day: 'mon', start: '09:00', end: '10:00' }],
    });
    const response = await api('PUT', '/counselor/availability', body, { token: counselor.accessToken });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
    expect(response.body.message).toContain(field.split('.').pop());
    const after = await api('GET', '/counselor/availability', undefined, { token: counselor.accessToken });
    expect(after.body).toEqual(before);
  });

  it('is for counselors only: 401 without a token, 403 for a client', async () => {
    expect((await api('GET', '/counselor/availability')).status).toBe(401);
    const client = await registerUser('client');
    const read = await api('GET', '/counselor/availability', undefined, { token: client.accessToken });
    expect(read.status).toBe(403);
    const write = await api('PUT', '/counselor/availability', { bufferMinutes: 5 }, { token: client.accessToken });
    expect(write.status).toBe(403);
  });
});

describe('time off', () => {
  it('creates, lists and deletes time off', async () => {
    const counselor = await makeCounselor();
    const token = counselor.accessToken;
    const startsAt = hourAhead(10, 0);
    const endsAt = new Date(startsAt.getTime() + 3 * DAY);
    const created = await api<TimeOffView>(
      'POST',
      '/counselor/time-off',
      { startsAt: iso(startsAt), endsAt: iso(endsAt), reason: 'Holiday' },
      { token },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), startsAt: iso(startsAt), endsAt: iso(endsAt) });

    // Offsets are accepted and answered in UTC.
    const withOffset = await api<TimeOffView>(
      'POST',
      '/counselor/time-off',
      { startsAt: '2027-01-15T10:00:00+05:30', endsAt: '2027-01-15T12:00:00+05:30' },
      { token },
    );
    expect(withOffset.status).toBe(201);
    expect(withOffset.body).toMatchObject({ startsAt: '2027-01-15T04:30:00.000Z', endsAt: '2027-01-15T06:30:00.000Z' });

    const listed = await api<Page<TimeOffView>>('GET', '/counselor/time-off', undefined, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.id).sort()).toEqual([created.body.id, withOffset.body.id].sort());

    const deleted = await api('DELETE', `/counselor/time-off/${created.body.id}`, undefined, { token });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const again = await api('DELETE', `/counselor/time-off/${created.body.id}`, undefined, { token });
    expect(again.status).toBe(404);
    expect((await api('DELETE', '/counselor/time-off/not-an-id', undefined, { token })).status).toBe(404);
  });

  it('another counselor’s time off is not found', async () => {
    const owner = await makeCounselor();
    const other = await makeCounselor();
    const created = await api<TimeOffView>(
      'POST',
      '/counselor/time-off',
      { startsAt: iso(hourAhead(3)), endsAt: iso(hourAhead(4)) },
      { token: owner.accessToken },
    );
    expect(created.status).toBe(201);
    const response = await api('DELETE', `/counselor/time-off/${created.body.id}`, undefined, {
      token: other.accessToken,
    });
    expect(response.status).toBe(404);
    const list = await api<Page<TimeOffView>>('GET', '/counselor/time-off', undefined, { token: other.accessToken });
    expect(list.body.items).toEqual([]);
  });

  it('rejects an end not after the start, and times that are not instants, with 400', async () => {
    const counselor = await makeCounselor();
    const token = counselor.accessToken;
    const at = iso(hourAhead(2));
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: at, endsAt: at }, 'endsAt'],
      [{ startsAt: iso(hourAhead(3)), endsAt: at }, 'endsAt'],
      [{ startsAt: 'next monday', endsAt: at }, 'startsAt'],
      [{ startsAt: '2026-12-20T10:00:00', endsAt: at }, 'startsAt'],
      [{ endsAt: at }, 'startsAt'],
      [{ startsAt: at, endsAt: iso(hourAhead(3)), reason: 42 }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const response = await api('POST', '/counselor/time-off', body, { token });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(response.body), JSON.stringify(body)).toContain(field);
    }
  });

  it('is refused with 409 over a confirmed or pending booking, and allowed next to it or over a cancelled one', async () => {
    const counselor = await makeCounselor();
    const token = counselor.accessToken;
    const confirmedAt = hourAhead(6, 10);
    const pendingAt = hourAhead(6, 14);
    await insertBooking({ counselorId: counselor.id, startsAt: confirmedAt, minutes: 50, bufferMinutes: 10 });
    await insertBooking({ counselorId: counselor.id, startsAt: pendingAt, minutes: 50, status: 'pending_payment' });
    await insertBooking({ counselorId: counselor.id, startsAt: hourAhead(6, 18), minutes: 50, status: 'cancelled' });
    const post = (startsAt: Date, endsAt: Date) =>
      api('POST', '/counselor/time-off', { startsAt: iso(startsAt), endsAt: iso(endsAt) }, { token });
    const plus = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

    for (const [from, to] of [
      [plus(confirmedAt, -60), plus(confirmedAt, 1)],
      [plus(confirmedAt, 20), plus(confirmedAt, 30)],
      [plus(confirmedAt, -24 * 60), plus(confirmedAt, 24 * 60)],
      [plus(pendingAt, 49), plus(pendingAt, 120)],
    ]) {
      const response = await post(from, to);
      expect(response.status, `${iso(from)}–${iso(to)}`).toBe(409);
      expect(response.body.code).toBe('time_off_overlaps_booking');
    }
    // Touching the session (its buffer is rest, not a session) and over a cancelled booking: fine.
    expect((await post(plus(confirmedAt, -60), confirmedAt)).status).toBe(201);
    expect((await post(plus(confirmedAt, 50), plus(confirmedAt, 120))).status).toBe(201);
    expect((await post(hourAhead(6, 18), hourAhead(6, 19))).status).toBe(201);
  });

  it('is for counselors only', async () => {
    const client = await registerUser('client');
    const response = await api(
      'POST',
      '/counselor/time-off',
      { startsAt: iso(hourAhead(2)), endsAt: iso(hourAhead(3)) },
      { token: client.accessToken },
    );
    expect(response.status).toBe(403);
  });
});

describe('GET /counselor/bookings', () => {
  it('lists only this counselor’s bookings, by start, filtered by time and status, paginated', async () => {
    const counselor = await makeCounselor();
    const other = await makeCounselor();
    const first = hourAhead(2, 9);
    const ids = {
      confirmed: await insertBooking({ counselorId: counselor.id, startsAt: first, minutes: 50, pricePaise: 30_000 }),
      pending: await insertBooking({
        counselorId: counselor.id,
        startsAt: hourAhead(3, 9),
        minutes: 50,
        status: 'pending_payment',
      }),
      cancelled: await insertBooking({
        counselorId: counselor.id,
        startsAt: hourAhead(4, 9),
        minutes: 50,
        status: 'cancelled',
      }),
    };
    await insertBooking({ counselorId: other.id, startsAt: hourAhead(2, 12), minutes: 50 });
    const token = counselor.accessToken;

    const all = await api<Page<BookingView>>('GET', '/counselor/bookings', undefined, { token });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, limit: 20 });
    expect(all.body.items.map((booking) => booking.id)).toEqual([ids.confirmed, ids.pending, ids.cancelled]);
    expect(all.body.items[0]).toEqual({
      id: ids.confirmed,
      clientId: expect.any(String),
      counselorId: counselor.id,
      offeringId: expect.any(String),
      mode: 'video',
      startsAt: iso(first),
      endsAt: iso(new Date(first.getTime() + 50 * 60_000)),
      status: 'confirmed',
      pricePaise: 30_000,
      currency: 'INR',
      createdAt: expect.any(String),
    });
    expect(all.body.items[1].expiresAt).toEqual(expect.any(String));

    const confirmed = await api<Page<BookingView>>('GET', '/counselor/bookings?status=confirmed', undefined, { token });
    expect(confirmed.body.items.map((booking) => booking.id)).toEqual([ids.confirmed]);
    const window = await api<Page<BookingView>>(
      'GET',
      `/counselor/bookings?from=${iso(hourAhead(3, 0))}&to=${iso(hourAhead(5, 0))}`,
      undefined,
      { token },
    );
    expect(window.body.items.map((booking) => booking.id)).toEqual([ids.pending, ids.cancelled]);
    const page = await api<Page<BookingView>>('GET', '/counselor/bookings?page=2&limit=2', undefined, { token });
    expect(page.body).toMatchObject({ total: 3, page: 2, limit: 2 });
    expect(page.body.items.map((booking) => booking.id)).toEqual([ids.cancelled]);
  });

  it('rejects bad filters with 400 and non-counselors with 403', async () => {
    const counselor = await makeCounselor();
    for (const [query, field] of [
      ['status=maybe', 'status'],
      ['page=0', 'page'],
      ['limit=101', 'limit'],
      ['from=yesterday', 'from'],
    ]) {
      const response = await api('GET', `/counselor/bookings?${query}`, undefined, { token: counselor.accessToken });
      expect(response.status, query).toBe(400);
      expect(fieldsOf(response.body)).toContain(field);
    }
    const client = await registerUser('client');
    expect((await api('GET', '/counselor/bookings', undefined, { token: client.accessToken })).status).toBe(403);
  });
});

describe('ICS calendar feed', () => {
  /** The feed URL's path under /api/v1 (the platform runs on a port of its own in tests). */
  const feedPath = (url: string) => new URL(url).pathname.replace(/^\/api\/v1/, '');

  it('hands out a stable secret URL that serves confirmed sessions as text/calendar without a token', async () => {
    const counselor = await bookableCounselor();
    const token = counselor.accessToken;
    const feed = await api<{ url: string }>('GET', '/counselor/calendar-feed', undefined, { token });
    expect(feed.status).toBe(200);
    expect(feed.body.url).toMatch(/^https?:\/\/[^/]+\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await api('GET', '/counselor/calendar-feed', undefined, { token })).body.url).toBe(feed.body.url);

    const client = await registerUser('client', { phone: '+919812345678' });
    const confirmed = await insertBooking({
      counselorId: counselor.id,
      clientId: client.user.id,
      offeringId: counselor.offering.id,
      startsAt: hourAhead(3, 10),
      minutes: 50,
      mode: 'audio',
    });
    const pending = await insertBooking({
      counselorId: counselor.id,
      startsAt: hourAhead(4, 10),
      minutes: 50,
      status: 'pending_payment',
    });
    const cancelled = await insertBooking({
      counselorId: counselor.id,
      startsAt: hourAhead(5, 10),
      minutes: 50,
      status: 'cancelled',
    });

    const ics = await api('GET', feedPath(feed.body.url));
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.text).toContain(`UID:${confirmed}@haven`);
    expect(ics.text).toContain('SUMMARY:Haven session (audio\\, 50 min)');
    const start = hourAhead(3, 10)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(ics.text).toContain(`DTSTART:${start}`);
    expect(ics.text).not.toContain(pending);
    expect(ics.text).not.toContain(cancelled);
    // No client contact data (nor the client's id or name).
    for (const secret of [client.email, client.user.name, '9812345678', client.user.id]) {
      expect(ics.text).not.toContain(secret);
    }
  });

  it('rotating revokes the old URL (404) and the new one works; unknown tokens are 404', async () => {
    const counselor = await makeCounselor();
    const token = counselor.accessToken;
    const old = (await api<{ url: string }>('GET', '/counselor/calendar-feed', undefined, { token })).body.url;
    const rotated = await api<{ url: string }>('POST', '/counselor/calendar-feed/rotate', undefined, { token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(old);
    expect((await api('GET', feedPath(old))).status).toBe(404);
    expect((await api('GET', feedPath(rotated.body.url))).status).toBe(200);
    expect((await api<{ url: string }>('GET', '/counselor/calendar-feed', undefined, { token })).body.url).toBe(
      rotated.body.url,
    );
    expect((await api('GET', '/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    expect((await api('GET', '/calendar-feeds/nonsense')).status).toBe(404);
  });

  it('the feed URL is for counselors only', async () => {
    const client = await registerUser('client');
    expect((await api('GET', '/counselor/calendar-feed', undefined, { token: client.accessToken })).status).toBe(403);
    expect((await api('GET', '/counselor/calendar-feed')).status).toBe(401);
  });
});
