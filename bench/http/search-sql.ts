import type { Pool } from 'pg';
import { parseSearch, type SearchCriteria } from '../../apps/directory/src/search/search-criteria';
import {
  type SearchStatement,
  pageStatement,
  searchPage,
  textQuery,
  TSQUERY_SQL,
} from '../../apps/directory/src/search/search-query';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The searches the benches load: text, filter and sort combinations, with and without availability. */
export function benchSearches(now: number): [string, Record<string, string>][] {
  const window = {
    availableFrom: new Date(now + DAY_MS).toISOString(),
    availableTo: new Date(now + 3 * DAY_MS).toISOString(),
  };
  return [
    ['all, relevance', {}],
    ['q=anxiety', { q: 'anxiety' }],
    ['q=anx (prefix)', { q: 'anx' }],
    ['q=stress&language=hi', { q: 'stress', language: 'hi' }],
    ['specialty=grief&mode=video&maxPricePaise=50000', { specialty: 'grief', mode: 'video', maxPricePaise: '50000' }],
    ['specialty=career&sort=price', { specialty: 'career', sort: 'price' }],
    ['sort=rating', { sort: 'rating' }],
    ['q=anxiety + 2-day window', { q: 'anxiety', ...window }],
    ['2-day window (all)', window],
    ['specialty=trauma&sort=availability', { specialty: 'trauma', sort: 'availability' }],
    ['q=anxiety + window, sort=availability', { q: 'anxiety', ...window, sort: 'availability' }],
    ['page 3, relevance', { page: '3' }],
  ];
}

/**
 * Every SQL statement a search runs, as the directory runs them (the same builder and statements, named or not),
 * straight over `pg`. The text query's tsquery is cached by the service, so it is made once here too.
 */
export async function searchSql(pool: Pool, query: Record<string, string>): Promise<(pool: Pool) => Promise<unknown>> {
  const { criteria, tsquery } = await prepare(pool, query);
  return (db) =>
    searchPage(criteria, tsquery, async <T>(statement: SearchStatement) => (await db.query(statement)).rows as T[]);
}

/** EXPLAIN ANALYZE of the statement a search's first page runs: the indexes it used and PostgreSQL's time. */
export async function explainSearch(pool: Pool, query: Record<string, string>): Promise<string> {
  const { criteria, tsquery } = await prepare(pool, query);
  const { text, values } = pageStatement(criteria, tsquery);
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, values);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

async function prepare(
  pool: Pool,
  query: Record<string, string>,
): Promise<{ criteria: SearchCriteria; tsquery: string | undefined }> {
  const slugs = new Set<string>(
    (await pool.query(`SELECT "slug" FROM "directory"."specialties"`)).rows.map((r) => r.slug),
  );
  const criteria = parseSearch({ page: 1, limit: 20, ...query } as never, slugs, new Date());
  if (!criteria.q) return { criteria, tsquery: undefined };
  const { words, prefix } = textQuery(criteria.q);
  return { criteria, tsquery: (await pool.query(TSQUERY_SQL, [words, prefix ?? null])).rows[0].query ?? undefined };
}
