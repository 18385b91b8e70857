import { type CounselorStatus, type OfferingMode, SEARCH_COUNTED_AHEAD } from '@haven/contracts';
import { createHash } from 'node:crypto';
import { PUBLIC_COUNSELOR_SQL } from '../counselors/public-counselor';
import type { SearchCriteria } from './search-criteria';

/** Text search configuration: the same one builds `counselors.search_vector` (see the migration). */
export const TS_CONFIG = `'english'::regconfig`;

/** Each mode's cheapest active offering, kept on the counselor row (see OfferingPricesOnCounselors). */
const MIN_PRICE_COLUMN: Record<OfferingMode, string> = {
  chat: 'min_chat_paise',
  audio: 'min_audio_paise',
  video: 'min_video_paise',
};

export interface SearchQuery {
  /** FROM and JOINs: counselors `c`, with their openings `x` when a window is asked. */
  from: string;
  where: string;
  /** ts_rank of the text query; absent without one. */
  rank?: string;
  /** Cheapest active offering that matches the mode and price asked for. */
  minPrice: string;
  /** First open start in the window, or at all (kept on the counselor, see NextAvailableOnCounselors), for the availability sort. */
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

  // The cheapest active offering of the mode asked (of any mode without one); with a price cap it
  // is the cheapest matching offering too, since the cap only keeps counselors whose cheapest fits.
  const minPrice = `c."${criteria.mode ? MIN_PRICE_COLUMN[criteria.mode] : 'min_price_paise'}"`;
  if (criteria.maxPricePaise !== undefined) where.push(`${minPrice} <= ${param(criteria.maxPricePaise)}`);
  else if (criteria.mode) where.push(`${minPrice} IS NOT NULL`);

  let soonest: string | undefined;
  if (criteria.availability) {
    const window = `tstzrange(${param(criteria.availability.from)}::timestamptz, ${param(criteria.availability.to)}::timestamptz, '[)')`;
    from += ` JOIN "directory"."counselor_openings" x ON x."counselor_id" = c."id" AND x."open_starts" && ${window}`;
    soonest = `lower(x."open_starts" * tstzmultirange(${window}))`;
  } else if (criteria.sort === 'availability') {
    soonest = `c."next_available_at"`;
  }
  return { from, where: where.join(' AND '), rank, minPrice, soonest, params };
}

/** One ORDER BY term: an expression and its direction. */
interface SortKey {
  expression: string;
  direction: 'ASC' | 'DESC' | 'ASC NULLS LAST';
}

function sortKeys(criteria: SearchCriteria, query: SearchQuery): SortKey[] {
  const key = (expression: string, direction: SortKey['direction'] = 'ASC'): SortKey => ({ expression, direction });
  const byRating = [key(`c."rating"`, 'DESC'), key(`c."review_count"`, 'DESC')];
  const byRank = query.rank ? [key(query.rank, 'DESC')] : [];
  switch (criteria.sort) {
    case 'price':
      return [key(query.minPrice, 'ASC NULLS LAST'), ...byRating, ...byRank, key(`c."id"`)];
    case 'rating':
      return [...byRating, ...byRank, key(`c."id"`)];
    case 'availability':
      return [
        key(query.soonest ?? 'NULL', 'ASC NULLS LAST'),
        ...byRank,
        ...byRating,
        key(`c."created_at"`),
        key(`c."id"`),
      ];
    case 'relevance':
    default:
      // Without text, the best rated first; newer profiles after older ones on a tie.
      return [...byRank, ...byRating, key(`c."created_at"`), key(`c."id"`)];
  }
}

export function orderBy(criteria: SearchCriteria, query: SearchQuery): string {
  return sortKeys(criteria, query)
    .map((key) => `${key.expression} ${key.direction}`)
    .join(', ');
}

/**
 * A search's statement. With text or a free-slot window it is named, so each database connection
 * parses and plans it once: the generic plan (for text, from the text index) serves any words or
 * window; planned per value, a window over every counselor took about 3× the latency
 * (bench/http/RESULTS.md). Otherwise it is planned for its values each
 * time, since the best plan depends on them (how many counselors have the specialty or fit the
 * price, how far ahead the count goes): a generic plan there costs two to three times the CPU.
 */
export interface SearchStatement {
  name?: string;
  text: string;
  values: unknown[];
}

/** Columns of a counselor a search result shows (see `counselorView`). */
const VIEW_COLUMNS = [
  'id',
  'display_name',
  'bio',
  'languages',
  'specialties',
  'years_experience',
  'qualifications',
  'registration_body',
  'status',
  'rating',
  'review_count',
  'gender',
  'photo_url',
];

