import type { Availability } from '@haven/contracts';
import type { IANAZone } from 'luxon';
import {
  addDays,
  compareDates,
  formatDate,
  type LocalDate,
  localDateAt,
  minutesOfDay,
  wallClockToInstant,
  weekdayIndex,
  zoneOf,
} from '../availability/wall-clock';
import { WEEKDAYS } from '@haven/contracts';

/**
 * Slot computation: pure, no I/O, no clock of its own. The slots a client is shown and the start
 * times `POST /bookings` accepts are both decided here, by the same generator, so "shown as free
 * but not bookable" (or the reverse) cannot happen.
 *
 * The rules, in order:
 * 1. Windows. For every local date in the counselor's zone, the override for that date if there is
 *    one (no windows = day off), else the weekly windows of that weekday. `HH:mm` wall-clock times
 *    become instants per date through the tz database (see `wallClockToInstant` for the DST rules),
 *    so a window spans the real time between its two wall-clock ends: 00:00–04:00 is 5 hours on
 *    the day clocks go back and 3 on the day they go forward. `24:00` is the next midnight.
 * 2. Grid. Starts are `window start + k × step`, step = `slotIntervalMinutes` or else the offering's
 *    duration, counted in elapsed minutes; a slot must end within its window.
 * 3. Clipping. A start must be ≥ now + minimum notice, ≤ now + booking window (`maxAdvanceDays` × 24 h),
 *    and inside the requested range [from, to).
 * 4. Busy time. A slot [s, s + duration) must not overlap time off. Against bookings it is treated
 *    exactly as the database's exclusion constraint treats two bookings: each booking blocks
 *    [start, end + its buffer), and the new slot would block [s, s + duration + current buffer), and
 *    the two must not overlap. So the counselor's rest after a session is never eaten, neither by a
 *    later session nor by the rest after the new one running into the next booking. A slot's buffer
 *    may extend past its window's end and into time off (it is rest, not work).
 */

export interface BlockingBooking {
  startsAt: Date;
  endsAt: Date;
  /** The buffer the booking was made with (the rest after it). */
  bufferMinutes: number;
}

export interface BusyPeriod {
  startsAt: Date;
  endsAt: Date;
}

export type SlotRules = Pick<
  Availability,
  'timezone' | 'weekly' | 'overrides' | 'bufferMinutes' | 'minNoticeMinutes' | 'maxAdvanceDays' | 'slotIntervalMinutes'
>;

