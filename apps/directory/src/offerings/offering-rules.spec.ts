import { fieldsNamedBy } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { cleanNewOffering, cleanOfferingChanges, offeringCapProblem } from './offering-rules';

const VALID = { title: ' Intro chat ', mode: 'chat' as const, durationMinutes: 30, pricePaise: 0 };

describe('offering rules', () => {
  it('accepts a free offering and trims the title', () => {
    expect(cleanNewOffering(VALID)).toEqual({ ...VALID, title: 'Intro chat' });
  });

  it('prices are 0 or at least Rs 1, in whole paise', () => {
    expect(cleanNewOffering({ ...VALID, pricePaise: 100 }).pricePaise).toBe(100);
    expect(cleanNewOffering({ ...VALID, pricePaise: 3000 }).pricePaise).toBe(3000);
    for (const pricePaise of [1, 99, -100, 150.5]) {
      expect(fieldsNamedBy(() => cleanNewOffering({ ...VALID, pricePaise }))).toEqual(['pricePaise']);
    }
  });

  it('sessions last 15 to 120 minutes', () => {
    expect(cleanNewOffering({ ...VALID, durationMinutes: 15 }).durationMinutes).toBe(15);
    expect(cleanNewOffering({ ...VALID, durationMinutes: 120 }).durationMinutes).toBe(120);
    for (const durationMinutes of [14, 121, 45.5]) {
      expect(fieldsNamedBy(() => cleanNewOffering({ ...VALID, durationMinutes }))).toEqual(['durationMinutes']);
    }
  });

  it('names every missing or bad field at once', () => {
    expect(fieldsNamedBy(() => cleanNewOffering({ mode: 'carrier-pigeon' as never }))).toEqual([
      'title',
      'mode',
      'durationMinutes',
      'pricePaise',
    ]);
  });

  it('updates only title, price and active', () => {
    expect(cleanOfferingChanges({ id: 'x', active: false })).toEqual({ active: false });
    expect(cleanOfferingChanges({ id: 'x', pricePaise: 0, title: 'Free' })).toEqual({ pricePaise: 0, title: 'Free' });
    expect(fieldsNamedBy(() => cleanOfferingChanges({ id: 'x', pricePaise: 50 }))).toEqual(['pricePaise']);
    expect(fieldsNamedBy(() => cleanOfferingChanges({ id: 'x', active: 'no' as never }))).toEqual(['active']);
  });
});

describe('offering caps', () => {
  it('a counselor may have at most 20 offerings on offer and 50 in all', () => {
    expect(offeringCapProblem({ active: 19, total: 49 }, 'new')).toBeUndefined();
    expect(offeringCapProblem({ active: 20, total: 20 }, 'new')).toMatch(/at most 20 active offerings/);
    expect(offeringCapProblem({ active: 3, total: 50 }, 'new')).toMatch(/at most 50 offerings/);
    // Putting an inactive one back on offer does not add to the total.
    expect(offeringCapProblem({ active: 3, total: 50 }, 'reactivated')).toBeUndefined();
    expect(offeringCapProblem({ active: 20, total: 30 }, 'reactivated')).toMatch(/deactivate one first/);
  });
});
