import type { CounselorView } from '@haven/contracts';

/**
 * Until when a public profile read at `now` may be served again without asking: at most
 * `maxAgeMs`, never once the next opening it shows has begun (time alone makes it wrong then), and
 * not at all when it shows none because the booking service could not be asked (the next read
 * asks again rather than spreading the gap).
 */
export function profileFreshUntil(
  profile: Pick<CounselorView, 'nextAvailableAt'>,
  now: number,
  maxAgeMs: number,
): number {
  const latest = now + maxAgeMs;
  if (profile.nextAvailableAt === null) return latest;
  if (profile.nextAvailableAt === undefined) return now;
  const opensAt = Date.parse(profile.nextAvailableAt);
  return Number.isNaN(opensAt) ? now : Math.min(latest, opensAt);
}
