import { addDays, mondayOf, zonedDate, zonedToUtc } from '../../../lib/zoned-time';
import type { Session, SessionAction } from '../api/sessions';

export interface Week {
  /** The Monday, YYYY-MM-DD in the counselor's zone. */
  monday: string;
  days: string[];
  /** The instants the week starts and ends at in that zone (a week with a clock change is not 168 h). */
  from: string;
  to: string;
}

/** The Monday-to-Sunday week holding `date` (or today) in `timeZone`. */
export function weekOf(timeZone: string, date?: string | null, now = new Date()): Week {
  const valid = date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) ? date : null;
  const monday = mondayOf(valid ?? zonedDate(now, timeZone));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return {
    monday,
    days,
    from: zonedToUtc(monday, '00:00', timeZone).toISOString(),
    to: zonedToUtc(addDays(monday, 7), '00:00', timeZone).toISOString(),
  };
}

/** Sessions worth showing on the calendar (lapsed payment holds are not), by day in the zone, in time order. */
export function sessionsByDay(sessions: Session[], week: Week, timeZone: string): Map<string, Session[]> {
  const byDay = new Map<string, Session[]>(week.days.map((day) => [day, []]));
  const shown = sessions
    .filter((session) => session.status !== 'expired')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const session of shown) byDay.get(zonedDate(session.startsAt, timeZone))?.push(session);
  return byDay;
}

/**
 * What the counselor may do with a session now: cancel before it starts, mark a no-show once it has
 * started, mark it completed once it has ended. Only confirmed sessions take any of these.
 */
export function sessionActions(
  session: Pick<Session, 'status' | 'startsAt' | 'endsAt'>,
  now = Date.now(),
): SessionAction[] {
  if (session.status !== 'confirmed') return [];
  if (now < Date.parse(session.startsAt)) return ['cancel'];
  if (now < Date.parse(session.endsAt)) return ['no-show'];
  return ['complete', 'no-show'];
}
