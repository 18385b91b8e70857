import type { SearchQuery } from '../api/counselors';

export const OFFERING_MODES = ['video', 'audio', 'chat'] as const;
export const SORTS = ['relevance', 'price', 'rating', 'availability'] as const;

/** The search form: what a person types, in rupees and calendar days of their own zone. */
export interface SearchForm {
  q: string;
  specialty: string;
  language: string;
  mode: '' | (typeof OFFERING_MODES)[number];
  maxPrice: string;
  availableFrom: string;
  availableTo: string;
  sort: (typeof SORTS)[number];
}

export type SearchFormErrors = Partial<Record<keyof SearchForm, string>>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a search form, field by field (empty when it can be searched). Hand-written
 * rather than a schema library: the home page is the first page most people load, and this keeps
 * a validation library out of it.
 */
export function searchFormErrors(form: SearchForm): SearchFormErrors {
  const errors: SearchFormErrors = {};
  if (form.q.trim().length > 200) errors.q = 'At most 200 characters';
  const price = form.maxPrice.trim();
  if (price !== '') {
    if (!/^\d+$/.test(price))
      errors.maxPrice = /^\d*[.,]\d*$/.test(price) ? 'Whole rupees only' : 'Enter an amount in rupees';
  }
  for (const key of ['availableFrom', 'availableTo'] as const) {
    if (form[key] !== '' && !ISO_DAY.test(form[key])) errors[key] = 'Enter a date';
  }
  if (!errors.availableFrom && !errors.availableTo) {
    if (form.availableTo && !form.availableFrom) errors.availableFrom = 'Choose the first day too';
    else if (form.availableTo && form.availableTo < form.availableFrom)
      errors.availableTo = 'The last day must be on or after the first';
  }
  return errors;
}

const FORM_KEYS = ['q', 'specialty', 'language', 'mode', 'maxPrice', 'availableFrom', 'availableTo', 'sort'] as const;

/** The form as the URL holds it, so a search is a link that survives a reload. */
export function formFromParams(params: URLSearchParams): SearchForm {
  const value = (key: string) => params.get(key) ?? '';
  const sort = value('sort');
  const mode = value('mode');
  return {
    q: value('q'),
    specialty: value('specialty'),
    language: value('language'),
    mode: (OFFERING_MODES as readonly string[]).includes(mode) ? (mode as SearchForm['mode']) : '',
    maxPrice: value('maxPrice'),
    availableFrom: value('availableFrom'),
    availableTo: value('availableTo'),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SearchForm['sort']) : 'relevance',
  };
}

export function paramsFromForm(form: SearchForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FORM_KEYS) {
    const value = String(form[key] ?? '').trim();
    if (value && !(key === 'sort' && value === 'relevance')) params.set(key, value);
  }
  return params;
}

/** Start of a calendar day in the viewer's zone, as a UTC instant (the browser's zone is the viewer's). */
function startOfLocalDay(date: string, plusDays = 0): string {
  const start = new Date(`${date}T00:00:00`);
  start.setDate(start.getDate() + plusDays);
  return start.toISOString();
}

/** The API query for a form: rupees → paise, days → the instants bounding them. */
export function queryFromForm(form: SearchForm): SearchQuery {
  const query: SearchQuery = {};
  if (form.q?.trim()) query.q = form.q.trim();
  if (form.specialty) query.specialty = form.specialty;
  if (form.language) query.language = form.language;
  if (form.mode) query.mode = form.mode;
  if (form.maxPrice !== '' && form.maxPrice !== undefined && !Number.isNaN(Number(form.maxPrice))) {
    query.maxPricePaise = Math.round(Number(form.maxPrice) * 100);
  }
  if (form.availableFrom) {
    query.availableFrom = startOfLocalDay(form.availableFrom);
    query.availableTo = startOfLocalDay(form.availableTo || form.availableFrom, 1);
  }
  if (form.sort && form.sort !== 'relevance') query.sort = form.sort;
  return query;
}
