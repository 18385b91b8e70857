import {
  AccountsEvents,
  type Actor,
  BookingRpc,
  DirectoryEvents,
  type EventContract,
  type EventEnvelope,
  type CounselorOpenings,
  type OfferingSnapshot,
} from '@haven/contracts';
import { DomainError } from '@haven/common';
import { dropDatabase, ensureDatabaseExists } from '@haven/database';
import { loadConfig } from '@haven/infrastructure';
import { EventPublisher, RpcClient, startServiceApp } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BookingModule } from './booking.module';
import { BookingConfig } from './config/booking.config';

/**
 * The booking service on its own, against real PostgreSQL and RabbitMQ: directory events in, RPC
 * in and out, and the database rules (exclusion constraint) underneath.
 */
let app: INestApplication;
let publisher: EventPublisher;
let rpc: RpcClient;
let pool: Pool;
let vhost: { url: string; remove(): Promise<void> };

const DAY = 24 * 3_600_000;
const databaseUrl = `${inject('databaseUrl')}_booking`;

beforeAll(async () => {
  await ensureDatabaseExists(databaseUrl);
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    // Its own vhost: the event queues are declared up front and would collect other files' events.
    RABBITMQ_URL: (vhost = await createEmptyVhost('booking')).url,
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: inject('redisPrefix'),
  };
  const config = loadConfig(BookingConfig, env);
  app = await startServiceApp(BookingModule.register(config), {
    service: 'booking',
    consumesEvents: true,
    rabbitmqUrl: config.RABBITMQ_URL,
    logLevel: 'warn',
  });
  publisher = new EventPublisher(config.RABBITMQ_URL, 'directory');
  rpc = new RpcClient(config.RABBITMQ_URL, 10_000);
  pool = new Pool({ connectionString: config.DATABASE_URL, max: 2 });
});

afterAll(async () => {
  await rpc?.close();
  await publisher?.close();
  await app?.close();
  await pool?.end();
  await vhost?.remove();
  await dropDatabase(databaseUrl);
});

async function publish<T>(contract: EventContract<T>, data: T, occurredAt = new Date()): Promise<string> {
  const envelope: EventEnvelope<T> = {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: occurredAt.toISOString(),
    producer: 'directory',
    correlationId: randomUUID(),
    data,
  };
  await publisher.publish(envelope as EventEnvelope);
  return envelope.id;
}

async function processed(eventId: string): Promise<void> {
  await waitFor(
    async () =>
      (await pool.query(`SELECT 1 FROM booking.inbox WHERE event_id = $1`, [eventId])).rowCount ? true : undefined,
    { what: `event ${eventId} processed` },
  );
}

const counselorActor = (userId: string): Actor => ({ userId, roles: ['client', 'counselor'] });

async function rpcError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** An approved counselor with one active 60-minute offering, known to the booking service. */
async function counselorWithOffering(
  durationMinutes = 60,
): Promise<{ counselorId: string; offering: OfferingSnapshot }> {
  const counselorId = randomUUID();
  const offering: OfferingSnapshot = {
    id: randomUUID(),
    counselorId,
    title: 'Talk',
    mode: 'video',
    durationMinutes,
    pricePaise: 50_000,
    currency: 'INR',
    active: true,
  };
  await publish(DirectoryEvents.approved, {
    applicationId: randomUUID(),
    userId: counselorId,
    reviewerId: randomUUID(),
    displayName: 'Dr Test',
  });
  await publish(DirectoryEvents.offeringChanged, { offering });
  await waitFor(
    async () => {
      const { rowCount } = await pool.query(
        `SELECT 1 FROM booking.offerings o JOIN booking.counselors c ON c.counselor_id = o.counselor_id
         WHERE o.id = $1 AND c.status = 'active'`,
        [offering.id],
      );
      return rowCount ? true : undefined;
    },
    { what: 'the directory copies' },
  );
  return { counselorId, offering };
}

/** Every day 00:00–24:00 UTC, no notice, no buffer: easy arithmetic. */
async function openAllDay(counselorId: string, extra: Record<string, unknown> = {}): Promise<void> {
  const weekly = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
    day,
    start: '00:00',
    end: '24:00',
  }));
  await rpc.send(
    BookingRpc.putAvailability,
    { timezone: 'UTC', weekly, bufferMinutes: 0, minNoticeMinutes: 0, maxAdvanceDays: 60, ...extra },
    { actor: counselorActor(counselorId) },
  );
}

