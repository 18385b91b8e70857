import { describe, expect, it } from 'vitest';
import { type SearchForm, searchFormErrors } from './search-params';

const empty: SearchForm = {
  q: '',
  specialty: '',
  language: '',
  mode: '',
  maxPrice: '',
  availableFrom: '',
  availableTo: '',
  sort: 'relevance',
};

describe('searchFormErrors', () => {
  it('accepts an empty search and a complete one', () => {
    expect(searchFormErrors(empty)).toEqual({});
    expect(
      searchFormErrors({
        ...empty,
        q: 'exam stress',
        maxPrice: '500',
        availableFrom: '2026-12-10',
        availableTo: '2026-12-12',
      }),
    ).toEqual({});
  });

  it('names the field that is wrong', () => {
    expect(searchFormErrors({ ...empty, maxPrice: '49.50' })).toEqual({ maxPrice: 'Whole rupees only' });
    expect(searchFormErrors({ ...empty, maxPrice: 'cheap' })).toEqual({ maxPrice: 'Enter an amount in rupees' });
    expect(searchFormErrors({ ...empty, q: 'x'.repeat(201) })).toEqual({ q: 'At most 200 characters' });
    expect(searchFormErrors({ ...empty, availableFrom: 'tomorrow' })).toEqual({ availableFrom: 'Enter a date' });
  });

  it('wants the date range in order and complete', () => {
    expect(searchFormErrors({ ...empty, availableTo: '2026-12-12' })).toEqual({
      availableFrom: 'Choose the first day too',
    });
    expect(searchFormErrors({ ...empty, availableFrom: '2026-12-12', availableTo: '2026-12-10' })).toEqual({
      availableTo: 'The last day must be on or after the first',
    });
  });
});
