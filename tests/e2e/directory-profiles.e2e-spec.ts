import type { CounselorView, OfferingView, SpecialtyView } from '@haven/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, registerUser } from '../support/accounts';
import { makeCounselor, makeOffering, publicCounselor, type TestCounselor } from '../support/directory';
import { api } from '../support/http';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

function fields(body: { details?: { field: string }[] }): string[] {
  return [...new Set((body.details ?? []).map((detail) => detail.field))];
}

describe('GET /specialties', () => {
  it('lists the seeded specialties with names, to anyone', async () => {
    const response = await api<SpecialtyView[]>('GET', '/specialties');
    expect(response.status).toBe(200);
    const slugs = response.body.map((specialty) => specialty.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'relationships',
        'micro-cheating',
        'anxiety',
        'depression',
        'stress',
        'grief',
        'self-esteem',
        'family',
        'career',
        'trauma',
        'sleep',
        'addiction',
      ]),
    );
    for (const specialty of response.body) {
      expect(specialty.name).toEqual(expect.any(String));
      expect(specialty.name.length).toBeGreaterThan(0);
    }
    expect(response.body.find((specialty) => specialty.slug === 'micro-cheating')?.name).toBe('Micro-cheating');
  });
});

describe('public profile GET /counselors/:id', () => {
  it('shows an active counselor without contact data or registration number', async () => {
    const counselor = await makeCounselor({
      phone: '+919876543210',
      application: { displayName: 'Meera Profile', gender: 'female', specialties: ['grief', 'family'] },
    });
    const profile = await publicCounselor(counselor.id);
    expect(profile).toEqual({
      id: counselor.id,
      displayName: 'Meera Profile',
      bio: counselor.application.bio,
      languages: ['en', 'hi'],
      specialties: ['grief', 'family'],
      yearsExperience: 8,
      qualifications: counselor.application.qualifications,
      registration: { body: 'RCI' },
      status: 'active',
      rating: 0,
      reviewCount: 0,
      offerings: [],
      gender: 'female',
      nextAvailableAt: null,
    });
    const text = JSON.stringify(profile);
    expect(text).not.toContain(counselor.application.registration.number);
    expect(text).not.toContain(counselor.email);
    expect(text).not.toContain('9876543210');
  });

  it('is 404 for an unknown id, a malformed id, and a user who is not a counselor', async () => {
    const user = await registerUser('plain');
    expect((await api('GET', `/counselors/${MISSING_ID}`)).status).toBe(404);
    expect((await api('GET', '/counselors/not-a-uuid')).status).toBe(404);
    expect((await api('GET', `/counselors/${user.user.id}`)).status).toBe(404);
    expect((await api('GET', `/counselors/${user.user.id}/reviews`)).status).toBe(404);
  });

  it('lists no reviews for a new counselor', async () => {
    const counselor = await makeCounselor();
    const reviews = await api('GET', `/counselors/${counselor.id}/reviews`);
    expect(reviews.status).toBe(200);
    expect(reviews.body).toEqual({ items: [], total: 0, page: 1, limit: 20 });
  });
});

