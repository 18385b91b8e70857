import {
  DIRECTORY_LIMITS as L,
  isLanguageCode,
  OFFERING_MODES,
  type OfferingMode,
  SEARCH_SORTS,
  type SearchCounselorsRequest,
  type SearchSort,
} from '@haven/contracts';
import { optionalInstant, pageOf, FieldErrors } from '@haven/common';

export interface SearchCriteria {
  q?: string;
  specialty?: string;
  language?: string;
  mode?: OfferingMode;
  maxPricePaise?: number;
  /** "Has a free slot starting in [from, to)". */
  availability?: { from: Date; to: Date };
  sort: SearchSort;
  page: number;
  limit: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Validates a search and fills in its defaults, naming every bad field. Without `availableFrom` the
 * window starts now; without `availableTo` it spans the longest window allowed.
 */
export function parseSearch(
  input: Partial<SearchCounselorsRequest> | undefined,
  knownSpecialties: ReadonlySet<string>,
  now: Date,
): SearchCriteria {
  const source = input ?? {};
  const errors = new FieldErrors();
  const { page, limit } = pageOf(source);
  const criteria: SearchCriteria = { sort: 'relevance', page, limit };

  if (source.q !== undefined && source.q !== null) {
    if (typeof source.q !== 'string') errors.add('q', 'must be a string');
    else if (source.q.trim().length > L.maxSearchTextLength) {
      errors.add('q', `must be at most ${L.maxSearchTextLength} characters`);
    } else if (source.q.trim()) criteria.q = source.q.trim();
  }
  if (source.specialty !== undefined) {
    if (typeof source.specialty !== 'string' || !knownSpecialties.has(source.specialty)) {
      errors.add('specialty', 'is not a known specialty (see GET /specialties)');
    } else criteria.specialty = source.specialty;
  }
  if (source.language !== undefined) {
    if (!isLanguageCode(source.language)) errors.add('language', 'must be an ISO 639-1 code in lowercase such as "en"');
    else criteria.language = source.language;
  }
  if (source.mode !== undefined) {
    if (!OFFERING_MODES.includes(source.mode)) errors.add('mode', `must be one of ${OFFERING_MODES.join(', ')}`);
    else criteria.mode = source.mode;
  }
  if (source.maxPricePaise !== undefined) {
    const raw: unknown = source.maxPricePaise;
    const value = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      errors.add('maxPricePaise', 'must be a whole number of paise ≥ 0');
    } else criteria.maxPricePaise = value;
  }
  if (source.sort !== undefined) {
    if (!(SEARCH_SORTS as readonly string[]).includes(source.sort)) {
      errors.add('sort', `must be one of ${SEARCH_SORTS.join(', ')}`);
    } else criteria.sort = source.sort;
  }

  const from = errors.collect(() => optionalInstant(source.availableFrom, 'availableFrom'));
  const to = errors.collect(() => optionalInstant(source.availableTo, 'availableTo'));
  if (errors.empty && (from || to)) {
    const start = from ?? now;
    const end = to ?? new Date(start.getTime() + L.maxAvailabilityRangeDays * DAY_MS);
    if (end <= start) {
      errors.add('availableTo', from ? 'must be after availableFrom' : 'must be in the future');
    } else if (end.getTime() - start.getTime() > L.maxAvailabilityRangeDays * DAY_MS) {
      errors.add('availableTo', `must be at most ${L.maxAvailabilityRangeDays} days after availableFrom`);
    } else criteria.availability = { from: start, to: end };
  }
  errors.throwIfAny();
  return criteria;
}
