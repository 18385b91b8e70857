import { describe, expect, it } from 'vitest';
import { nextPath } from './next-path';

describe('nextPath', () => {
  it('returns to the page that asked for sign-in', () => {
    expect(nextPath(new URLSearchParams('next=/counselors/abc'))).toBe('/counselors/abc');
  });

  it('never leaves the app', () => {
    expect(nextPath(new URLSearchParams('next=https://evil.example'))).toBe('/');
    expect(nextPath(new URLSearchParams('next=//evil.example'))).toBe('/');
    expect(nextPath(new URLSearchParams())).toBe('/');
  });
});
