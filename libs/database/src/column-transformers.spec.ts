import { describe, expect, it } from 'vitest';
import { bigintNumber, numericNumber } from './column-transformers';

describe('column transformers', () => {
  it('read bigint paise as numbers and refuse what a number cannot hold exactly', () => {
    expect(bigintNumber.from('150000')).toBe(150_000);
    expect(bigintNumber.from(0)).toBe(0);
    expect(bigintNumber.from(null)).toBeNull();
    expect(() => bigintNumber.from('9007199254740993')).toThrow('does not fit a safe integer');
    expect(bigintNumber.to(150_000)).toBe(150_000);
    expect(bigintNumber.to(null)).toBeNull();
  });

  it('read numeric as numbers', () => {
    expect(numericNumber.from('4.50')).toBe(4.5);
    expect(numericNumber.from(null)).toBeNull();
    expect(numericNumber.to(4.5)).toBe(4.5);
  });
});
