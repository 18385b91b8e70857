import { describe, expect, it } from 'vitest';
import { parseRupees } from './rupees';

describe('amounts typed in rupees', () => {
  it('reads rupees into exact paise', () => {
    expect(['1,234.50', '1234.5', '0.05', '12', ' 7.1 '].map(parseRupees)).toEqual([123_450, 123_450, 5, 1_200, 710]);
    expect(['', '1.234', '-5', 'ten', '1e3'].map(parseRupees)).toEqual([null, null, null, null, null]);
  });
});
