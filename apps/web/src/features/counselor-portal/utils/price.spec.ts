import { describe, expect, it } from 'vitest';
import { paiseToRupeesText, priceProblem, rupeesToPaise } from './price';

describe('rupeesToPaise', () => {
  it('reads whole rupees, Indian grouping and paise', () => {
    expect(rupeesToPaise('500')).toBe(50_000);
    expect(rupeesToPaise('₹1,500')).toBe(1_50_000);
    expect(rupeesToPaise('49.5')).toBe(4_950);
    expect(rupeesToPaise('49.05')).toBe(4_905);
  });

  it('refuses what is not an amount', () => {
    expect(rupeesToPaise('')).toBeNull();
    expect(rupeesToPaise('-30')).toBeNull();
    expect(rupeesToPaise('30.001')).toBeNull();
    expect(rupeesToPaise('thirty')).toBeNull();
  });
});

describe('paiseToRupeesText', () => {
  it('round-trips what rupeesToPaise reads', () => {
    for (const paise of [3_000, 4_950, 4_905, 1_50_000]) expect(rupeesToPaise(paiseToRupeesText(paise))).toBe(paise);
  });
});

describe('priceProblem', () => {
  it('accepts free and paid prices from Rs 30', () => {
    expect(priceProblem(true, '')).toBeNull();
    expect(priceProblem(false, '30')).toBeNull();
  });

  it('says why a price is refused', () => {
    expect(priceProblem(false, '29.99')).toMatch(/start at ₹30/);
    expect(priceProblem(false, 'abc')).toMatch(/Enter an amount/);
    expect(priceProblem(false, '100001')).toMatch(/At most/);
  });
});
