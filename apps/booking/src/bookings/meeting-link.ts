import { randomBytes } from 'node:crypto';

/** A meeting room nobody can guess: 128 random bits under `base` (MEETING_BASE_URL). */
export function newMeetingUrl(base: string): string {
  return `${base.replace(/\/+$/, '')}/haven-${randomBytes(16).toString('hex')}`;
}
