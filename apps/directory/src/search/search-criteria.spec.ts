import { fieldsNamedBy } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { parseSearch } from './search-criteria';
import { buildQuery, countStatement, orderBy, pageStatement, textQuery } from './search-query';
import { sortBySoonest } from './search-order';

const KNOWN = new Set(['anxiety', 'grief']);
const NOW = new Date('2026-11-28T10:00:00Z');

describe('search criteria', () => {
  it('defaults to relevance, first page of 20, no availability window', () => {
    expect(parseSearch({}, KNOWN, NOW)).toEqual({ sort: 'relevance', page: 1, limit: 20 });
  });

  it('keeps trimmed text and known filters', () => {
    expect(
      parseSearch(
        { q: '  anxiety at work ', specialty: 'grief', language: 'hi', mode: 'video', maxPricePaise: 0, sort: 'price' },
        KNOWN,
        NOW,
      ),
    ).toMatchObject({ q: 'anxiety at work', specialty: 'grief', language: 'hi', mode: 'video', maxPricePaise: 0 });
  });

  it('names each bad filter', () => {
    expect(
      fieldsNamedBy(() =>
        parseSearch(
          { specialty: 'astrology', language: 'EN', mode: 'fax' as never, maxPricePaise: -1, sort: 'name' as never },
          KNOWN,
          NOW,
        ),
      ),
    ).toEqual(['specialty', 'language', 'mode', 'maxPricePaise', 'sort']);
    expect(fieldsNamedBy(() => parseSearch({ limit: 101 }, KNOWN, NOW))).toEqual(['limit']);
  });

  it('takes an availability window of ISO instants, at most 31 days, start before end', () => {
    const criteria = parseSearch(
      { availableFrom: '2026-12-01T04:30:00Z', availableTo: '2026-12-02T10:00:00+05:30' },
      KNOWN,
      NOW,
    );
    expect(criteria.availability).toEqual({
      from: new Date('2026-12-01T04:30:00Z'),
      to: new Date('2026-12-02T04:30:00Z'),
    });
    expect(fieldsNamedBy(() => parseSearch({ availableFrom: 'tomorrow' }, KNOWN, NOW))).toEqual(['availableFrom']);
    expect(fieldsNamedBy(() => parseSearch({ availableTo: '2026-02-30T00:00:00Z' }, KNOWN, NOW))).toEqual([
      'availableTo',
    ]);
    expect(
      fieldsNamedBy(() =>
        parseSearch({ availableFrom: '2026-12-02T00:00:00Z', availableTo: '2026-12-01T00:00:00Z' }, KNOWN, NOW),
      ),
    ).toEqual(['availableTo']);
    expect(
      fieldsNamedBy(() =>
        parseSearch({ availableFrom: '2026-12-01T00:00:00Z', availableTo: '2027-01-02T00:00:00Z' }, KNOWN, NOW),
      ),
    ).toEqual(['availableTo']);
  });

  it('opens a window at now, or closes it 31 days after its start, when one end is missing', () => {
    expect(parseSearch({ availableTo: '2026-11-29T00:00:00Z' }, KNOWN, NOW).availability).toEqual({
      from: NOW,
      to: new Date('2026-11-29T00:00:00Z'),
    });
    expect(parseSearch({ availableFrom: '2026-12-01T00:00:00Z' }, KNOWN, NOW).availability).toEqual({
      from: new Date('2026-12-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
    });
    expect(fieldsNamedBy(() => parseSearch({ availableTo: '2026-11-01T00:00:00Z' }, KNOWN, NOW))).toEqual([
      'availableTo',
    ]);
  });
});

describe('search query', () => {
  it('always limits to active counselors and binds every value as a parameter', () => {
    const tsquery = `'o''brien' & 'drop':*`;
    const query = buildQuery(
      { q: "o'brien; DROP", specialty: 'grief', mode: 'chat', maxPricePaise: 500, sort: 'price', page: 1, limit: 20 },
      tsquery,
    );
    expect(query.where).toContain(`c."status" = 'active' AND c."account_active"`);
    expect(query.where).not.toContain('brien');
    expect(query.params).toEqual([tsquery, 'grief', 500]);
    expect(query.where).toContain('c."min_chat_paise" <= $3');
  });

  it('joins the openings only for a window; the availability sort alone reads the counselor’s next opening', () => {
    const base = { sort: 'relevance' as const, page: 1, limit: 20 };
    expect(buildQuery(base).from).not.toContain('counselor_openings');
    const bySoonest = buildQuery({ ...base, sort: 'availability' });
    expect(bySoonest.from).not.toContain('counselor_openings');
    expect(bySoonest.soonest).toBe('c."next_available_at"');
    const window = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z') };
    const windowed = buildQuery({ ...base, availability: window });
    expect(windowed.from).toMatch(
      / JOIN "directory"."counselor_openings" x ON .* && tstzrange\(\$1::timestamptz, \$2::timestamptz/,
    );
    expect(windowed.params).toEqual([window.from, window.to]);
  });

  it('names (plans once) only the statements of a text or free-slot search; the others are planned for their values', () => {
    const base = { sort: 'relevance' as const, page: 1, limit: 20 };
    const window = { from: new Date('2026-12-05T00:00:00Z'), to: new Date('2026-12-07T00:00:00Z') };
    expect(pageStatement({ ...base, q: 'grief' }, `'grief'`).name).toMatch(/^search_/);
    expect(countStatement({ ...base, q: 'grief', page: 9 }, `'grief'`).name).toMatch(/^search_/);
    expect(pageStatement({ ...base, availability: window }).name).toMatch(/^search_/);
    expect(pageStatement({ ...base, specialty: 'grief' }).name).toBeUndefined();
    expect(countStatement({ ...base, specialty: 'grief', page: 9 }).name).toBeUndefined();
  });

  it('requires an active offering of the mode only when mode or price is asked for', () => {
    expect(buildQuery({ sort: 'relevance', page: 1, limit: 20 }).where).not.toContain('_paise');
    expect(buildQuery({ mode: 'audio', sort: 'relevance', page: 1, limit: 20 }).where).toContain(
      'c."min_audio_paise" IS NOT NULL',
    );
  });
});

describe('search order', () => {
  it('orders by expressions only, never by a bare number (which SQL reads as a column position)', () => {
    for (const sort of ['relevance', 'price', 'rating', 'availability'] as const) {
      for (const q of [undefined, 'grief']) {
        const criteria = { q, sort, page: 1, limit: 20 };
        const order = orderBy(criteria, buildQuery(criteria, q && `'grief'`));
        expect(order.split(',').map((part) => part.trim().split(' ')[0])).not.toContainEqual(
          expect.stringMatching(/^\d+$/),
        );
        expect(order).toMatch(/c\."id" ASC$/);
        expect(order.includes('ts_rank')).toBe(q !== undefined);
      }
    }
  });
});

describe('text as a person types', () => {
  it('matches the last plain word as a prefix', () => {
    expect(textQuery('anx')).toEqual({ words: '', prefix: 'anx' });
    expect(textQuery('grief coun')).toEqual({ words: 'grief', prefix: 'coun' });
    expect(textQuery('चिंता')).toEqual({ words: '', prefix: 'चिंता' });
  });

  it('leaves quotes, negations, operators and punctuation to the web search syntax', () => {
    expect(textQuery('"grief at work"')).toEqual({ words: '"grief at work"' });
    expect(textQuery('"grief at')).toEqual({ words: '"grief at' });
    expect(textQuery('anxiety -work')).toEqual({ words: 'anxiety -work' });
    expect(textQuery('anxiety or')).toEqual({ words: 'anxiety or' });
    expect(textQuery("o'brien")).toEqual({ words: "o'brien" });
  });
});

describe('sorting by availability', () => {
  it('puts the soonest first and those without a slot last, stable otherwise', () => {
    const next = { a: null, b: '2026-12-02T00:00:00Z', c: '2026-12-01T00:00:00Z', d: null, e: '2026-12-01T00:00:00Z' };
    expect(sortBySoonest(['a', 'b', 'c', 'd', 'e'], next)).toEqual(['c', 'e', 'b', 'a', 'd']);
  });
});
