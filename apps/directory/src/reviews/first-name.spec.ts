import { describe, expect, it } from 'vitest';
import { firstName } from './reviews.service';

describe('first name', () => {
  it('keeps only the first word of a name', () => {
    expect(firstName('  Priya  Sharma ')).toBe('Priya');
    expect(firstName('Madonna')).toBe('Madonna');
    expect(firstName('')).toBe('');
    expect(firstName(null)).toBe('');
  });
});
