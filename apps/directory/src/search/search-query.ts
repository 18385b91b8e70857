import { PUBLIC_COUNSELOR_SQL } from '../counselors/public-counselor';
import type { SearchCriteria } from './search-criteria';

/** Text search configuration: the same one builds `counselors.search_vector` (see the migration). */
export const TS_CONFIG = `'english'::regconfig`;

export interface SearchQuery {
  /** FROM and JOINs: counselors `c`, with their openings `x` when availability matters. */
  from: string;
  where: string;
  /** ts_rank of the text query; absent without one. */
  rank?: string;
  /** Cheapest active offering that matches the mode and price asked for. */
  minPrice: string;
  /** First open start in the window (or at all) for the availability sort. */
  soonest?: string;
  params: unknown[];
}

/** What a text query becomes: the words as typed, and the last one as a prefix while it is being typed. */
export interface TextQuery {
  words: string;
  prefix?: string;
}

/**
 * Splits off the last word when it is a plain word (letters, marks or digits, not inside quotes, not an
 * operator or a negation), so `anx` finds anxiety and `grief coun` finds a grief counselor.
 */
export function textQuery(q: string): TextQuery {
  const quotes = (q.match(/"/g) ?? []).length;
  const last = /(^|\s)([\p{L}\p{M}\p{N}]+)$/u.exec(q);
  if (!last || quotes % 2 === 1 || last[2].toLowerCase() === 'or') return { words: q };
  return { words: q.slice(0, last.index + last[1].length).trim(), prefix: last[2] };
}

/** SQL that turns a `TextQuery` ($1 words, $2 prefix) into the tsquery text search uses; empty for stop words only. */
export const TSQUERY_SQL = `SELECT CASE WHEN numnode(q) = 0 THEN NULL ELSE q::text END AS "query"
  FROM (SELECT websearch_to_tsquery(${TS_CONFIG}, $1) && CASE WHEN $2::text IS NULL THEN ''::tsquery
        ELSE to_tsquery(${TS_CONFIG}, $2 || ':*') END AS q) t`;

/**
 * The FROM, WHERE, rank, price and availability expressions of a search, public counselors only,
 * every value a parameter. `tsquery` is the text query as `TSQUERY_SQL` made it.
 */
export function buildQuery(criteria: SearchCriteria, tsquery?: string): SearchQuery {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  let from = `"directory"."counselors" c`;
  const where = [PUBLIC_COUNSELOR_SQL];
  let rank: string | undefined;
  if (tsquery) {
    const query = `${param(tsquery)}::tsquery`;
    where.push(`c."search_vector" @@ ${query}`);
    rank = `ts_rank(c."search_vector", ${query})`;
  }
  if (criteria.specialty) where.push(`c."specialties" @> ARRAY[${param(criteria.specialty)}]::text[]`);
  if (criteria.language) where.push(`c."languages" @> ARRAY[${param(criteria.language)}]::text[]`);

  const offeringFilters = [`o."counselor_id" = c."id"`, `o."active"`];
  if (criteria.mode) offeringFilters.push(`o."mode" = ${param(criteria.mode)}`);
  if (criteria.maxPricePaise !== undefined) offeringFilters.push(`o."price_paise" <= ${param(criteria.maxPricePaise)}`);
  const offerings = `FROM "directory"."offerings" o WHERE ${offeringFilters.join(' AND ')}`;
  if (criteria.mode || criteria.maxPricePaise !== undefined) where.push(`EXISTS (SELECT 1 ${offerings})`);
  const minPrice = `(SELECT min(o."price_paise") ${offerings})`;

  let soonest: string | undefined;
  if (criteria.availability) {
    const window = `tstzrange(${param(criteria.availability.from)}::timestamptz, ${param(criteria.availability.to)}::timestamptz, '[)')`;
    from += ` JOIN "directory"."counselor_openings" x ON x."counselor_id" = c."id" AND x."open_starts" && ${window}`;
    soonest = `lower(x."open_starts" * tstzmultirange(${window}))`;
  } else if (criteria.sort === 'availability') {
    from += ` LEFT JOIN "directory"."counselor_openings" x ON x."counselor_id" = c."id"`;
    soonest = `x."next_available_at"`;
  }
  return { from, where: where.join(' AND '), rank, minPrice, soonest, params };
}

export function orderBy(criteria: SearchCriteria, query: SearchQuery): string {
  const byRating = `c."rating" DESC, c."review_count" DESC`;
  const byRank = query.rank ? `${query.rank} DESC, ` : '';
  switch (criteria.sort) {
    case 'price':
      return `${query.minPrice} ASC NULLS LAST, ${byRating}, ${byRank}c."id" ASC`;
    case 'rating':
      return `${byRating}, ${byRank}c."id" ASC`;
    case 'availability':
      return `${query.soonest ?? 'NULL'} ASC NULLS LAST, ${byRank}${byRating}, c."created_at" ASC, c."id" ASC`;
    case 'relevance':
    default:
      // Without text, the best rated first; newer profiles after older ones on a tie.
      return `${byRank}${byRating}, c."created_at" ASC, c."id" ASC`;
  }
}
