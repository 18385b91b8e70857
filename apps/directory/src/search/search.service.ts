import { type CounselorView, type Page, type SearchCounselorsRequest } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { CounselorEntity } from '../counselors/counselor.entity';
import { counselorView } from '../counselors/counselor.view';
import { PUBLIC_COUNSELOR, PUBLIC_COUNSELOR_SQL } from '../counselors/public-counselor';
import { OfferingEntity } from '../offerings/offering.entity';
import { SpecialtiesService } from '../specialties/specialties.service';
import { BookingAvailability, MAX_AVAILABILITY_LOOKUP } from './booking-availability';
import { parseSearch, type SearchCriteria } from './search-criteria';

/** Text search configuration: the same one builds `counselors.search_vector` (see the migration). */
const TS_CONFIG = `'english'::regconfig`;

interface Query {
  where: string;
  /** ts_rank of the text query; absent without one. */
  rank?: string;
  minPrice: string;
  params: unknown[];
}

/**
 * Public counselor search: PostgreSQL full-text search over name, specialties and bio (stored
 * tsvector, GIN index, ts_rank), filters on specialty, language and what an ACTIVE offering offers
 * (mode, price), sorting by relevance, cheapest matching offering, rating or soonest open slot.
 * Availability comes from the booking service; without it a search still answers, minus
 * `nextAvailableAt`, unless the caller asked for a free slot in a window (then 503).
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource('directory') private readonly dataSource: DataSource,
    private readonly specialties: SpecialtiesService,
    private readonly availability: BookingAvailability,
  ) {}

  async search(request: Partial<SearchCounselorsRequest> | undefined, now = new Date()): Promise<Page<CounselorView>> {
    const criteria = parseSearch(request, await this.specialties.slugs(), now);
    const query = buildQuery(criteria);
    const { page, limit } = criteria;
    const offset = (page - 1) * limit;

    if (criteria.availability || criteria.sort === 'availability') {
      // The booking service is asked about the best candidates in base order, a bounded number.
      const candidates = await this.ids(query, criteria, MAX_AVAILABILITY_LOOKUP, 0);
      if (criteria.availability) {
        const inWindow = await this.availability.nextAvailableAt(candidates, criteria.availability);
        if (!inWindow) {
          throw new DomainError(
            'unavailable',
            'availability_unavailable',
            'Searching by free slots is unavailable right now; try again without availableFrom/availableTo',
          );
        }
        let matching = candidates.filter((id) => inWindow[id]);
        if (criteria.sort === 'availability') matching = sortBySoonest(matching, inWindow);
        const pageIds = matching.slice(offset, offset + limit);
        const next = await this.availability.nextAvailableAt(pageIds);
        return { items: await this.views(pageIds, next), total: matching.length, page, limit };
      }
      const next = await this.availability.nextAvailableAt(candidates);
      const ordered = next ? sortBySoonest(candidates, next) : candidates;
      const pageIds = ordered.slice(offset, offset + limit);
      return { items: await this.views(pageIds, next), total: ordered.length, page, limit };
    }

    const [pageIds, total] = await Promise.all([this.ids(query, criteria, limit, offset), this.count(query)]);
    const next = await this.availability.nextAvailableAt(pageIds);
    return { items: await this.views(pageIds, next), total, page, limit };
  }

  private async ids(query: Query, criteria: SearchCriteria, limit: number, offset: number): Promise<string[]> {
    const params = [...query.params, limit, offset];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c."id"
       FROM "directory"."counselors" c
       WHERE ${query.where}
       ORDER BY ${orderBy(criteria, query)}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((row) => row.id);
  }

  private async count(query: Query): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS "total" FROM "directory"."counselors" c WHERE ${query.where}`,
      query.params,
    );
    return row.total;
  }

  /** Full views in the given order, each with its active offerings. */
  private async views(ids: string[], next: Record<string, string | null> | undefined): Promise<CounselorView[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const [counselors, offerings] = await Promise.all([
      manager.findBy(CounselorEntity, { id: In(ids), ...PUBLIC_COUNSELOR }),
      manager.find(OfferingEntity, {
        where: { counselorId: In(ids), active: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const byId = new Map(counselors.map((counselor) => [counselor.id, counselor]));
    return ids
      .filter((id) => byId.has(id))
      .map((id) =>
        counselorView(
          byId.get(id)!,
          offerings.filter((offering) => offering.counselorId === id),
          next === undefined ? undefined : (next[id] ?? null),
        ),
      );
  }
}

/** The WHERE clause (public counselors only, always) and the rank and price expressions of a search. */
export function buildQuery(criteria: SearchCriteria): Query {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [PUBLIC_COUNSELOR_SQL];
  let rank: string | undefined;
  if (criteria.q) {
    const tsquery = `websearch_to_tsquery(${TS_CONFIG}, ${param(criteria.q)})`;
    // A query of stop words only ("the") has no lexemes; it then filters nothing instead of everything.
    where.push(`(numnode(${tsquery}) = 0 OR c."search_vector" @@ ${tsquery})`);
    rank = `ts_rank(c."search_vector", ${tsquery})`;
  }
  if (criteria.specialty) where.push(`c."specialties" @> ARRAY[${param(criteria.specialty)}]::text[]`);
  if (criteria.language) where.push(`c."languages" @> ARRAY[${param(criteria.language)}]::text[]`);

  const offeringFilters = [`o."counselor_id" = c."id"`, `o."active"`];
  if (criteria.mode) offeringFilters.push(`o."mode" = ${param(criteria.mode)}`);
  if (criteria.maxPricePaise !== undefined) offeringFilters.push(`o."price_paise" <= ${param(criteria.maxPricePaise)}`);
  const offerings = `FROM "directory"."offerings" o WHERE ${offeringFilters.join(' AND ')}`;
  if (criteria.mode || criteria.maxPricePaise !== undefined) where.push(`EXISTS (SELECT 1 ${offerings})`);
  const minPrice = `(SELECT min(o."price_paise") ${offerings})`;
  return { where: where.join(' AND '), rank, minPrice, params };
}

export function orderBy(criteria: SearchCriteria, query: Query): string {
  const byRating = `c."rating" DESC, c."review_count" DESC`;
  const byRank = query.rank ? `${query.rank} DESC, ` : '';
  switch (criteria.sort) {
    case 'price':
      return `${query.minPrice} ASC NULLS LAST, ${byRating}, ${byRank}c."id" ASC`;
    case 'rating':
      return `${byRating}, ${byRank}c."id" ASC`;
    case 'relevance':
    case 'availability':
    default:
      // Without text, the best rated first; newer profiles after older ones on a tie.
      return `${byRank}${byRating}, c."created_at" ASC, c."id" ASC`;
  }
}

/** Soonest open slot first, those without one last; otherwise the incoming order (stable). */
export function sortBySoonest(ids: string[], next: Record<string, string | null>): string[] {
  const at = (id: string): number => (next[id] ? Date.parse(next[id]!) : Number.POSITIVE_INFINITY);
  return ids
    .map((id, index) => ({ id, index, at: at(id) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.id);
}