describe('PATCH /counselor/profile', () => {
  let counselor: TestCounselor;
  beforeAll(async () => {
    counselor = await makeCounselor({ application: { displayName: 'Before Edit' } });
  });

  it('edits the public profile', async () => {
    const response = await api<CounselorView>(
      'PATCH',
      '/counselor/profile',
      {
        displayName: 'After Edit',
        bio: 'I help with sleep and stress.',
        languages: ['ta', 'en'],
        specialties: ['sleep', 'stress'],
        photoUrl: 'https://cdn.example.com/p/after.jpg',
      },
      { token: counselor.accessToken },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: counselor.id,
      displayName: 'After Edit',
      bio: 'I help with sleep and stress.',
      languages: ['ta', 'en'],
      specialties: ['sleep', 'stress'],
      photoUrl: 'https://cdn.example.com/p/after.jpg',
      status: 'active',
    });
    const profile = await publicCounselor(counselor.id);
    expect(profile).toMatchObject({ displayName: 'After Edit', specialties: ['sleep', 'stress'] });

    const partial = await api<CounselorView>(
      'PATCH',
      '/counselor/profile',
      { bio: 'Only the bio' },
      {
        token: counselor.accessToken,
      },
    );
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ displayName: 'After Edit', bio: 'Only the bio' });

    const noPhoto = await api<CounselorView>(
      'PATCH',
      '/counselor/profile',
      { photoUrl: null },
      {
        token: counselor.accessToken,
      },
    );
    expect(noPhoto.status).toBe(200);
    expect(noPhoto.body.photoUrl).toBeUndefined();
  });

  it('names bad fields: unknown specialty, language codes, photo URL, empty name, unknown fields (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ specialties: ['anxiety', 'crystal-healing'] }, 'specialties'],
      [{ specialties: [] }, 'specialties'],
      [{ languages: ['EN'] }, 'languages'],
      [{ languages: ['eng'] }, 'languages'],
      [{ languages: ['qq'] }, 'languages'],
      [{ photoUrl: 'ftp://example.com/a.jpg' }, 'photoUrl'],
      [{ photoUrl: 'not a url' }, 'photoUrl'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: null }, 'displayName'],
      [{ bio: '   ' }, 'bio'],
      [{ email: 'x@example.com' }, 'email'],
      [{ registration: { body: 'X', number: '1' } }, 'registration'],
    ];
    for (const [body, field] of cases) {
      const response = await api('PATCH', '/counselor/profile', body, { token: counselor.accessToken });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fields(response.body), JSON.stringify(body)).toEqual([field]);
    }
  });

  it('is for counselors only (401, 403)', async () => {
    const client = await registerUser('notcounselor');
    expect((await api('PATCH', '/counselor/profile', { bio: 'x' })).status).toBe(401);
    expect((await api('PATCH', '/counselor/profile', { bio: 'x' }, { token: client.accessToken })).status).toBe(403);
  });
});

