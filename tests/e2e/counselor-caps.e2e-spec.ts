import { CALENDAR_CAPS, DIRECTORY_LIMITS } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import { bookingDb } from '../support/booking';
import { makeCounselor, makeOffering } from '../support/directory';
import { api } from '../support/http';

/* What one counselor may pile up is capped; beyond a cap the request is a 422 that names it. */

const DAY = 86_400_000;

describe('offerings per counselor', () => {
  it(`allows ${DIRECTORY_LIMITS.maxActiveOfferings} active offerings, then 422 until one is deactivated`, async () => {
    const counselor = await makeCounselor();
    const offerings = [];
    for (let index = 0; index < DIRECTORY_LIMITS.maxActiveOfferings; index += 1) {
      offerings.push(await makeOffering(counselor.accessToken, { title: `Session ${index}`, pricePaise: 0 }));
    }
    const body = { title: 'One too many', mode: 'chat', durationMinutes: 30, pricePaise: 0 };
    const refused = await api('POST', '/counselor/offerings', body, { token: counselor.accessToken });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ code: 'offering_cap_reached' });
    expect(refused.body.message).toMatch(/at most 20 active offerings/);

    const off = await api(
      'PATCH',
      `/counselor/offerings/${offerings[0].id}`,
      { active: false },
      {
        token: counselor.accessToken,
      },
    );
    expect(off.status).toBe(200);
    const created = await api('POST', '/counselor/offerings', body, { token: counselor.accessToken });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // Putting the first one back on offer would make 21.
    const back = await api(
      'PATCH',
      `/counselor/offerings/${offerings[0].id}`,
      { active: true },
      {
        token: counselor.accessToken,
      },
    );
    expect(back.status, JSON.stringify(back.body)).toBe(422);
    const mine = await api('GET', '/counselor/offerings', undefined, { token: counselor.accessToken });
    expect(mine.body.filter((offering: { active: boolean }) => offering.active)).toHaveLength(20);
  });

  it('holds the cap under parallel creation', async () => {
    const counselor = await makeCounselor();
    const body = { title: 'Parallel', mode: 'chat', durationMinutes: 30, pricePaise: 0 };
    const responses = await Promise.all(
      Array.from({ length: DIRECTORY_LIMITS.maxActiveOfferings + 5 }, () =>
        api('POST', '/counselor/offerings', body, { token: counselor.accessToken }),
      ),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(DIRECTORY_LIMITS.maxActiveOfferings);
    expect(responses.filter((response) => response.status === 422)).toHaveLength(5);
  });
});

describe('availability', () => {
  const window = (day: string) => ({ day, start: '09:00', end: '10:00' });

  it(`refuses more than ${CALENDAR_CAPS.maxWeeklyWindows} weekly windows with 422`, async () => {
    const counselor = await makeCounselor();
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    // 51 windows that do not overlap: spread over the days, each 10 minutes long.
    const weekly = Array.from({ length: CALENDAR_CAPS.maxWeeklyWindows + 1 }, (_, index) => {
      const slot = Math.floor(index / days.length);
      const start = `${String(8 + slot).padStart(2, '0')}:00`;
      return { ...window(days[index % days.length]), start, end: `${String(8 + slot).padStart(2, '0')}:30` };
    });
    const refused = await api('PUT', '/counselor/availability', { weekly }, { token: counselor.accessToken });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ code: 'calendar_cap_reached' });
    expect(refused.body.message).toMatch(/^weekly: at most 50 weekly windows are allowed \(51 sent\)/);
    const allowed = await api(
      'PUT',
      '/counselor/availability',
      { weekly: weekly.slice(0, 50) },
      {
        token: counselor.accessToken,
      },
    );
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
  });

  it(`refuses more than ${CALENDAR_CAPS.maxOverrides} date overrides, or ${CALENDAR_CAPS.maxWindowsPerOverride} windows on a date, with 422`, async () => {
    const counselor = await makeCounselor();
    const overrides = Array.from({ length: CALENDAR_CAPS.maxOverrides + 1 }, (_, index) => ({
      date: new Date(Date.UTC(2027, 0, 1) + index * DAY).toISOString().slice(0, 10),
      windows: [],
    }));
    const tooMany = await api('PUT', '/counselor/availability', { overrides }, { token: counselor.accessToken });
    expect(tooMany.status, JSON.stringify(tooMany.body)).toBe(422);
    expect(tooMany.body.message).toMatch(/^overrides: at most 366/);
    const year = await api(
      'PUT',
      '/counselor/availability',
      { overrides: overrides.slice(0, 366) },
      {
        token: counselor.accessToken,
      },
    );
    expect(year.status, JSON.stringify(year.body)).toBe(200);

    const windows = Array.from({ length: CALENDAR_CAPS.maxWindowsPerOverride + 1 }, (_, index) => ({
      start: `${String(index).padStart(2, '0')}:00`,
      end: `${String(index).padStart(2, '0')}:30`,
    }));
    const crowded = await api(
      'PUT',
      '/counselor/availability',
      { overrides: [{ date: '2027-01-01', windows }] },
      {
        token: counselor.accessToken,
      },
    );
    expect(crowded.status, JSON.stringify(crowded.body)).toBe(422);
    expect(crowded.body.message).toMatch(/^overrides\[0\]\.windows: at most 12 windows/);
  });
});

describe('time off', () => {
  it(`allows ${CALENDAR_CAPS.maxUpcomingTimeOff} entries ahead, then 422; past ones do not count`, async () => {
    const counselor = await makeCounselor();
    const now = Date.now();
    // Arranged in SQL: a hundred API calls would only slow the test down.
    await bookingDb().query(
      `INSERT INTO booking.time_off (counselor_id, starts_at, ends_at)
       SELECT $1, $2::timestamptz + n * interval '1 day', $2::timestamptz + n * interval '1 day' + interval '1 hour'
       FROM generate_series(1, $3) AS n`,
      [counselor.id, new Date(now + 600 * DAY), CALENDAR_CAPS.maxUpcomingTimeOff - 1],
    );
    await bookingDb().query(`INSERT INTO booking.time_off (counselor_id, starts_at, ends_at) VALUES ($1, $2, $3)`, [
      counselor.id,
      new Date(now - 3 * DAY),
      new Date(now - 2 * DAY),
    ]);
    const entry = (days: number) => ({
      startsAt: new Date(now + days * DAY).toISOString(),
      endsAt: new Date(now + days * DAY + 3_600_000).toISOString(),
    });
    const hundredth = await api('POST', '/counselor/time-off', entry(300), { token: counselor.accessToken });
    expect(hundredth.status, JSON.stringify(hundredth.body)).toBe(201);
    const refused = await api('POST', '/counselor/time-off', entry(301), { token: counselor.accessToken });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ code: 'calendar_cap_reached' });
    expect(refused.body.message).toMatch(/At most 100 time-off entries/);

    const deleted = await api('DELETE', `/counselor/time-off/${hundredth.body.id}`, undefined, {
      token: counselor.accessToken,
    });
    expect(deleted.status).toBe(204);
    const again = await api('POST', '/counselor/time-off', entry(301), { token: counselor.accessToken });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});
