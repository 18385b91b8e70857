import { describe, expect, it } from 'vitest';
import { firstName } from './first-name';

describe('first name', () => {
  it('keeps only the first word of a name', () => {
    expect(firstName('Asha Rao')).toBe('Asha');
    expect(firstName('  Priya  Sharma ')).toBe('Priya');
    expect(firstName('  Madonna ')).toBe('Madonna');
    expect(firstName('')).toBe('');
    expect(firstName(null)).toBe('');
  });
});
