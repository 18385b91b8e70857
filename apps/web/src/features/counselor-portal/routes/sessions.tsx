import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryView } from '@/components/status';
import { formatDay, timeZoneLabel } from '@/lib/format';
import { usePageTitle } from '@/lib/page-title';
import { addDays } from '@/lib/zoned-time';
import { useAvailability } from '../api/availability';
import { useMyOfferings } from '../api/offerings';
import { useSessions } from '../api/sessions';
import { CalendarFeed } from '../components/calendar-feed';
import { SessionCard } from '../components/session-card';
import { sessionsByDay, weekOf } from '../utils/week';

const dayHeading = new Intl.DateTimeFormat('en-IN', {
  weekday: 'long',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** A week of the counselor's sessions, Monday to Sunday, in the zone of their hours. */
export function SessionsRoute() {
  usePageTitle('Your sessions');
  const availability = useAvailability();
  return (
    <section>
      <h1>Your sessions</h1>
      <QueryView query={availability}>{(data) => <WeekCalendar timeZone={data.timezone} />}</QueryView>
      <CalendarFeed />
    </section>
  );
}

function WeekCalendar({ timeZone }: { timeZone: string }) {
  const [params] = useSearchParams();
  const week = useMemo(() => weekOf(timeZone, params.get('week')), [timeZone, params]);
  const thisWeek = weekOf(timeZone).monday;
  const sessions = useSessions(week.from, week.to);
  const offerings = useMyOfferings();
  const byDay = useMemo(
    () => sessionsByDay(sessions.data?.items ?? [], week, timeZone),
    [sessions.data, week, timeZone],
  );
  const offeringOf = (id: string) => offerings.data?.find((offering) => offering.id === id);
  const label = `${formatDay(week.from, timeZone)} – ${formatDay(addDays(week.monday, 6) + 'T12:00:00Z', 'UTC')}`;
  const total = [...byDay.values()].reduce((count, day) => count + day.length, 0);

  return (
    <div aria-busy={sessions.isFetching}>
      <p className="zone-note">
        Times in <strong>{timeZoneLabel(timeZone, new Date(week.from))}</strong>, the zone of your hours
      </p>
      <nav className="week-nav" aria-label="Weeks">
        <Link className="button button-secondary button-small" to={`?week=${addDays(week.monday, -7)}`}>
          ← Previous week
        </Link>
        {week.monday !== thisWeek && (
          <Link className="button button-secondary button-small" to="?">
            This week
          </Link>
        )}
        <Link className="button button-secondary button-small" to={`?week=${addDays(week.monday, 7)}`}>
          Next week →
        </Link>
      </nav>
      <h2 aria-live="polite">
        Week of {label}
        <span className="visually-hidden">, {total === 1 ? '1 session' : `${total} sessions`}</span>
      </h2>
      <QueryView query={sessions} loading="Loading sessions…">
        {() => (
          <>
            {total === 0 && <p className="muted empty">No sessions this week.</p>}
            <ol className="week">
              {week.days.map((day) => {
                const daySessions = byDay.get(day) ?? [];
                return (
                  <li key={day} className={`week-day${daySessions.length === 0 ? ' week-day-empty' : ''}`}>
                    <h3 className="week-day-name">{dayHeading.format(new Date(`${day}T12:00:00Z`))}</h3>
                    {daySessions.length === 0 ? (
                      <p className="muted">Nothing booked</p>
                    ) : (
                      <ul className="stack">
                        {daySessions.map((session) => (
                          <li key={session.id}>
                            <SessionCard
                              session={session}
                              offering={offeringOf(session.offeringId)}
                              timeZone={timeZone}
                            />
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </QueryView>
    </div>
  );
}
