import { dropDatabase } from '@haven/database';
import { waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningPlatform, startPlatform } from '../../tests/support/platform';
import { migrateAll } from '../migrate';
import { DEMO_LOGINS, seedMarketplace, type SeedResult } from './seed-marketplace';

const COUNSELORS = 12;
const PASSWORD = 'seeded-password-1';

describe('npm run seed', () => {
  const databaseUrl = `${inject('databaseUrl')}_seed`;
  let vhost: { url: string; remove(): Promise<void> };
  let platform: RunningPlatform;
  let first: SeedResult;

  type Reply = { status: number; body: any };
  const get = async (path: string, token?: string): Promise<Reply> => {
    const response = await fetch(`${platform.baseUrl}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, body: await response.json() };
  };
  const login = async (email: string, password = PASSWORD): Promise<Reply> => {
    const response = await fetch(`${platform.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    vhost = await createEmptyVhost('seed');
    await migrateAll(databaseUrl, () => undefined);
    first = await seedMarketplace(databaseUrl, { counselors: COUNSELORS, password: PASSWORD });
    const keys = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    platform = await startPlatform({
      NODE_ENV: 'test',
      LOG_LEVEL: 'fatal',
      DATABASE_URL: databaseUrl,
      RABBITMQ_URL: vhost.url,
      REDIS_URL: inject('redisUrl'),
      REDIS_PREFIX: `${inject('redisPrefix')}_seed`,
      JWT_PRIVATE_KEY: keys.privateKey,
      JWT_PUBLIC_KEY: keys.publicKey,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
  });

  afterAll(async () => {
    await platform?.close();
    await vhost?.remove();
    await dropDatabase(databaseUrl);
  });

  it('fills the marketplace the public API lists: profiles, offerings from Rs 30 or free, ratings, open slots', async () => {
    expect(first).toMatchObject({ seeded: true, counselors: COUNSELORS });
    const { status, body } = await get('/counselors?limit=100');
    expect(status).toBe(200);
    expect(body.total).toBe(COUNSELORS);
    const offerings = body.items.flatMap((counselor: { offerings: { pricePaise: number }[] }) => counselor.offerings);
    expect(offerings.every((o: { pricePaise: number }) => o.pricePaise === 0 || o.pricePaise >= 3000)).toBe(true);
    expect(offerings.some((o: { pricePaise: number }) => o.pricePaise === 0)).toBe(true);
    expect(body.items.some((counselor: { reviewCount: number }) => counselor.reviewCount > 0)).toBe(true);

    const specialty = body.items[0].specialties[0];
    const bySpecialty = await get(`/counselors?specialty=${specialty}`);
    expect(bySpecialty.body.items.length).toBeGreaterThan(0);
    expect(bySpecialty.body.items.every((c: { specialties: string[] }) => c.specialties.includes(specialty))).toBe(
      true,
    );

    const reviewed = body.items.find((counselor: { reviewCount: number }) => counselor.reviewCount > 0);
    const reviews = await get(`/counselors/${reviewed.id}/reviews`);
    expect(reviews.body.total).toBe(reviewed.reviewCount);
    expect(reviews.body.items[0].clientName).toEqual(expect.any(String));
  });

  it('lets the booking service work out everyone’s openings: search finds who is free tomorrow', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3_600_000);
    const window = `availableFrom=${tomorrow.toISOString()}&availableTo=${new Date(tomorrow.getTime() + 7 * 24 * 3_600_000).toISOString()}`;
    const free = await waitFor(
      async () => {
        const page = await get(`/counselors?${window}&sort=availability&limit=100`);
        return page.body.total === COUNSELORS ? page.body : undefined;
      },
      { what: 'openings of every seeded counselor', timeoutMs: 30_000 },
    );
    const soonest = free.items.map((item: { nextAvailableAt: string }) => Date.parse(item.nextAvailableAt));
    expect(soonest.every((at: number) => at > Date.now())).toBe(true);
  });

  it('gives one login per role; the demo client has an upcoming session with the demo counselor', async () => {
    for (const { role, email } of DEMO_LOGINS) {
      const session = await login(email);
      expect(session.status, email).toBe(200);
      expect(session.body.user.roles).toContain(role);
    }
    expect((await login(DEMO_LOGINS[0].email, 'wrong-password-1')).status).toBe(401);

    const client = await login(DEMO_LOGINS[0].email);
    const bookings = await get('/bookings?role=client&status=confirmed', client.body.accessToken);
    expect(bookings.status).toBe(200);
    expect(bookings.body.items).toHaveLength(1);
    const counselor = await login(DEMO_LOGINS[1].email);
    expect(bookings.body.items[0].counselorId).toBe(counselor.body.user.id);
    expect(Date.parse(bookings.body.items[0].startsAt)).toBeGreaterThan(Date.now());
  });

  it('refuses to seed a database twice', async () => {
    const again = await seedMarketplace(databaseUrl, { counselors: 5, password: 'another-password-1' });
    expect(again).toMatchObject({ seeded: false, counselors: COUNSELORS });
    expect((await get('/counselors')).body.total).toBe(COUNSELORS);
    expect((await login(DEMO_LOGINS[0].email)).status).toBe(200);
  });
});
