import { z } from 'zod';
import type { SearchQuery } from '../api/counselors';

export const OFFERING_MODES = ['video', 'audio', 'chat'] as const;
export const SORTS = ['relevance', 'price', 'rating', 'availability'] as const;
export const LANGUAGES: Record<string, string> = {
  en: 'English',
  hi: 'Hindi',
  bn: 'Bengali',
  ta: 'Tamil',
  te: 'Telugu',
  mr: 'Marathi',
  kn: 'Kannada',
  ml: 'Malayalam',
  gu: 'Gujarati',
  pa: 'Punjabi',
  ur: 'Urdu',
  or: 'Odia',
};

const day = z.union([z.literal(''), z.iso.date({ message: 'Enter a date' })]);

/** The search form: what a person types, in rupees and calendar days of their own zone. */
export const searchFormSchema = z
  .object({
    q: z.string().trim().max(200, 'At most 200 characters'),
    specialty: z.string(),
    language: z.string(),
    mode: z.union([z.literal(''), z.enum(OFFERING_MODES)]),
    maxPrice: z.union([
      z.literal(''),
      z.coerce.number({ message: 'Enter an amount in rupees' }).int('Whole rupees only').min(0, 'At least ₹0'),
    ]),
    availableFrom: day,
    availableTo: day,
    sort: z.enum(SORTS),
  })
  .refine((form) => !form.availableTo || !form.availableFrom || form.availableTo >= form.availableFrom, {
    path: ['availableTo'],
    message: 'The last day must be on or after the first',
  })
  .refine((form) => !form.availableTo || Boolean(form.availableFrom), {
    path: ['availableFrom'],
    message: 'Choose the first day too',
  });

export type SearchForm = z.input<typeof searchFormSchema>;

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