/** A row of `pageStatement`: the profile's columns, its active offerings and next open slot, and the total. */
export interface SearchRow {
  id: string;
  display_name: string;
  bio: string;
  languages: string[];
  specialties: string[];
  years_experience: number;
  qualifications: string[];
  registration_body: string;
  status: CounselorStatus;
  /** numeric: a string from the driver. */
  rating: string;
  review_count: number;
  gender: string | null;
  photo_url: string | null;
  offerings: { id: string; title: string; mode: OfferingMode; duration_minutes: number; price_paise: number }[];
  next_available_at: Date | null;
  /** The matches, counted up to `SEARCH_COUNTED_AHEAD` + 1 past the page's start. */
  total: number;
}

/**
 * One statement for a page of results: the profiles with their active offerings (in creation
 * order) and next open slot, each row carrying the number of matches. When the order needs every
 * match anyway (ranked by text, or by the soonest slot in a window) they are all counted in that
 * pass. Otherwise they are counted only when the page does not tell (a first page that is not full
 * holds them all), by a scan the planner can serve from an index, and only up to
 * `SEARCH_COUNTED_AHEAD` past the page's start.
 */
export function pageStatement(criteria: SearchCriteria, tsquery?: string): SearchStatement {
  const query = buildQuery(criteria, tsquery);
  const keys = sortKeys(criteria, query);
  const countsInPass =
    criteria.sort === 'availability' ? !!criteria.availability : criteria.sort === 'relevance' && !!query.rank;
  const offsetValue = (criteria.page - 1) * criteria.limit;
  const values = [...query.params, criteria.limit, offsetValue];
  const [limit, offset] = [`$${values.length - 1}`, `$${values.length}`];
  const ordered = keys.map((key, index) => `"k${index}" ${key.direction}`).join(', ');
  let total = `p."matches"`;
  if (!countsInPass) {
    values.push(offsetValue + SEARCH_COUNTED_AHEAD + 1);
    total = `CASE WHEN ${offset}::bigint = 0 AND count(*) OVER () < ${limit}::bigint THEN count(*) OVER ()
       ELSE (SELECT count(*) FROM (SELECT FROM ${query.from} WHERE ${query.where} LIMIT $${values.length}::bigint) m) END`;
  }
  // The matches are ranked on their ids and sort keys only; the page's profiles are read after.
  const text = `SELECT ${VIEW_COLUMNS.map((column) => `c."${column}"`).join(', ')},
    (SELECT coalesce(json_agg(json_build_object('id', o."id", 'title', o."title", 'mode', o."mode",
              'duration_minutes', o."duration_minutes", 'price_paise', o."price_paise") ORDER BY o."created_at", o."id"), '[]')
     FROM "directory"."offerings" o WHERE o."counselor_id" = p."id" AND o."active") AS "offerings",
    c."next_available_at",
    (${total})::int AS "total"
  FROM (
    SELECT c."id", ${keys.map((key, index) => `${key.expression} AS "k${index}"`).join(', ')}
      ${countsInPass ? `, count(*) OVER () AS "matches"` : ''}
    FROM ${query.from} WHERE ${query.where}
    ORDER BY ${ordered} LIMIT ${limit} OFFSET ${offset}
  ) p
  JOIN "directory"."counselors" c ON c."id" = p."id"
  ORDER BY ${ordered}`;
  return { name: statementName(text, tsquery, criteria), text, values };
}

/** Counts the matches (up to `SEARCH_COUNTED_AHEAD` + 1 past the page's start) for a page past the last one. */
export function countStatement(criteria: SearchCriteria, tsquery?: string): SearchStatement {
  const query = buildQuery(criteria, tsquery);
  const values = [...query.params, (criteria.page - 1) * criteria.limit + SEARCH_COUNTED_AHEAD + 1];
  const text = `SELECT count(*)::int AS "total"
    FROM (SELECT FROM ${query.from} WHERE ${query.where} LIMIT $${values.length}::bigint) m`;
  return { name: statementName(text, tsquery, criteria), text, values };
}

function statementName(text: string, tsquery: string | undefined, criteria: SearchCriteria): string | undefined {
  return tsquery || criteria.availability
    ? `search_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
    : undefined;
}

/** Runs a search statement and returns its rows (the directory's pool in the service, a bare pool in the bench). */
export type RunStatement = <T>(statement: SearchStatement) => Promise<T[]>;

/**
 * Every statement a page of results takes: one, and a count only for a page past the last one.
 * `total` is exact up to `SEARCH_COUNTED_AHEAD` matches past the page's start, a lower bound beyond.
 */
export async function searchPage(
  criteria: SearchCriteria,
  tsquery: string | undefined,
  run: RunStatement,
): Promise<{ rows: SearchRow[]; total: number; totalExact: boolean }> {
  const rows = await run<SearchRow>(pageStatement(criteria, tsquery));
  const offset = (criteria.page - 1) * criteria.limit;
  const counted =
    rows.length > 0
      ? rows[0].total
      : offset === 0
        ? 0
        : (await run<{ total: number }>(countStatement(criteria, tsquery)))[0].total;
  const cap = offset + SEARCH_COUNTED_AHEAD;
  return { rows, total: Math.min(counted, cap), totalExact: counted <= cap };
}