describe('offerings', () => {
  let counselor: TestCounselor;
  let other: TestCounselor;
  beforeAll(async () => {
    [counselor, other] = await Promise.all([makeCounselor(), makeCounselor()]);
  });

  it('POST creates an active INR offering; GET lists them all; the public sees the active ones', async () => {
    const created = await api<OfferingView>(
      'POST',
      '/counselor/offerings',
      { title: 'Free first chat', mode: 'chat', durationMinutes: 15, pricePaise: 0 },
      { token: counselor.accessToken },
    );
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      counselorId: counselor.id,
      title: 'Free first chat',
      mode: 'chat',
      durationMinutes: 15,
      pricePaise: 0,
      currency: 'INR',
      active: true,
    });
    const paid = await makeOffering(counselor.accessToken, { mode: 'audio', durationMinutes: 120, pricePaise: 100 });
    expect(paid).toMatchObject({ mode: 'audio', durationMinutes: 120, pricePaise: 100, active: true });

    const deactivated = await api<OfferingView>(
      'PATCH',
      `/counselor/offerings/${paid.id}`,
      { active: false },
      { token: counselor.accessToken },
    );
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toEqual({ ...paid, active: false });

    const mine = await api<OfferingView[]>('GET', '/counselor/offerings', undefined, { token: counselor.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.map((offering) => [offering.id, offering.active])).toEqual([
      [created.body.id, true],
      [paid.id, false],
    ]);

    const profile = await publicCounselor(counselor.id);
    expect(profile.offerings).toEqual([created.body]);

    const reactivated = await api<OfferingView>(
      'PATCH',
      `/counselor/offerings/${paid.id}`,
      { active: true, title: 'Long call', pricePaise: 30_000 },
      { token: counselor.accessToken },
    );
    expect(reactivated.body).toEqual({ ...paid, active: true, title: 'Long call', pricePaise: 30_000 });
    expect((await publicCounselor(counselor.id)).offerings.map((offering) => offering.id)).toEqual([
      created.body.id,
      paid.id,
    ]);
  });

  it('validates mode, duration 15–120 and price 0 or ≥ 100 whole paise (400 naming the field)', async () => {
    const valid = { title: 'Session', mode: 'video', durationMinutes: 50, pricePaise: 50_000 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, mode: 'phone' }, 'mode'],
      [{ ...valid, durationMinutes: 14 }, 'durationMinutes'],
      [{ ...valid, durationMinutes: 121 }, 'durationMinutes'],
      [{ ...valid, durationMinutes: 30.5 }, 'durationMinutes'],
      [{ ...valid, pricePaise: 99 }, 'pricePaise'],
      [{ ...valid, pricePaise: 1 }, 'pricePaise'],
      [{ ...valid, pricePaise: -100 }, 'pricePaise'],
      [{ ...valid, pricePaise: 150.5 }, 'pricePaise'],
      [{ ...valid, pricePaise: '5000' }, 'pricePaise'],
      [{ ...valid, title: '' }, 'title'],
      [{ ...valid, currency: 'USD' }, 'currency'],
      [{ mode: 'chat', durationMinutes: 30, pricePaise: 0 }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await api('POST', '/counselor/offerings', body, { token: counselor.accessToken });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fields(response.body), JSON.stringify(body)).toEqual([field]);
    }
  });

  it('PATCH changes only title, price and active; another counselor’s offering is 404', async () => {
    const offering = await makeOffering(counselor.accessToken);
    for (const [body, field] of [
      [{ durationMinutes: 30 }, 'durationMinutes'],
      [{ mode: 'chat' }, 'mode'],
      [{ pricePaise: 50 }, 'pricePaise'],
      [{ active: 'yes' }, 'active'],
    ] as const) {
      const response = await api('PATCH', `/counselor/offerings/${offering.id}`, body, {
        token: counselor.accessToken,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    }
    const foreign = await api(
      'PATCH',
      `/counselor/offerings/${offering.id}`,
      { active: false },
      {
        token: other.accessToken,
      },
    );
    expect(foreign.status).toBe(404);
    expect(
      (await api('PATCH', `/counselor/offerings/${MISSING_ID}`, { active: false }, { token: other.accessToken }))
        .status,
    ).toBe(404);
    expect(
      (await api('PATCH', '/counselor/offerings/nope', { active: false }, { token: other.accessToken })).status,
    ).toBe(404);
    const otherList = await api<OfferingView[]>('GET', '/counselor/offerings', undefined, { token: other.accessToken });
    expect(otherList.body.map((item) => item.id)).not.toContain(offering.id);
    // Unchanged by the foreign attempt.
    expect((await publicCounselor(counselor.id)).offerings.map((item) => item.id)).toContain(offering.id);
  });

  it('is for counselors only (401, 403)', async () => {
    const client = await registerUser('offeringless');
    const body = { title: 'x', mode: 'chat', durationMinutes: 30, pricePaise: 0 };
    expect((await api('GET', '/counselor/offerings')).status).toBe(401);
    expect((await api('POST', '/counselor/offerings', body)).status).toBe(401);
    expect((await api('GET', '/counselor/offerings', undefined, { token: client.accessToken })).status).toBe(403);
    expect((await api('POST', '/counselor/offerings', body, { token: client.accessToken })).status).toBe(403);
    expect(
      (await api('PATCH', `/counselor/offerings/${MISSING_ID}`, { active: false }, { token: client.accessToken }))
        .status,
    ).toBe(403);
  });

  it('a suspended counselor’s offerings disappear with the profile', async () => {
    const suspended = await makeCounselor();
    const offering = await makeOffering(suspended.accessToken);
    const admin = await loginAdmin();
    expect(
      (await api('POST', `/admin/counselors/${suspended.id}/suspend`, { reason: 'test' }, { token: admin })).status,
    ).toBe(200);
    expect((await api('GET', `/counselors/${suspended.id}`)).status).toBe(404);
    // The counselor still manages their own offerings.
    const own = await api<OfferingView[]>('GET', '/counselor/offerings', undefined, { token: suspended.accessToken });
    expect(own.body.map((item) => item.id)).toEqual([offering.id]);
  });
});
