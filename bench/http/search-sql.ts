import type { Pool } from 'pg';
import { parseSearch } from '../../apps/directory/src/search/search-criteria';
import { buildQuery, orderBy, textQuery, TSQUERY_SQL } from '../../apps/directory/src/search/search-query';

/**
 * Every SQL statement a search runs, as the directory runs them, straight over `pg`: the page of
 * ids, the count when the page is full, then the profiles, their offerings and their openings
 * (together). The text query's tsquery is cached by the service, so it is prepared once here too.
 */
export async function searchSql(pool: Pool, query: Record<string, string>): Promise<(pool: Pool) => Promise<unknown>> {
  const slugs = new Set<string>(
    (await pool.query(`SELECT "slug" FROM "directory"."specialties"`)).rows.map((r) => r.slug),
  );
  const criteria = parseSearch({ page: 1, limit: 20, ...query } as never, slugs, new Date());
  let tsquery: string | undefined;
  if (criteria.q) {
    const { words, prefix } = textQuery(criteria.q);
    tsquery = (await pool.query(TSQUERY_SQL, [words, prefix ?? null])).rows[0].query ?? undefined;
  }
  const built = buildQuery(criteria, tsquery);
  const idsSql = `SELECT c."id" FROM ${built.from} WHERE ${built.where} ORDER BY ${orderBy(criteria, built)}
    LIMIT $${built.params.length + 1} OFFSET $${built.params.length + 2}`;
  const countSql = `SELECT count(*)::int AS "total" FROM ${built.from} WHERE ${built.where}`;
  const offset = (criteria.page - 1) * criteria.limit;
  return async (db) => {
    const ids: string[] = (await db.query(idsSql, [...built.params, criteria.limit, offset])).rows.map((r) => r.id);
    if (!(offset === 0 && ids.length < criteria.limit)) await db.query(countSql, built.params);
    if (ids.length === 0) return;
    await Promise.all([
      db.query(
        `SELECT * FROM "directory"."counselors" WHERE "id" = ANY($1::uuid[]) AND "status" = 'active' AND "account_active"`,
        [ids],
      ),
      db.query(
        `SELECT * FROM "directory"."offerings" WHERE "counselor_id" = ANY($1::uuid[]) AND "active" ORDER BY "created_at", "id"`,
        [ids],
      ),
      db.query(
        `SELECT "counselor_id", "next_available_at" FROM "directory"."counselor_openings" WHERE "counselor_id" = ANY($1::uuid[])`,
        [ids],
      ),
    ]);
  };
}

/** EXPLAIN ANALYZE of a search's main query: which indexes it used and how long PostgreSQL took. */
export async function explainSearch(pool: Pool, query: Record<string, string>): Promise<string> {
  const slugs = new Set<string>(
    (await pool.query(`SELECT "slug" FROM "directory"."specialties"`)).rows.map((r) => r.slug),
  );
  const criteria = parseSearch({ page: 1, limit: 20, ...query } as never, slugs, new Date());
  let tsquery: string | undefined;
  if (criteria.q) {
    const { words, prefix } = textQuery(criteria.q);
    tsquery = (await pool.query(TSQUERY_SQL, [words, prefix ?? null])).rows[0].query ?? undefined;
  }
  const built = buildQuery(criteria, tsquery);
  const { rows } = await pool.query(
    `EXPLAIN (ANALYZE, COSTS OFF) SELECT c."id" FROM ${built.from} WHERE ${built.where}
     ORDER BY ${orderBy(criteria, built)} LIMIT 20`,
    built.params,
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
