import { type ReactNode, useMemo, useState } from 'react';
import { Empty, QueryView } from '@/components/status';
import { dayKey, formatDay, formatTime, timeZoneLabel } from '@/lib/format';
import { type Offering, useSlots } from '@/lib/api/counselors';

const WINDOW_DAYS = 14;

interface Props {
  counselorId: string;
  offering: Offering;
  timeZone: string;
  /** What to do with the chosen start (book it, move a booking to it); null until one is chosen. */
  action: (chosen: string | null) => ReactNode;
}

/** Open slots of one offering for the next two weeks, grouped by day in the viewer's zone. */
export function SlotPicker({ counselorId, offering, timeZone, action }: Props) {
  const [window] = useState(() => {
    const from = new Date();
    const to = new Date(from.getTime() + WINDOW_DAYS * 24 * 60 * 60_000);
    return { from: from.toISOString(), to: to.toISOString() };
  });
  const slots = useSlots(counselorId, offering.id, window.from, window.to);
  const [chosen, setChosen] = useState<string | null>(null);

  const days = useMemo(() => {
    const byDay = new Map<string, { startsAt: string }[]>();
    for (const slot of slots.data?.slots ?? []) {
      const key = dayKey(slot.startsAt, timeZone);
      byDay.set(key, [...(byDay.get(key) ?? []), slot]);
    }
    return [...byDay.entries()];
  }, [slots.data, timeZone]);

  return (
    <section className="slot-picker" aria-labelledby={`slots-${offering.id}`}>
      <h3 id={`slots-${offering.id}`}>Open times</h3>
      <p className="zone-note">
        Times shown in <strong>{timeZoneLabel(timeZone)}</strong>
      </p>
      <QueryView query={slots} loading="Loading open times…">
        {() =>
          days.length === 0 ? (
            <Empty>No open times in the next {WINDOW_DAYS} days.</Empty>
          ) : (
            <fieldset className="slot-days">
              <legend className="visually-hidden">Choose a start time</legend>
              {days.map(([key, daySlots]) => (
                <div key={key} className="slot-day">
                  <p className="slot-day-name">{formatDay(daySlots[0]!.startsAt, timeZone)}</p>
                  <ul className="slot-list">
                    {daySlots.map((slot) => (
                      <li key={slot.startsAt}>
                        <button
                          type="button"
                          className="slot"
                          aria-pressed={chosen === slot.startsAt}
                          aria-label={`${formatDay(slot.startsAt, timeZone)}, ${formatTime(slot.startsAt, timeZone)}`}
                          onClick={() => setChosen(slot.startsAt)}
                        >
                          <time dateTime={slot.startsAt}>{formatTime(slot.startsAt, timeZone)}</time>
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </fieldset>
          )
        }
      </QueryView>
      <div className="book-row">{action(chosen)}</div>
    </section>
  );
}