async function insertBooking(
  counselorId: string,
  startsAt: Date,
  minutes: number,
  status = 'confirmed',
  bufferMinutes = 0,
): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO booking.bookings (client_id, counselor_id, offering_id, mode, starts_at, ends_at, buffer_minutes, status, price_paise)
     VALUES ($1, $2, $3, 'video', $4, $5, $6, $7, 50000) RETURNING id`,
    [
      randomUUID(),
      counselorId,
      randomUUID(),
      startsAt,
      new Date(startsAt.getTime() + minutes * 60_000),
      bufferMinutes,
      status,
    ],
  );
  return rows[0].id as string;
}

/** A whole hour at least two days ahead. */
function hourAhead(days = 2, hour = 10): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

describe('directory copies', () => {
  it('follow approval, offering changes, suspension and reinstatement; an older event never wins', async () => {
    const { counselorId, offering } = await counselorWithOffering();
    await openAllDay(counselorId);
    const from = hourAhead(2, 0).toISOString();
    const to = hourAhead(3, 0).toISOString();
    const list = () => rpc.send(BookingRpc.listSlots, { counselorId, offeringId: offering.id, from, to });
    expect((await list()).slots).toHaveLength(24);

    await publish(DirectoryEvents.offeringChanged, { offering: { ...offering, durationMinutes: 120 } });
    await waitFor(async () => ((await list()).slots.length === 12 ? true : undefined), { what: 'the new duration' });

    const suspendedAt = new Date();
    await publish(DirectoryEvents.suspended, { counselorId, actorId: randomUUID() }, suspendedAt);
    await waitFor(async () => ((await rpcError(list())).kind === 'not_found' ? true : undefined), {
      what: 'suspension',
    });
    await publish(
      DirectoryEvents.reinstated,
      { counselorId, actorId: randomUUID() },
      new Date(suspendedAt.getTime() + 1000),
    );
    await waitFor(async () => ((await list()).slots.length === 12 ? true : undefined), { what: 'reinstatement' });

    // A late, older suspension arrives after the reinstatement: ignored.
    const late = await publish(
      DirectoryEvents.suspended,
      { counselorId, actorId: randomUUID() },
      new Date(suspendedAt.getTime() - 1000),
    );
    await processed(late);
    await publish(DirectoryEvents.offeringChanged, { offering: { ...offering, active: false } });
    await waitFor(async () => ((await rpcError(list())).code === 'offering_not_found' ? true : undefined), {
      what: 'deactivation',
    });
    const { rows } = await pool.query(`SELECT status FROM booking.counselors WHERE counselor_id = $1`, [counselorId]);
    expect(rows[0].status).toBe('active');
  });

  it('an offering of another counselor, or an unknown one, is not found', async () => {
    const first = await counselorWithOffering();
    const second = await counselorWithOffering();
    const error = await rpcError(
      rpc.send(BookingRpc.listSlots, { counselorId: first.counselorId, offeringId: second.offering.id }),
    );
    expect(error.code).toBe('offering_not_found');
    expect((await rpcError(rpc.send(BookingRpc.listSlots, { counselorId: 'nope', offeringId: 'x' }))).code).toBe(
      'counselor_not_found',
    );
  });
});

describe('bookings table', () => {
  it('refuses overlapping holding bookings of one counselor, buffer included, and allows the rest', async () => {
    const counselorId = randomUUID();
    const start = hourAhead(5);
    await insertBooking(counselorId, start, 50, 'confirmed', 10);
    // Starts inside the first one's buffer.
    const overlap = await pool
      .query(
        `INSERT INTO booking.bookings (client_id, counselor_id, offering_id, mode, starts_at, ends_at, status, price_paise)
         VALUES ($1, $2, $3, 'video', $4, $5, 'pending_payment', 100)`,
        [
          randomUUID(),
          counselorId,
          randomUUID(),
          new Date(start.getTime() + 55 * 60_000),
          new Date(start.getTime() + 115 * 60_000),
        ],
      )
      .catch((error: { code?: string; constraint?: string }) => error);
    expect(overlap).toMatchObject({ code: '23P01', constraint: 'bookings_no_overlap' });
    // Right at the end of the buffer: fine. Cancelled ones never block. Another counselor: fine.
    await insertBooking(counselorId, new Date(start.getTime() + 60 * 60_000), 50);
    await insertBooking(counselorId, start, 50, 'cancelled');
    await insertBooking(randomUUID(), start, 50);
    const { rows } = await pool.query(
      `SELECT blocked_until FROM booking.bookings WHERE counselor_id = $1 AND buffer_minutes = 10`,
      [counselorId],
    );
    expect(new Date(rows[0].blocked_until).getTime()).toBe(start.getTime() + 60 * 60_000);
  });
});

describe('holding a slot another transaction is updating the booking of', () => {
  it('answers 409 at once instead of waiting on that transaction (and deadlocking when it writes again)', async () => {
    const { counselorId, offering } = await counselorWithOffering();
    await openAllDay(counselorId);
    const start = hourAhead(3, 14);
    const taken = await insertBooking(counselorId, start, 60, 'pending_payment');
    // The holder's payment step is writing its booking row (its Razorpay order) and has not committed.
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`UPDATE booking.bookings SET razorpay_order_id = 'order_test' WHERE id = $1`, [taken]);
      const other = { userId: randomUUID(), roles: ['client'] } as Actor;
      const answer = await Promise.race([
        rpcError(
          rpc.send(
            BookingRpc.createBooking,
            { offeringId: offering.id, startsAt: start.toISOString() },
            { actor: other },
          ),
        ),
        new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 3_000)),
      ]);
      expect(answer).toMatchObject({ code: 'slot_taken' });
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });
});

describe('time off', () => {
  it('is refused over a confirmed or pending booking (409) and accepted next to it; slots disappear under it', async () => {
    const { counselorId, offering } = await counselorWithOffering();
    await openAllDay(counselorId);
    const actor = counselorActor(counselorId);
    const start = hourAhead(3, 10);
    await insertBooking(counselorId, start, 60, 'confirmed');
    await insertBooking(counselorId, new Date(start.getTime() + 3 * 3_600_000), 60, 'pending_payment');
    await insertBooking(counselorId, new Date(start.getTime() + 5 * 3_600_000), 60, 'cancelled');
    const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000).toISOString();

    for (const [from, to] of [
      [at(-1), at(0.5)],
      [at(0.5), at(0.75)],
      [at(2.5), at(4)],
    ]) {
      const error = await rpcError(rpc.send(BookingRpc.createTimeOff, { startsAt: from, endsAt: to }, { actor }));
      expect(error.kind).toBe('conflict');
      expect(error.code).toBe('time_off_overlaps_booking');
    }
    const created = await rpc.send(
      BookingRpc.createTimeOff,
      { startsAt: at(1), endsAt: at(3), reason: 'errand' },
      { actor },
    );
    expect(created).toEqual({ id: expect.any(String), startsAt: at(1), endsAt: at(3), reason: 'errand' });
    // Over a cancelled booking is fine.
    await rpc.send(BookingRpc.createTimeOff, { startsAt: at(5), endsAt: at(6) }, { actor });

    const slots = await rpc.send(BookingRpc.listSlots, {
      counselorId,
      offeringId: offering.id,
      from: at(-2),
      to: at(7),
    });
    expect(slots.slots.map((slot) => slot.startsAt)).toEqual([at(-2), at(-1), at(4), at(6)]);

    const listed = await rpc.send(BookingRpc.listTimeOff, { page: 1, limit: 20 }, { actor });
    expect(listed.total).toBe(2);
    // Someone else's time off is not found; own is deleted once.
    const other = counselorActor(randomUUID());
    expect((await rpcError(rpc.send(BookingRpc.deleteTimeOff, { id: created.id }, { actor: other }))).kind).toBe(
      'not_found',
    );
    await rpc.send(BookingRpc.deleteTimeOff, { id: created.id }, { actor });
    expect((await rpcError(rpc.send(BookingRpc.deleteTimeOff, { id: created.id }, { actor }))).kind).toBe('not_found');
  });

  it('needs endsAt after startsAt and real instants', async () => {
    const actor = counselorActor(randomUUID());
    const at = hourAhead(2).toISOString();
    const error = await rpcError(rpc.send(BookingRpc.createTimeOff, { startsAt: at, endsAt: at }, { actor }));
    expect(error.details).toEqual([{ field: 'endsAt', message: 'must be after startsAt' }]);
    const local = await rpcError(
      rpc.send(BookingRpc.createTimeOff, { startsAt: '2026-12-01T10:00:00', endsAt: at }, { actor }),
    );
    expect(local.details?.[0].field).toBe('startsAt');
  });

  it('is only for counselors', async () => {
    const error = await rpcError(
      rpc.send(BookingRpc.getAvailability, {}, { actor: { userId: randomUUID(), roles: ['client'] } }),
    );
    expect(error.kind).toBe('forbidden');
  });
});

describe('availability', () => {
  it('has defaults before the first PUT, keeps omitted fields, and names bad fields', async () => {
    const actor = counselorActor(randomUUID());
    expect(await rpc.send(BookingRpc.getAvailability, {}, { actor })).toEqual({
      timezone: 'Asia/Kolkata',
      weekly: [],
      overrides: [],
      bufferMinutes: 10,
      minNoticeMinutes: 120,
      maxAdvanceDays: 30,
      slotIntervalMinutes: null,
    });
    await rpc.send(
      BookingRpc.putAvailability,
      { timezone: 'Europe/London', weekly: [{ day: 'mon', start: '09:00', end: '17:00' }], slotIntervalMinutes: 30 },
      { actor },
    );
    const updated = await rpc.send(BookingRpc.putAvailability, { bufferMinutes: 0 }, { actor });
    expect(updated).toMatchObject({
      timezone: 'Europe/London',
      weekly: [{ day: 'mon', start: '09:00', end: '17:00' }],
      bufferMinutes: 0,
      slotIntervalMinutes: 30,
    });
    const error = await rpcError(
      rpc.send(
        BookingRpc.putAvailability,
        {
          weekly: [
            { day: 'tue', start: '09:00', end: '12:00' },
            { day: 'tue', start: '11:00', end: '13:00' },
          ],
        },
        { actor },
      ),
    );
    expect(error.kind).toBe('validation');
    expect(error.details?.map((detail) => detail.field)).toEqual(['weekly[1].start']);
    expect(await rpc.send(BookingRpc.getAvailability, {}, { actor })).toEqual(updated);
  });
});

describe('the counselor’s own time zone', () => {
  it('is the zone of their availability until they choose one; later profile changes follow', async () => {
    const userId = randomUUID();
    const actor = counselorActor(userId);
    const user = { userId, email: 'x@example.test', name: 'X', phone: null, timezone: 'Europe/London', roles: [] };
    const registered = await publish(AccountsEvents.registered, { ...user, roles: ['client'] });
    await processed(registered);
    expect((await rpc.send(BookingRpc.getAvailability, {}, { actor })).timezone).toBe('Europe/London');
    const updated = await publish(AccountsEvents.updated, {
      ...user,
      timezone: 'America/New_York',
      roles: ['client', 'counselor'],
      active: true,
      rightsVersion: 1,
    });
    await processed(updated);
    expect((await rpc.send(BookingRpc.getAvailability, {}, { actor })).timezone).toBe('America/New_York');
    await rpc.send(BookingRpc.putAvailability, { timezone: 'Asia/Kolkata' }, { actor });
    const again = await publish(AccountsEvents.updated, {
      ...user,
      roles: ['client', 'counselor'],
      active: true,
      rightsVersion: 1,
    });
    await processed(again);
    expect((await rpc.send(BookingRpc.getAvailability, {}, { actor })).timezone).toBe('Asia/Kolkata');
  });
});

describe('next availability', () => {
  it('answers for many counselors at once: the first open slot of any active offering, or null', async () => {
    const open = await counselorWithOffering(60);
    await openAllDay(open.counselorId, { minNoticeMinutes: 24 * 60 });
    const busy = await counselorWithOffering(60);
    await openAllDay(busy.counselorId);
    const from = hourAhead(4, 0);
    await insertBooking(busy.counselorId, from, 3 * 60);
    const closed = await counselorWithOffering(60);
    const unknown = randomUUID();

    const { nextAvailableAt } = await rpc.send(BookingRpc.nextAvailability, {
      counselorIds: [open.counselorId, busy.counselorId, closed.counselorId, unknown, 'not-a-uuid'],
      from: from.toISOString(),
      to: new Date(from.getTime() + 7 * DAY).toISOString(),
    });
    expect(nextAvailableAt).toEqual({
      [open.counselorId]: from.toISOString(),
      [busy.counselorId]: new Date(from.getTime() + 3 * 3_600_000).toISOString(),
      [closed.counselorId]: null,
      [unknown]: null,
      'not-a-uuid': null,
    });

    // Default range: from now; the minimum notice of a day pushes the first slot to tomorrow.
    const defaults = await rpc.send(BookingRpc.nextAvailability, { counselorIds: [open.counselorId] });
    const first = new Date(defaults.nextAvailableAt[open.counselorId]!).getTime();
    expect(first).toBeGreaterThanOrEqual(Date.now() + DAY - 60_000);
    expect(first).toBeLessThanOrEqual(Date.now() + DAY + 3_600_000);
  });

  it('handles a few hundred counselors in one call', async () => {
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const { nextAvailableAt } = await rpc.send(BookingRpc.nextAvailability, { counselorIds: ids });
    expect(Object.keys(nextAvailableAt)).toHaveLength(300);
  });
});

describe('openings for search', () => {
  /** The openings of a counselor in the newest `counselor.openings-changed` event that names them. */
  async function publishedOpenings(counselorId: string, after = ''): Promise<CounselorOpenings | undefined> {
    const { rows } = await pool.query(
      `SELECT e.value AS openings FROM booking.outbox o,
         jsonb_array_elements(o.envelope -> 'data' -> 'counselors') e
       WHERE o.type = 'counselor.openings-changed' AND e.value ->> 'counselorId' = $1 AND e.value ->> 'computedAt' > $2
       ORDER BY e.value ->> 'computedAt' DESC LIMIT 1`,
      [counselorId, after],
    );
    return rows[0]?.openings;
  }

  it('publishes a counselor’s openings after each calendar change, as runs of bookable starts', async () => {
    const { counselorId } = await counselorWithOffering(60);
    await openAllDay(counselorId);
    const open = await waitFor(
      async () => {
        const openings = await publishedOpenings(counselorId);
        return openings?.nextAvailableAt ? openings : undefined;
      },
      { what: 'openings after the availability was set' },
    );
    const hour = 3_600_000;
    const nextHour = Math.ceil(Date.now() / hour) * hour;
    expect(Date.parse(open.nextAvailableAt!)).toBeGreaterThanOrEqual(nextHour - hour);
    expect(open.openRuns[0][0]).toBe(Date.parse(open.nextAvailableAt!));
    // Open all day every day: one run of hourly starts up to the horizon.
    expect(open.openRuns).toHaveLength(1);
    expect(open.maxStepMinutes).toBe(60);

    const tomorrow10 = Math.floor(Date.now() / DAY) * DAY + DAY + 10 * hour;
    await insertBooking(counselorId, new Date(tomorrow10), 60);
    const booked = await waitFor(() => publishedOpenings(counselorId, open.computedAt), {
      what: 'openings after the booking',
    });
    expect(booked.openRuns.some(([first, last]) => first <= tomorrow10 && tomorrow10 <= last)).toBe(false);
    expect(booked.openRuns.some(([, last]) => last === tomorrow10 - hour)).toBe(true);
    expect(booked.openRuns.some(([first]) => first === tomorrow10 + hour)).toBe(true);
    await waitFor(
      async () =>
        (await pool.query(`SELECT 1 FROM booking.openings_stale WHERE counselor_id = $1`, [counselorId])).rowCount === 0
          ? true
          : undefined,
      { what: 'the stale mark to be cleared' },
    );
  });
});

describe('calendar feed', () => {
  it('keeps one secret token per counselor until rotated, and serves confirmed sessions only', async () => {
    const counselorId = randomUUID();
    const actor = counselorActor(counselorId);
    const { token } = await rpc.send(BookingRpc.getCalendarFeed, {}, { actor });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await rpc.send(BookingRpc.getCalendarFeed, {}, { actor })).token).toBe(token);
    const { rows } = await pool.query(`SELECT * FROM booking.calendar_feeds WHERE counselor_id = $1`, [counselorId]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const confirmed = await insertBooking(counselorId, hourAhead(2), 50, 'confirmed');
    const cancelled = await insertBooking(counselorId, hourAhead(3), 50, 'cancelled');
    const { ics } = await rpc.send(BookingRpc.renderCalendarFeed, { token });
    expect(ics).toContain(`UID:${confirmed}@haven`);
    expect(ics).not.toContain(cancelled);
    expect(ics).toContain('SUMMARY:Haven session (video\\, 50 min)');

    const rotated = await rpc.send(BookingRpc.rotateCalendarFeed, {}, { actor });
    expect(rotated.token).not.toBe(token);
    expect((await rpcError(rpc.send(BookingRpc.renderCalendarFeed, { token }))).kind).toBe('not_found');
    expect((await rpc.send(BookingRpc.renderCalendarFeed, rotated)).ics).toContain(confirmed);
    expect((await rpcError(rpc.send(BookingRpc.renderCalendarFeed, { token: 'short' }))).kind).toBe('not_found');
  });
});
