import { dropDatabase } from '@haven/database';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSearch } from '../../apps/directory/src/search/search-criteria';
import { SEARCH_COUNTED_AHEAD } from '@haven/contracts';
import {
  type SearchStatement,
  pageStatement,
  searchPage,
  textQuery,
  TSQUERY_SQL,
} from '../../apps/directory/src/search/search-query';
import { migrateAll } from '../migrate';
import { seedMarketplace } from './seed-marketplace';

const COUNSELORS = 10_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * The search statement's plans over a seeded marketplace, as PostgreSQL chooses them (EXPLAIN
 * ANALYZE): text, specialty, language, mode and price are answered from indexes, never by reading
 * every counselor or offering.
 */
describe('search over a seeded marketplace: query plans and counts', () => {
  const databaseUrl = `${inject('databaseUrl')}_search_plans`;
  const db = new Client({ connectionString: databaseUrl });
  let specialties: Set<string>;

  beforeAll(async () => {
    await migrateAll(databaseUrl, () => undefined);
    await seedMarketplace(databaseUrl, { counselors: COUNSELORS, password: 'seeded-password-1' });
    await db.connect();
    // What the booking service would report: a few hours open for each counselor within three days.
    await db.query(`
      INSERT INTO "directory"."counselor_openings"
        ("counselor_id", "next_available_at", "open_starts", "max_step_minutes", "computed_at")
      SELECT "id", now() + s.at, tstzmultirange(tstzrange(now() + s.at, now() + s.at + interval '4 hours')), 30, now()
      FROM "directory"."counselors", LATERAL (SELECT random() * interval '72 hours' AS at) s`);
    await db.query(
      `VACUUM ANALYZE "directory"."counselors", "directory"."offerings", "directory"."counselor_openings"`,
    );
    specialties = new Set((await db.query(`SELECT "slug" FROM "directory"."specialties"`)).rows.map((r) => r.slug));
  });

  afterAll(async () => {
    await db.end();
    await dropDatabase(databaseUrl);
  });

  const criteriaOf = async (query: Record<string, string>) => {
    const criteria = parseSearch({ page: 1, limit: 20, ...query } as never, specialties, new Date());
    let tsquery: string | undefined;
    if (criteria.q) {
      const { words, prefix } = textQuery(criteria.q);
      tsquery = (await db.query(TSQUERY_SQL, [words, prefix ?? null])).rows[0].query;
    }
    return { criteria, tsquery };
  };

  /** Every scan of the first page's statement: "<node> on <table>", "<node> using <index>" or both. */
  const scans = async (query: Record<string, string>): Promise<string[]> => {
    const { criteria, tsquery } = await criteriaOf(query);
    const { text, values } = pageStatement(criteria, tsquery);
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = (await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values)).rows;
    const found: string[] = [];
    const walk = (node: PlanNode) => {
      const relation = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
      const index = node['Index Name'] ? ` using ${node['Index Name']}` : '';
      if (relation || index) found.push(`${node['Node Type']}${relation}${index}`);
      node.Plans?.forEach(walk);
    };
    walk(plan.Plan);
    return found;
  };

  it.each([
    // A word one counselor in six has (a specialty's name) may be answered by reading the table: that
    // costs about the same. One in twenty-five must come from the index.
    ['text', { q: 'Mukherjee' }, 'counselors_public_search_idx'],
    ['a word being typed', { q: 'Radh' }, 'counselors_public_search_idx'],
    ['text and language', { q: 'stress', language: 'hi' }, 'counselors_'],
    ['specialty', { specialty: 'grief' }, 'counselors_'],
    ['language', { language: 'ta' }, 'counselors_'],
    ['mode and price', { specialty: 'grief', mode: 'video', maxPricePaise: '50000' }, 'counselors_'],
    ['price sort', { specialty: 'career', sort: 'price' }, 'counselors_'],
    ['price sort, nothing else', { sort: 'price' }, 'counselors_public_price_idx'],
    ['rating sort', { sort: 'rating' }, 'counselors_public_'],
    // The soonest opening is kept on the counselor: no join with every match's openings.
    ['availability sort', { specialty: 'trauma', sort: 'availability' }, 'counselors_public_soonest_idx'],
    ['availability sort, nothing else', { sort: 'availability' }, 'counselors_public_soonest_idx'],
  ])('%s: no sequential scan', async (_name, query, index) => {
    const plan = await scans(query);
    expect(plan.filter((scan) => scan.startsWith('Seq Scan'))).toEqual([]);
    expect(plan.some((scan) => scan.includes(`using ${index}`))).toBe(true);
  });

  it('counts matches up to SEARCH_COUNTED_AHEAD past the page, exactly below that', async () => {
    const run = async <T>(statement: SearchStatement) => (await db.query(statement)).rows as T[];
    const page = async (query: Record<string, string>) => {
      const { criteria, tsquery } = await criteriaOf(query);
      const { rows, total, totalExact } = await searchPage(criteria, tsquery, run);
      return { ids: rows.map((row) => row.id), total, totalExact };
    };
    const everyone = await page({});
    expect(everyone).toMatchObject({ total: SEARCH_COUNTED_AHEAD, totalExact: false });
    expect(everyone.ids).toHaveLength(20);
    expect(await page({ page: '3' })).toMatchObject({ total: 40 + SEARCH_COUNTED_AHEAD, totalExact: false });

    const [{ exact }] = (
      await db.query(`SELECT count(*)::int AS exact FROM "directory"."counselors" WHERE 'ta' = ANY("languages")`)
    ).rows;
    expect(exact).toBeGreaterThan(SEARCH_COUNTED_AHEAD);
    expect(await page({ language: 'ta' })).toMatchObject({ total: SEARCH_COUNTED_AHEAD, totalExact: false });
    // From a page that starts fewer than SEARCH_COUNTED_AHEAD before the last match, the count is exact.
    const near = await page({ language: 'ta', page: String(Math.ceil((exact - SEARCH_COUNTED_AHEAD) / 20) + 1) });
    expect(near).toMatchObject({ total: exact, totalExact: true });
    const beyond = await page({ language: 'ta', page: String(Math.ceil(exact / 20) + 1) });
    expect(beyond).toEqual({ ids: [], total: exact, totalExact: true });
  });
});
