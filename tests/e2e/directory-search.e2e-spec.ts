import type { CounselorView, OfferingView, Page } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin } from '../support/accounts';
import { makeCounselor, makeOffering, type TestCounselor } from '../support/directory';
import { api } from '../support/http';

/** Letters only, unique to this run: every search below is scoped by it, whatever else the database holds. */
function marker(): string {
  return `zq${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}x`;
}

function fields(body: { details?: { field: string }[] }): string[] {
  return [...new Set((body.details ?? []).map((detail) => detail.field))];
}

async function search(query: Record<string, string | number>): Promise<Page<CounselorView>> {
  const params = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  );
  const response = await api<Page<CounselorView>>('GET', `/counselors?${params}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const ids = (page: Page<CounselorView>) => page.items.map((item) => item.id);

describe('GET /counselors (search)', () => {
  const group = marker();
  const nameWord = marker();
  let anaya: TestCounselor; // name carries nameWord; anxiety; en; video 500 + free chat
  let bhavna: TestCounselor; // bio carries nameWord; grief; hi+en; audio 300
  let chetan: TestCounselor; // micro-cheating + relationships; ta; video 800 + chat 100
  let dev: TestCounselor; // no offerings
  let anayaChat: OfferingView;

  beforeAll(async () => {
    [anaya, bhavna, chetan, dev] = await Promise.all([
      makeCounselor({
        application: {
          displayName: `Anaya ${nameWord}`,
          bio: `Exam stress and anxiety. ${group}`,
          specialties: ['anxiety'],
          languages: ['en'],
        },
      }),
      makeCounselor({
        application: {
          displayName: 'Bhavna Iyer',
          bio: `Students know me as ${nameWord}. Loss and bereavement. ${group}`,
          specialties: ['grief'],
          languages: ['hi', 'en'],
        },
      }),
      makeCounselor({
        application: {
          displayName: 'Chetan Rao',
          bio: `Couples work. ${group}`,
          specialties: ['micro-cheating', 'relationships'],
          languages: ['ta'],
        },
      }),
      makeCounselor({
        application: {
          displayName: 'Dev Malhotra',
          bio: `Career coaching. ${group}`,
          specialties: ['career'],
          languages: ['en'],
        },
      }),
    ]);
    await makeOffering(anaya.accessToken, { mode: 'video', pricePaise: 50_000 });
    anayaChat = await makeOffering(anaya.accessToken, { mode: 'chat', pricePaise: 0, durationMinutes: 15 });
    await makeOffering(bhavna.accessToken, { mode: 'audio', pricePaise: 30_000 });
    await makeOffering(chetan.accessToken, { mode: 'video', pricePaise: 80_000 });
    await makeOffering(chetan.accessToken, { mode: 'chat', pricePaise: 10_000 });
  });

  it('finds by free text over names, bios and specialty names, ranked', async () => {
    const all = await search({ q: group });
    expect(new Set(ids(all))).toEqual(new Set([anaya.id, bhavna.id, chetan.id, dev.id]));
    expect(all.total).toBe(4);

    // A name match outranks a bio match.
    const byName = await search({ q: nameWord });
    expect(ids(byName)).toEqual([anaya.id, bhavna.id]);

    // Specialty names are searchable text: "micro-cheating", "relationships", "bereavement" in a bio.
    expect(ids(await search({ q: `${group} micro-cheating` }))).toEqual([chetan.id]);
    expect(ids(await search({ q: `${group} relationship` }))).toEqual([chetan.id]);
    expect(ids(await search({ q: `${group} grief` }))).toEqual([bhavna.id]);
    expect(ids(await search({ q: `${group} bereavement` }))).toEqual([bhavna.id]);
    expect(ids(await search({ q: `${group} -anxiety` })).sort()).toEqual([bhavna.id, chetan.id, dev.id].sort());
    expect((await search({ q: `${group} unicorn` })).total).toBe(0);
  });

  it('returns full public profiles with active offerings only', async () => {
    const [item] = (await search({ q: nameWord, limit: 1 })).items;
    expect(item).toMatchObject({
      id: anaya.id,
      displayName: `Anaya ${nameWord}`,
      status: 'active',
      registration: { body: 'RCI' },
      rating: 0,
      reviewCount: 0,
    });
    expect(item.offerings).toHaveLength(2);
    expect(JSON.stringify(item)).not.toContain(anaya.application.registration.number);
    expect(JSON.stringify(item)).not.toContain(anaya.email);
  });

  it('filters by specialty and language', async () => {
    expect(ids(await search({ q: group, specialty: 'grief' }))).toEqual([bhavna.id]);
    expect(ids(await search({ q: group, specialty: 'relationships' }))).toEqual([chetan.id]);
    expect(ids(await search({ q: group, specialty: 'depression' }))).toEqual([]);
    expect(ids(await search({ q: group, language: 'ta' }))).toEqual([chetan.id]);
    expect(new Set(ids(await search({ q: group, language: 'en' })))).toEqual(new Set([anaya.id, bhavna.id, dev.id]));
    expect(ids(await search({ q: group, language: 'hi', specialty: 'grief' }))).toEqual([bhavna.id]);
  });

  it('filters by mode and maximum price over active offerings', async () => {
    expect(new Set(ids(await search({ q: group, mode: 'video' })))).toEqual(new Set([anaya.id, chetan.id]));
    expect(ids(await search({ q: group, mode: 'audio' }))).toEqual([bhavna.id]);
    expect(new Set(ids(await search({ q: group, maxPricePaise: 20_000 })))).toEqual(new Set([anaya.id, chetan.id]));
    // Both conditions on the same offering: Chetan's video costs 800, his cheap offering is a chat.
    expect(ids(await search({ q: group, mode: 'video', maxPricePaise: 60_000 }))).toEqual([anaya.id]);
    expect(ids(await search({ q: group, maxPricePaise: 0 }))).toEqual([anaya.id]);
  });

  it('sorts by the cheapest active offering, counselors without offerings last', async () => {
    expect(ids(await search({ q: group, sort: 'price' }))).toEqual([anaya.id, chetan.id, bhavna.id, dev.id]);
    expect(ids(await search({ q: group, sort: 'price', mode: 'video' }))).toEqual([anaya.id, chetan.id]);
  });

  it('pages with total', async () => {
    const first = await search({ q: group, sort: 'price', limit: 3 });
    expect(first).toMatchObject({ total: 4, totalExact: true, page: 1, limit: 3 });
    expect(ids(first)).toEqual([anaya.id, chetan.id, bhavna.id]);
    const second = await search({ q: group, sort: 'price', limit: 3, page: 2 });
    expect(second).toMatchObject({ total: 4, page: 2, limit: 3 });
    expect(ids(second)).toEqual([dev.id]);
    const past = await search({ q: group, page: 3, limit: 3 });
    expect(ids(past)).toEqual([]);
    expect(past).toMatchObject({ total: 4, totalExact: true, page: 3 });
  });

  it('a deactivated offering no longer matches or counts for price', async () => {
    const off = await api(
      'PATCH',
      `/counselor/offerings/${anayaChat.id}`,
      { active: false },
      { token: anaya.accessToken },
    );
    expect(off.status).toBe(200);
    expect(ids(await search({ q: group, maxPricePaise: 0 }))).toEqual([]);
    expect(ids(await search({ q: group, mode: 'chat' }))).toEqual([chetan.id]);
    expect(ids(await search({ q: group, sort: 'price' }))).toEqual([chetan.id, bhavna.id, anaya.id, dev.id]);
    const [item] = (await search({ q: nameWord, limit: 1 })).items;
    expect(item.offerings.map((offering) => offering.mode)).toEqual(['video']);
    const on = await api(
      'PATCH',
      `/counselor/offerings/${anayaChat.id}`,
      { active: true },
      { token: anaya.accessToken },
    );
    expect(on.status).toBe(200);
  });

  it('finds a counselor by what their edited profile now says, not what it said', async () => {
    const before = marker();
    const after = marker();
    const editor = await makeCounselor({ application: { displayName: `Editor ${before}`, specialties: ['career'] } });
    expect(ids(await search({ q: before }))).toEqual([editor.id]);
    const edit = await api(
      'PATCH',
      '/counselor/profile',
      { displayName: `Editor ${after}`, specialties: ['trauma'] },
      { token: editor.accessToken },
    );
    expect(edit.status).toBe(200);
    expect(ids(await search({ q: before }))).toEqual([]);
    expect(ids(await search({ q: after }))).toEqual([editor.id]);
    expect(ids(await search({ q: `${after} trauma` }))).toEqual([editor.id]);
    expect(ids(await search({ q: `${after} career` }))).toEqual([]);
    expect(ids(await search({ q: after, specialty: 'trauma' }))).toEqual([editor.id]);
  });

  it('never shows a suspended counselor', async () => {
    const admin = await loginAdmin();
    const hidden = await makeCounselor({ application: { displayName: `Hidden ${group}` } });
    expect(ids(await search({ q: group }))).toContain(hidden.id);
    await api('POST', `/admin/counselors/${hidden.id}/suspend`, { reason: 'test' }, { token: admin });
    const after = await search({ q: group });
    expect(ids(after)).not.toContain(hidden.id);
    expect(after.total).toBe(4);
  });

  it('answers every sort without any text or filter', async () => {
    for (const sort of ['relevance', 'price', 'rating', 'availability']) {
      const response = await api<Page<CounselorView>>('GET', `/counselors?sort=${sort}&limit=100`);
      expect(response.status, sort).toBe(200);
      expect(response.body.total).toBeGreaterThanOrEqual(4);
      expect(response.body.items.every((item) => item.status === 'active')).toBe(true);
    }
    const plain = await api<Page<CounselorView>>('GET', '/counselors');
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ page: 1, limit: 20 });
  });

  it('names each bad parameter (400)', async () => {
    const cases: [string, string][] = [
      ['specialty=astrology', 'specialty'],
      ['language=EN', 'language'],
      ['language=english', 'language'],
      ['mode=fax', 'mode'],
      ['maxPricePaise=-1', 'maxPricePaise'],
      ['maxPricePaise=cheap', 'maxPricePaise'],
      ['sort=popularity', 'sort'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['page=0', 'page'],
      ['availableFrom=tomorrow', 'availableFrom'],
      ['availableTo=2026-13-01T00:00:00Z', 'availableTo'],
      ['availableFrom=2026-12-10T00:00:00Z&availableTo=2026-12-09T00:00:00Z', 'availableTo'],
      ['availableFrom=2026-12-10T00:00:00Z&availableTo=2026-12-10T00:00:00Z', 'availableTo'],
      ['availableFrom=2026-12-01T00:00:00Z&availableTo=2027-01-02T00:00:00Z', 'availableTo'],
      ['color=blue', 'color'],
    ];
    for (const [query, field] of cases) {
      const response = await api('GET', `/counselors?${query}`);
      expect(response.status, query).toBe(400);
      expect(fields(response.body), query).toEqual([field]);
    }
  });

  describe('availability (asked from the booking service)', () => {
    const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

    beforeAll(async () => {
      // Only Chetan keeps office hours; the others have no availability at all.
      const weekly = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
        day,
        start: '00:00',
        end: '23:30',
      }));
      const put = await api(
        'PUT',
        '/counselor/availability',
        { timezone: 'UTC', weekly },
        { token: chetan.accessToken },
      );
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    });

    it('keeps only counselors with an open slot in the window, with nextAvailableAt', async () => {
      // The booking service learns of approvals and offerings through events: wait for them to land.
      const found = await waitFor(
        async () => {
          const page = await search({ q: group, availableFrom: inDays(1), availableTo: inDays(8) });
          return page.total > 0 ? page : undefined;
        },
        { timeoutMs: 20_000, what: 'the booking service to know the counselor' },
      );
      expect(ids(found)).toEqual([chetan.id]);
      const [item] = found.items;
      expect(Date.parse(item.nextAvailableAt!)).toBeGreaterThan(Date.now());

      const everyone = await search({ q: group });
      const next = Object.fromEntries(everyone.items.map((entry) => [entry.id, entry.nextAvailableAt]));
      expect(next[chetan.id]).toEqual(expect.any(String));
      expect(next[anaya.id]).toBeNull();
      expect(next[dev.id]).toBeNull();
    });

    it('sorts by soonest availability, those without any last', async () => {
      await waitFor(async () => ((await search({ q: group, availableTo: inDays(8) })).total === 1 ? true : undefined), {
        timeoutMs: 20_000,
      });
      const sorted = await search({ q: group, sort: 'availability' });
      expect(ids(sorted)[0]).toBe(chetan.id);
      expect(sorted.total).toBe(4);
      expect(new Set(ids(sorted).slice(1))).toEqual(new Set([anaya.id, bhavna.id, dev.id]));
    });

    it('finds nobody in a window beyond every counselor’s booking window', async () => {
      expect((await search({ q: group, availableFrom: inDays(300), availableTo: inDays(310) })).total).toBe(0);
    });
  });
});