export interface SlotContext {
  rules: SlotRules;
  durationMinutes: number;
  /** The instant "now"; injected so the result is a function of its inputs. */
  now: Date;
  /** `pending_payment` and `confirmed` bookings of the counselor (others are ignored by the caller). */
  bookings: readonly BlockingBooking[];
  timeOff: readonly BusyPeriod[];
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

export interface SlotRange {
  from: Date;
  /** Exclusive: slots start before `to`. */
  to: Date;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Every open slot starting in [from, to), in chronological order. */
export function computeSlots(context: SlotContext, range: SlotRange): Slot[] {
  return [...iterateSlots(context, range)];
}

/** The first open slot starting in [from, to), or null. Stops at the first one. */
export function firstSlot(context: SlotContext, range: SlotRange): Slot | null {
  for (const slot of iterateSlots(context, range)) return slot;
  return null;
}

/** Whether a booking starting at `startsAt` would be accepted right now: exactly one of the slots above. */
export function isBookableStart(context: SlotContext, startsAt: Date): boolean {
  const start = startsAt.getTime();
  if (!Number.isFinite(start)) return false;
  const slot = firstSlot(context, { from: startsAt, to: new Date(start + 1) });
  return slot !== null && slot.startsAt.getTime() === start;
}

/**
 * Until when (epoch ms) time alone leaves `slots` = `computeSlots(context, range)` right: until the
 * first slot comes within the minimum notice, or until a new start enters at the top, where the
 * booking window's end moves with "now", and so does the range's end when it is relative to now
 * (`rangeEndMoves`). Busy time is ignored for the start that would enter, which can only make the
 * answer earlier. Looks at most `lookAheadMs` ahead, and answers at most that far from now.
 */
export function slotsFreshUntil(
  context: SlotContext,
  range: SlotRange,
  slots: readonly Slot[],
  options: { rangeEndMoves: boolean; lookAheadMs: number },
): number {
  const { rules } = context;
  const now = context.now.getTime();
  let until = now + options.lookAheadMs;
  if (slots.length > 0) until = Math.min(until, slots[0].startsAt.getTime() - rules.minNoticeMinutes * MINUTE_MS);
  const to = range.to.getTime();
  // The last start the booking window allows now, and the first start neither it nor the range allows.
  const windowEnd = now + rules.maxAdvanceDays * DAY_MS;
  if (!options.rangeEndMoves && to <= windowEnd + 1) return until;
  const firstOutside = Math.min(to, windowEnd + 1);
  const lookTo = options.rangeEndMoves
    ? firstOutside + options.lookAheadMs
    : Math.min(to, firstOutside + options.lookAheadMs);
  const unlimited: SlotContext = {
    ...context,
    rules: { ...rules, maxAdvanceDays: rules.maxAdvanceDays + Math.ceil(options.lookAheadMs / DAY_MS) + 1 },
    bookings: [],
    timeOff: [],
  };
  const entering = firstSlot(unlimited, { from: new Date(firstOutside), to: new Date(lookTo) });
  if (!entering) return until;
  // It enters once the window reaches it, and, for a range that moves with now, once the range does.
  const start = entering.startsAt.getTime();
  const entersAt = Math.max(
    start - rules.maxAdvanceDays * DAY_MS,
    options.rangeEndMoves ? now + (start - to) : -Infinity,
  );
  return Math.min(until, entersAt);
}

/** The lazy core shared by every entry point above. */
export function* iterateSlots(context: SlotContext, range: SlotRange): Generator<Slot> {
  const { rules, durationMinutes } = context;
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) return;
  const duration = durationMinutes * MINUTE_MS;
  const step = (rules.slotIntervalMinutes ?? durationMinutes) * MINUTE_MS;
  if (!(step > 0)) return;

  const now = context.now.getTime();
  const earliest = Math.max(range.from.getTime(), now + rules.minNoticeMinutes * MINUTE_MS);
  const horizon = now + rules.maxAdvanceDays * DAY_MS;
  const toExclusive = range.to.getTime();
  // Starts must be < endExclusive.
  const endExclusive = Math.min(toExclusive, horizon + 1);
  if (!(earliest < endExclusive)) return;

  const forbidden = forbiddenStarts(context, duration);
  const zone = zoneOf(rules.timezone);
  const calendar = new WindowCalendar(rules, zone);
  // A window never reaches past the next midnight, so the day before `earliest` is the first that can matter.
  const lastDate = localDateAt(zone, endExclusive - 1);
  for (
    let date = addDays(localDateAt(zone, earliest), -1);
    compareDates(date, lastDate) <= 0;
    date = addDays(date, 1)
  ) {
    for (const [windowStart, windowEnd] of calendar.windowsOn(date)) {
      if (windowStart >= endExclusive) return;
      let start = windowStart;
      if (start < earliest) start += Math.ceil((earliest - start) / step) * step;
      for (; start + duration <= windowEnd; start += step) {
        if (start >= endExclusive) return;
        if (!forbidden.contains(start)) yield { startsAt: new Date(start), endsAt: new Date(start + duration) };
      }
    }
  }
}

/** The availability windows of each local date as instants, sorted. */
class WindowCalendar {
  private readonly weekly: [number, number][][] = WEEKDAYS.map(() => []);
  private readonly overrides = new Map<string, [number, number][]>();
  private readonly probes = new Map<number, number>();

