import { describe, expect, it } from 'vitest';
import { profileFreshUntil } from './counselor-profile-freshness';

const NOW = Date.parse('2026-12-04T10:00:00.000Z');
const MAX_AGE_MS = 60_000;

describe('profileFreshUntil', () => {
  it('keeps a profile with no opening at all for the full max age', () => {
    expect(profileFreshUntil({ nextAvailableAt: null }, NOW, MAX_AGE_MS)).toBe(NOW + MAX_AGE_MS);
  });

  it('keeps a profile whose next opening is further off than the max age for the max age', () => {
    expect(profileFreshUntil({ nextAvailableAt: '2026-12-04T11:00:00.000Z' }, NOW, MAX_AGE_MS)).toBe(NOW + MAX_AGE_MS);
  });

  it('stops at the next opening when it begins within the max age', () => {
    expect(profileFreshUntil({ nextAvailableAt: '2026-12-04T10:00:20.000Z' }, NOW, MAX_AGE_MS)).toBe(NOW + 20_000);
  });

  it('does not keep a profile whose next opening has already begun', () => {
    expect(profileFreshUntil({ nextAvailableAt: '2026-12-04T09:59:00.000Z' }, NOW, MAX_AGE_MS)).toBeLessThanOrEqual(
      NOW,
    );
    expect(profileFreshUntil({ nextAvailableAt: '2026-12-04T10:00:00.000Z' }, NOW, MAX_AGE_MS)).toBe(NOW);
  });

  it('does not keep a profile without next availability (booking could not be asked) or with an unreadable one', () => {
    expect(profileFreshUntil({}, NOW, MAX_AGE_MS)).toBe(NOW);
    expect(profileFreshUntil({ nextAvailableAt: 'soon' }, NOW, MAX_AGE_MS)).toBe(NOW);
  });
});
