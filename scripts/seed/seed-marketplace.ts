import 'reflect-metadata';
import type { Role } from '@haven/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PasswordHasher } from '../../apps/accounts/src/auth/password-hasher';
import { computeSlots } from '../../apps/booking/src/slots/slot-calculator';
import { newMeetingUrl } from '../../apps/booking/src/bookings/meeting-link';
import { generateMarketplace, type SeedCounselor } from './marketplace';

export interface SeedOptions {
  counselors: number;
  /** The password of every seeded account. */
  password: string;
  meetingBaseUrl?: string;
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedLogin {
  role: Role;
  email: string;
}

export interface SeedResult {
  /** False when the database had been seeded before; nothing was written then. */
  seeded: boolean;
  logins: SeedLogin[];
  counselors: number;
}

export const DEMO_LOGINS: SeedLogin[] = [
  { role: 'client', email: 'client@demo.haven.test' },
  { role: 'counselor', email: 'counselor@demo.haven.test' },
  { role: 'finance', email: 'finance@demo.haven.test' },
  { role: 'admin', email: 'admin@demo.haven.test' },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const CHUNK = 2000;
/** Any constant: two seeds of one database at once wait for each other instead of both writing. */
const SEED_LOCK = 0x5eed;

/**
 * Fills a migrated database with a demo marketplace, table by table as each service keeps it:
 * accounts (users and roles), directory (approved applications, profiles, offerings, reviews and
 * their eligibility), booking (its copies of counselors and offerings, weekly availability, the
 * sessions behind the reviews and one upcoming session of the demo client). Bulk SQL in one
 * transaction; a database that already has the demo accounts is left as it is.
 */
export async function seedMarketplace(databaseUrl: string, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const existing = await client.query(`SELECT 1 FROM "accounts"."users" WHERE "email" = $1`, [DEMO_LOGINS[0].email]);
    if (existing.rowCount) {
      await client.query('ROLLBACK');
      const [{ count }] = (await client.query(`SELECT count(*)::int AS count FROM "directory"."counselors"`)).rows;
      return { seeded: false, logins: DEMO_LOGINS, counselors: count };
    }

    const started = Date.now();
    const market = generateMarketplace(options.counselors);
    const passwordHash = await new PasswordHasher().hash(options.password);
    const writer = new TableWriter(client);

    const clientIds = market.clients.map(() => randomUUID());
    const counselorIds = market.counselors.map(() => randomUUID());
    const users = [
      ...market.clients.map((name, index) => ({
        id: clientIds[index],
        email: index === 0 ? DEMO_LOGINS[0].email : `client-${index}@seed.haven.test`,
        name: index === 0 ? 'Demo Client' : `${name} Client`,
        roles: ['client'],
        timezone: 'Asia/Kolkata',
      })),
      ...market.counselors.map((counselor, index) => ({
        id: counselorIds[index],
        email: index === 0 ? DEMO_LOGINS[1].email : `counselor-${index}@seed.haven.test`,
        name: counselor.name,
        roles: ['client', 'counselor'],
        timezone: counselor.timezone,
      })),
      {
        id: randomUUID(),
        email: DEMO_LOGINS[2].email,
        name: 'Demo Finance',
        roles: ['client', 'finance'],
        timezone: 'Asia/Kolkata',
      },
      {
        id: randomUUID(),
        email: DEMO_LOGINS[3].email,
        name: 'Demo Admin',
        roles: ['client', 'admin'],
        timezone: 'Asia/Kolkata',
      },
    ];
    await writer.insert(
      'accounts.users',
      { id: 'uuid', email: 'text', password_hash: 'text', name: 'text', roles: 'text[]', timezone: 'text' },
      users.map((user) => ({ ...user, password_hash: passwordHash })),
    );
    log(`accounts: ${users.length} users`);

    const applicationIds = counselorIds.map(() => randomUUID());
    const joinedAt = (index: number): string => new Date(now.getTime() - (400 - (index % 400)) * DAY_MS).toISOString();
    const profile = (counselor: SeedCounselor, index: number) => ({
      display_name: counselor.name,
      bio: counselor.bio,
      qualifications: counselor.qualifications,
      registration_body: counselor.registrationBody,
      registration_number: `REG-${100000 + index}`,
      years_experience: counselor.yearsExperience,
      languages: counselor.languages,
      specialties: counselor.specialties,
      gender: counselor.gender,
    });
    const profileColumns = {
      display_name: 'text',
      bio: 'text',
      qualifications: 'text[]',
      registration_body: 'text',
      registration_number: 'text',
      years_experience: 'int',
      languages: 'text[]',
      specialties: 'text[]',
      gender: 'text',
    } as const;
    await writer.insert(
      'directory.applications',
      {
        id: 'uuid',
        user_id: 'uuid',
        status: 'text',
        submitted_at: 'timestamptz',
        decided_at: 'timestamptz',
        ...profileColumns,
      },
      market.counselors.map((counselor, index) => ({
        id: applicationIds[index],
        user_id: counselorIds[index],
        status: 'approved',
        submitted_at: joinedAt(index),
        decided_at: joinedAt(index),
        ...profile(counselor, index),
      })),
    );

    const reviews = market.counselors.flatMap((counselor, index) =>
      counselor.reviews.map((review) => ({ ...review, counselor: index, bookingId: randomUUID() })),
    );
    const ratingTotals = new Map<number, { total: number; count: number }>();
    for (const review of reviews) {
      const entry = ratingTotals.get(review.counselor) ?? { total: 0, count: 0 };
      entry.total += review.rating;
      entry.count += 1;
      ratingTotals.set(review.counselor, entry);
    }
    await writer.insert(
      'directory.counselors',
      {
        id: 'uuid',
        application_id: 'uuid',
        status: 'text',
        created_at: 'timestamptz',
        rating_total: 'int',
        review_count: 'int',
        ...profileColumns,
      },
      market.counselors.map((counselor, index) => ({
        id: counselorIds[index],
        application_id: applicationIds[index],
        status: 'active',
        created_at: joinedAt(index),
        rating_total: ratingTotals.get(index)?.total ?? 0,
        review_count: ratingTotals.get(index)?.count ?? 0,
        ...profile(counselor, index),
      })),
    );

    const offerings = market.counselors.flatMap((counselor, index) =>
      counselor.offerings.map((offering) => ({
        id: randomUUID(),
        counselor_id: counselorIds[index],
        title: offering.title,
        mode: offering.mode,
        duration_minutes: offering.durationMinutes,
        price_paise: offering.pricePaise,
        active: true,
      })),
    );
    const offeringColumns = {
      id: 'uuid',
      counselor_id: 'uuid',
      title: 'text',
      mode: 'text',
      duration_minutes: 'int',
      price_paise: 'bigint',
      active: 'boolean',
    } as const;
    await writer.insert('directory.offerings', offeringColumns, offerings);
    log(`directory: ${market.counselors.length} counselors, ${offerings.length} offerings`);

    // The booking service's copies, as directory events would have left them.
    await writer.insert(
      'booking.counselors',
      { counselor_id: 'uuid', status: 'text', status_at: 'timestamptz', display_name: 'text' },
      market.counselors.map((counselor, index) => ({
        counselor_id: counselorIds[index],
        status: 'active',
        status_at: now.toISOString(),
        display_name: counselor.name,
      })),
    );
    await writer.insert(
      'booking.offerings',
      { ...offeringColumns, version_at: 'timestamptz' },
      offerings.map((offering) => ({ ...offering, version_at: now.toISOString() })),
    );
    await writer.insert(
      'booking.availability',
      {
        counselor_id: 'uuid',
        timezone: 'text',
        weekly: 'jsonb',
        buffer_minutes: 'int',
        min_notice_minutes: 'int',
        max_advance_days: 'int',
        slot_interval_minutes: 'int',
      },
      market.counselors.map((counselor, index) => ({
        counselor_id: counselorIds[index],
        timezone: counselor.timezone,
        weekly: counselor.weekly,
        buffer_minutes: counselor.bufferMinutes,
        min_notice_minutes: counselor.minNoticeMinutes,
        max_advance_days: counselor.maxAdvanceDays,
        slot_interval_minutes: counselor.slotIntervalMinutes,
      })),
    );

    // Each review follows a completed free first chat.
    const freeChat = new Map(offerings.filter((o) => o.price_paise === 0).map((o) => [o.counselor_id, o]));
    const completed = reviews.map((review) => {
      const offering = freeChat.get(counselorIds[review.counselor])!;
      const startsAt = new Date(now.getTime() - review.daysAgo * DAY_MS);
      startsAt.setUTCMinutes(0, 0, 0);
      return {
        id: review.bookingId,
        client_id: clientIds[review.client],
        counselor_id: offering.counselor_id,
        offering_id: offering.id,
        mode: offering.mode,
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + offering.duration_minutes * 60_000).toISOString(),
        status: 'completed',
        price_paise: 0,
        confirmed_at: new Date(startsAt.getTime() - DAY_MS).toISOString(),
        meeting_url: null as string | null,
      };
    });
    const upcoming = upcomingSession(market.counselors[0], offerings, counselorIds[0], clientIds[0], now);
    const bookingColumns = {
      id: 'uuid',
      client_id: 'uuid',
      counselor_id: 'uuid',
      offering_id: 'uuid',
      mode: 'text',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
      status: 'text',
      price_paise: 'bigint',
      confirmed_at: 'timestamptz',
      meeting_url: 'text',
    } as const;
    await writer.insert('booking.bookings', bookingColumns, [
      ...completed,
      ...(upcoming
        ? [{ ...upcoming, meeting_url: newMeetingUrl(options.meetingBaseUrl ?? 'https://meet.jit.si') }]
        : []),
    ]);
    await writer.insert(
      'directory.review_eligibility',
      { booking_id: 'uuid', client_id: 'uuid', counselor_id: 'uuid', completed_at: 'timestamptz' },
      completed.map((booking) => ({
        booking_id: booking.id,
        client_id: booking.client_id,
        counselor_id: booking.counselor_id,
        completed_at: booking.ends_at,
      })),
    );
    await writer.insert(
      'directory.reviews',
      {
        id: 'uuid',
        booking_id: 'uuid',
        counselor_id: 'uuid',
        client_id: 'uuid',
        rating: 'smallint',
        comment: 'text',
        created_at: 'timestamptz',
      },
      reviews.map((review, index) => ({
        id: randomUUID(),
        booking_id: review.bookingId,
        counselor_id: counselorIds[review.counselor],
        client_id: clientIds[review.client],
        rating: review.rating,
        comment: review.comment,
        created_at: completed[index].ends_at,
      })),
    );
    log(`booking: ${completed.length + (upcoming ? 1 : 0)} sessions, ${reviews.length} reviews`);

    await client.query('COMMIT');
    await client.query('ANALYZE');
    log(`seeded ${market.counselors.length} counselors in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { seeded: true, logins: DEMO_LOGINS, counselors: market.counselors.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The demo client's next session: the demo counselor's first open free-chat slot from tomorrow. */
function upcomingSession(
  counselor: SeedCounselor,
  offerings: { id: string; counselor_id: string; price_paise: number; duration_minutes: number; mode: string }[],
  counselorId: string,
  clientId: string,
  now: Date,
) {
  const offering = offerings.find((o) => o.counselor_id === counselorId && o.price_paise === 0);
  if (!offering) return undefined;
  const from = new Date(now.getTime() + DAY_MS);
  const [slot] = computeSlots(
    {
      rules: { ...counselor, overrides: [] },
      durationMinutes: offering.duration_minutes,
      now,
      bookings: [],
      timeOff: [],
    },
    { from, to: new Date(from.getTime() + 14 * DAY_MS) },
  );
  if (!slot) return undefined;
  return {
    id: randomUUID(),
    client_id: clientId,
    counselor_id: counselorId,
    offering_id: offering.id,
    mode: offering.mode,
    starts_at: slot.startsAt.toISOString(),
    ends_at: slot.endsAt.toISOString(),
    status: 'confirmed',
    price_paise: 0,
    confirmed_at: now.toISOString(),
  };
}

/** Multi-row inserts of plain objects, a few thousand rows per statement through `jsonb_to_recordset`. */
class TableWriter {
  constructor(private readonly client: Client) {}

  async insert(table: string, columns: Record<string, string>, rows: Record<string, unknown>[]): Promise<void> {
    const [schema, name] = table.split('.');
    const names = Object.keys(columns).map((column) => `"${column}"`);
    const definition = Object.entries(columns)
      .map(([column, type]) => `"${column}" ${type}`)
      .join(', ');
    for (let offset = 0; offset < rows.length; offset += CHUNK) {
      const chunk = rows.slice(offset, offset + CHUNK);
      await this.client.query(
        `INSERT INTO "${schema}"."${name}" (${names.join(', ')})
         SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})`,
        [JSON.stringify(chunk)],
      );
    }
  }
}
