import {
  type CounselorSearchPage,
  type CounselorView,
  OPENINGS_HORIZON_DAYS,
  type SearchCounselorsRequest,
} from '@haven/contracts';
import { DomainError } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient } from 'pg';
import { type DataSource, In } from 'typeorm';
import { CounselorEntity } from '../counselors/counselor.entity';
import { counselorView } from '../counselors/counselor.view';
import { PUBLIC_COUNSELOR } from '../counselors/public-counselor';
import { OfferingEntity } from '../offerings/offering.entity';
import { SpecialtiesService } from '../specialties/specialties.service';
import { BookingAvailability, MAX_AVAILABILITY_LOOKUP } from './booking-availability';
import { parseSearch, type SearchCriteria } from './search-criteria';
import {
  buildQuery,
  type SearchStatement,
  orderBy,
  searchPage,
  type SearchQuery,
  type SearchRow,
  textQuery,
  TSQUERY_SQL,
} from './search-query';
import { sortBySoonest } from './search-order';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Text queries remembered with their tsquery (people type the same prefixes). */
const TSQUERY_CACHE_SIZE = 2000;

/**
 * Public counselor search, one SQL query over every match whatever the filters: PostgreSQL
 * full-text search over name, specialties and bio (stored tsvector, GIN index, ts_rank, the last
 * word matched as a prefix), filters on specialty, language and what an ACTIVE offering offers
 * (mode, price), and free slots from each counselor's openings, which the booking service keeps
 * current through `counselor.openings-changed` (see `OpeningsRefresher` there). Sorted by
 * relevance, cheapest matching offering, rating or soonest open slot. Only a window beyond the
 * openings' horizon is asked from the booking service, counselor by counselor.
 */
@Injectable()
export class SearchService {
  private readonly tsqueries = new Map<string, string | null>();

  constructor(
    @InjectDataSource('directory') private readonly dataSource: DataSource,
    private readonly specialties: SpecialtiesService,
    private readonly availability: BookingAvailability,
  ) {}

  async search(request: Partial<SearchCounselorsRequest> | undefined, now = new Date()): Promise<CounselorSearchPage> {
    const criteria = parseSearch(request, await this.specialties.slugs(), now);
    const { page, limit } = criteria;
    const tsquery = criteria.q ? ((await this.tsquery(criteria.q)) ?? undefined) : undefined;

    if (
      criteria.availability &&
      criteria.availability.to.getTime() > now.getTime() + (OPENINGS_HORIZON_DAYS - 1) * DAY_MS
    ) {
      return this.searchBeyondHorizon(criteria, tsquery, criteria.availability);
    }
    const { rows, total, totalExact } = await searchPage(criteria, tsquery, (statement) => this.run(statement));
    return { items: rows.map(searchResultView), total, totalExact, page, limit };
  }

  /** Runs a search statement on the directory’s pool (see `SearchStatement` for which are planned once). */
  private async run<T>(statement: SearchStatement): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query(statement)).rows as T[];
    } finally {
      await runner.release();
    }
  }

  /** The tsquery of a text search, or null when it has no searchable words (stop words only). */
  private async tsquery(q: string): Promise<string | null> {
    const cached = this.tsqueries.get(q);
    if (cached !== undefined) return cached;
    const { words, prefix } = textQuery(q);
    const [row] = await this.dataSource.query(TSQUERY_SQL, [words, prefix ?? null]);
    if (this.tsqueries.size >= TSQUERY_CACHE_SIZE) this.tsqueries.delete(this.tsqueries.keys().next().value!);
    this.tsqueries.set(q, row.query);
    return row.query;
  }

  /**
   * A window further ahead than openings are kept: every match in base order, asked from the
   * booking service a bounded number at a time.
   */
  private async searchBeyondHorizon(
    criteria: SearchCriteria,
    tsquery: string | undefined,
    window: { from: Date; to: Date },
  ): Promise<CounselorSearchPage> {
    const { page, limit } = criteria;
    const candidates = await this.ids(buildQuery({ ...criteria, availability: undefined }, tsquery), criteria, null, 0);
    const inWindow: Record<string, string | null> = {};
    for (let start = 0; start < candidates.length; start += MAX_AVAILABILITY_LOOKUP) {
      const answer = await this.availability.nextAvailableAt(
        candidates.slice(start, start + MAX_AVAILABILITY_LOOKUP),
        window,
      );
      if (!answer) {
        throw DomainError.unavailable(
          'availability_unavailable',
          'Searching by free slots this far ahead is unavailable right now; try again without availableFrom/availableTo',
        );
      }
      Object.assign(inWindow, answer);
    }
    let matching = candidates.filter((id) => inWindow[id]);
    if (criteria.sort === 'availability') matching = sortBySoonest(matching, inWindow);
    const offset = (page - 1) * limit;
    return {
      items: await this.views(matching.slice(offset, offset + limit)),
      total: matching.length,
      totalExact: true,
      page,
      limit,
    };
  }

  private async ids(
    query: SearchQuery,
    criteria: SearchCriteria,
    limit: number | null,
    offset: number,
  ): Promise<string[]> {
    const params = [...query.params, limit, offset];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c."id" FROM ${query.from}
       WHERE ${query.where}
       ORDER BY ${orderBy(criteria, query)}
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((row) => row.id);
  }

  /** Full views in the given order, each with its active offerings and next open slot. */
  private async views(ids: string[]): Promise<CounselorView[]> {
    if (ids.length === 0) return [];
    const manager = this.dataSource.manager;
    const [counselors, offerings, openings] = await Promise.all([
      manager.findBy(CounselorEntity, { id: In(ids), ...PUBLIC_COUNSELOR }),
      manager.find(OfferingEntity, {
        where: { counselorId: In(ids), active: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      manager.query(
        `SELECT "counselor_id" AS "id", "next_available_at" AS "next" FROM "directory"."counselor_openings"
         WHERE "counselor_id" = ANY($1::uuid[])`,
        [ids],
      ) as Promise<{ id: string; next: Date | null }[]>,
    ]);
    const byId = new Map(counselors.map((counselor) => [counselor.id, counselor]));
    const next = new Map(openings.map((row) => [row.id, row.next?.toISOString() ?? null]));
    return ids
      .filter((id) => byId.has(id))
      .map((id) =>
        counselorView(
          byId.get(id)!,
          offerings.filter((offering) => offering.counselorId === id),
          next.get(id) ?? null,
        ),
      );
  }
}

/** A row of `pageStatement` as the public sees it. */
function searchResultView(row: SearchRow): CounselorView {
  const counselor = Object.assign(new CounselorEntity(), {
    id: row.id,
    displayName: row.display_name,
    bio: row.bio,
    languages: row.languages,
    specialties: row.specialties,
    yearsExperience: row.years_experience,
    qualifications: row.qualifications,
    registrationBody: row.registration_body,
    status: row.status,
    rating: Number(row.rating),
    reviewCount: row.review_count,
    gender: row.gender,
    photoUrl: row.photo_url,
  });
  const offerings = row.offerings.map((offering) =>
    Object.assign(new OfferingEntity(), {
      id: offering.id,
      counselorId: counselor.id,
      title: offering.title,
      mode: offering.mode,
      durationMinutes: offering.duration_minutes,
      pricePaise: Number(offering.price_paise),
      active: true,
    }),
  );
  return counselorView(counselor, offerings, row.next_available_at?.toISOString() ?? null);
}