  constructor(
    rules: SlotRules,
    private readonly zone: IANAZone,
  ) {
    for (const window of rules.weekly) {
      const index = WEEKDAYS.indexOf(window.day);
      if (index >= 0) this.weekly[index].push([minutesOfDay(window.start), minutesOfDay(window.end)]);
    }
    for (const override of rules.overrides) {
      this.overrides.set(
        override.date,
        override.windows.map((window) => [minutesOfDay(window.start), minutesOfDay(window.end)]),
      );
    }
  }

  windowsOn(date: LocalDate): [number, number][] {
    const wallClock = this.overrides.get(formatDate(date)) ?? this.weekly[weekdayIndex(date)];
    if (wallClock.length === 0) return [];
    const offset = this.uniformOffset(date);
    const midnight = Date.UTC(date.year, date.month - 1, date.day);
    const toInstant = (minutes: number): number =>
      offset === undefined ? wallClockToInstant(this.zone, date, minutes) : midnight + (minutes - offset) * MINUTE_MS;
    return wallClock
      .map(([start, end]) => [toInstant(start), toInstant(end)] as [number, number])
      .filter(([start, end]) => end > start)
      .sort((a, b) => a[0] - b[0]);
  }

  /**
   * The zone's offset when it is the same from a day before this date until two days after it
   * (no transition can touch the date then), else undefined and every time goes through
   * `wallClockToInstant`. Looking the offset up is the costly part of the whole computation, so the
   * probes are one per day, each shared by four dates. Assumes a zone never changes its offset and
   * back within four days, which the tz database has no case of.
   */
  private uniformOffset(date: LocalDate): number | undefined {
    const probe = (d: LocalDate): number => {
      const at = Date.UTC(d.year, d.month - 1, d.day) - DAY_MS;
      let offset = this.probes.get(at);
      if (offset === undefined) {
        offset = this.zone.offset(at);
        this.probes.set(at, offset);
      }
      return offset;
    };
    const before = probe(date);
    return before === probe(addDays(date, 3)) ? before : undefined;
  }
}

/**
 * Busy time turned into the open intervals (lo, hi) of slot STARTS it rules out, merged and sorted,
 * so testing a candidate is one binary search.
 * - booking: [s, s + d + buffer) overlaps [b.start, b.end + b.buffer) ⇔ b.start − d − buffer < s < b.end + b.buffer
 * - time off: [s, s + d) overlaps [t.start, t.end) ⇔ t.start − d < s < t.end
 */
function forbiddenStarts(context: SlotContext, duration: number): ForbiddenStarts {
  const buffer = context.rules.bufferMinutes * MINUTE_MS;
  const intervals: [number, number][] = [];
  for (const booking of context.bookings) {
    intervals.push([
      booking.startsAt.getTime() - duration - buffer,
      booking.endsAt.getTime() + booking.bufferMinutes * MINUTE_MS,
    ]);
  }
  for (const period of context.timeOff) {
    intervals.push([period.startsAt.getTime() - duration, period.endsAt.getTime()]);
  }
  return new ForbiddenStarts(intervals);
}

class ForbiddenStarts {
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];

  constructor(intervals: [number, number][]) {
    intervals.sort((a, b) => a[0] - b[0]);
    for (const [lo, hi] of intervals) {
      if (!(hi > lo)) continue;
      const last = this.highs.length - 1;
      // Open intervals that merely touch leave the shared point allowed, so only merge on a real overlap.
      if (last >= 0 && lo < this.highs[last]) {
        this.highs[last] = Math.max(this.highs[last], hi);
      } else {
        this.lows.push(lo);
        this.highs.push(hi);
      }
    }
  }

  contains(start: number): boolean {
    // First interval whose upper end lies beyond `start`.
    let low = 0;
    let high = this.highs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.highs[middle] > start) high = middle;
      else low = middle + 1;
    }
    return low < this.lows.length && this.lows[low] < start;
  }
}
