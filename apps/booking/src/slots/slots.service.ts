import {
  BOOKING_LIMITS,
  type Availability,
  type CacheableSlots,
  BLOCKING_BOOKING_STATUSES,
  type CounselorOpenings,
  type ListSlotsRequest,
  type NextAvailabilityRequest,
  type NextAvailabilityResponse,
  type SlotsView,
} from '@haven/contracts';
import { DomainError, isUuid, optionalInstant, FieldErrors } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { deactivatedAmong } from '../accounts-sync/account-state.entity';
import { AvailabilityService } from '../availability/availability.service';
import { gridRuns, mergeRuns, type OpenRun } from './open-runs';
import {
  type BlockingBooking,
  type BusyPeriod,
  computeSlots,
  firstSlot,
  isBookableStart,
  type Slot,
  type SlotContext,
  slotsFreshUntil,
  type SlotRange,
} from './slot-calculator';
import { BookingEntity } from '../bookings/booking.entity';
import { CounselorEntity } from '../directory-sync/counselor.entity';
import { OfferingEntity } from '../directory-sync/offering.entity';
import { TimeOffEntity } from '../time-off/time-off.entity';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const DEFAULT_RANGE_DAYS = 7;
/** Longest a busy period can reach back into a range: the longest session (120) plus the longest buffer (120). */
const MAX_REACH_MS = 240 * MINUTE_MS;
const MAX_COUNSELORS_PER_LOOKUP = 1000;
/** nextAvailability looks at a week first, then a month, then the rest, for whoever is still without a slot. */
const SEARCH_STAGES_DAYS = [7, 31, Infinity];
/** How far past a range's moving end `listCacheableSlots` looks for a start about to enter it. */
const FRESHNESS_LOOK_AHEAD_MS = 60 * MINUTE_MS;
/** The latest instant a Date can hold. */
const LATEST_INSTANT_MS = 8.64e15;

interface Busy {
  bookings: BlockingBooking[];
  timeOff: BusyPeriod[];
}

/** A counselor's openings, and when time alone makes them wrong. */
export interface ComputedOpenings {
  openings: CounselorOpenings;
  staleAt: Date;
}

/** Open slots of one counselor, the booking check that must agree with them, and next availability for search. */
@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly availability: AvailabilityService,
  ) {}

  async listSlots(input: ListSlotsRequest, now = new Date()): Promise<SlotsView> {
    return (await this.computeListedSlots(input, now)).view;
  }

  /** The slots of `listSlots`, and until when time alone leaves them right (see `slotsFreshUntil`). */
  async listCacheableSlots(input: ListSlotsRequest, now = new Date()): Promise<CacheableSlots> {
    const { view, context, range, slots } = await this.computeListedSlots(input, now);
    const freshUntil = slotsFreshUntil(context, range, slots, {
      // Without `from` and `to` the range is the next week from now, and its end moves with now.
      rangeEndMoves: input.from === undefined && input.to === undefined,
      lookAheadMs: FRESHNESS_LOOK_AHEAD_MS,
    });
    return { view, freshUntil: new Date(freshUntil).toISOString() };
  }

  private async computeListedSlots(
    input: ListSlotsRequest,
    now: Date,
  ): Promise<{ view: SlotsView; context: SlotContext; range: SlotRange; slots: Slot[] }> {
    const errors = new FieldErrors();
    const from = errors.collect(() => optionalInstant(input.from, 'from')) ?? now;
    const to =
      errors.collect(() => optionalInstant(input.to, 'to')) ?? new Date(from.getTime() + DEFAULT_RANGE_DAYS * DAY_MS);
    errors.throwIfAny();
    if (to <= from) throw DomainError.invalidField('to', 'must be after from');
    if (to.getTime() - from.getTime() > BOOKING_LIMITS.maxSlotRangeDays * DAY_MS) {
      throw DomainError.invalidField('to', `the range may span at most ${BOOKING_LIMITS.maxSlotRangeDays} days`);
    }
    if (!isUuid(input.counselorId)) throw DomainError.notFound('counselor_not_found');
    // The calendar is read while the counselor and offering are checked, not after.
    const [{ counselorId, offering }, availability, busy] = await Promise.all([
      this.bookableOffering(input.counselorId, input.offeringId),
      this.availability.getMany([input.counselorId]),
      this.loadBusy(this.dataSource.manager, [input.counselorId], from, to),
    ]);
    const context = slotContext(availability.get(counselorId)!, offering.durationMinutes, now, busy.get(counselorId));
    const range = { from, to };
    const slots = computeSlots(context, range);
    const view = {
      counselorId,
      offeringId: offering.id,
      slots: slots.map((slot) => ({ startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() })),
    };
    return { view, context, range, slots };
  }

  /**
   * What POST /bookings must ask before holding a slot: the same generator that lists slots, over
   * the same data. Call it inside the booking transaction after `lockCounselorCalendar`, so time off
   * cannot appear between the check and the insert; the exclusion constraint covers other bookings.
   * With `ignoreBookings` only the calendar rules and time off count: the caller lets the
   * exclusion constraint judge other bookings, so a taken slot is a conflict, not a closed slot.
   */
  async isBookable(
    manager: EntityManager,
    counselorId: string,
    offering: OfferingEntity,
    startsAt: Date,
    now = new Date(),
    options: { ignoreBookings?: boolean } = {},
  ): Promise<boolean> {
    const context = await this.contextFor(
      counselorId,
      offering,
      startsAt,
      new Date(startsAt.getTime() + 1),
      now,
      manager,
    );
    return isBookableStart(options.ignoreBookings ? { ...context, bookings: [] } : context, startsAt);
  }

  /**
   * The counselor must be active (not suspended, account not deactivated) and the offering theirs
   * and active; anything else is not found.
   */
  async bookableOffering(
    counselorId: string,
    offeringId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ counselorId: string; offering: OfferingEntity }> {
    if (!isUuid(counselorId)) throw DomainError.notFound('counselor_not_found');
    const [counselor, deactivated, offering] = await Promise.all([
      manager.findOneBy(CounselorEntity, { counselorId }),
      deactivatedAmong(manager, [counselorId]),
      isUuid(offeringId) ? manager.findOneBy(OfferingEntity, { id: offeringId }) : null,
    ]);
    if (counselor?.status !== 'active' || deactivated.size > 0) throw DomainError.notFound('counselor_not_found');
    if (!offering || offering.counselorId !== counselorId || !offering.active)
      throw DomainError.notFound('offering_not_found');
    return { counselorId, offering };
  }

  async nextAvailability(input: NextAvailabilityRequest, now = new Date()): Promise<NextAvailabilityResponse> {
    const ids = Array.isArray(input.counselorIds) ? [...new Set(input.counselorIds)] : [];
    if (ids.length > MAX_COUNSELORS_PER_LOOKUP) {
      throw DomainError.invalidField('counselorIds', `at most ${MAX_COUNSELORS_PER_LOOKUP} at once`);
    }
    const from = optionalInstant(input.from, 'from') ?? now;
    // The booking window of any counselor ends within a year; nothing lies beyond it.
    const to = optionalInstant(input.to, 'to') ?? new Date(now.getTime() + 366 * DAY_MS);
    const result: Record<string, string | null> = Object.fromEntries(ids.map((id) => [id, null]));
    const valid = ids.filter(isUuid);
    if (valid.length === 0 || to <= from) return { nextAvailableAt: result };

    const manager = this.dataSource.manager;
    const calendars = await this.openCalendars(manager, valid);
    let pending = [...calendars.keys()];

    let stageFrom = from;
    for (const stageDays of SEARCH_STAGES_DAYS) {
      if (pending.length === 0 || stageFrom >= to) break;
      const stageTo = new Date(Math.min(to.getTime(), stageFrom.getTime() + stageDays * DAY_MS));
      const busy = await this.loadBusy(manager, pending, stageFrom, stageTo);
      const stillPending: string[] = [];
      for (const counselorId of pending) {
        let best: Date | null = null;
        for (const durationMinutes of calendars.get(counselorId)!.durations) {
          const context = slotContext(calendars.get(counselorId)!.rules, durationMinutes, now, busy.get(counselorId));
          const slot = firstSlot(context, { from: stageFrom, to: best ?? stageTo });
          if (slot && (!best || slot.startsAt < best)) best = slot.startsAt;
        }
        if (best) result[counselorId] = best.toISOString();
        else stillPending.push(counselorId);
      }
      pending = stillPending;
      stageFrom = stageTo;
    }
    return { nextAvailableAt: result };
  }

  /**
   * What search needs to know about each counselor's calendar over the next `horizonDays`: the first
   * bookable start and every bookable start as runs (see `CounselorOpenings`). A counselor who cannot
   * be booked (suspended, deactivated, no active offering, no hours) has none.
   */
  async openings(counselorIds: string[], horizonDays: number, now = new Date()): Promise<ComputedOpenings[]> {
    const manager = this.dataSource.manager;
    const ids = [...new Set(counselorIds)].filter(isUuid);
    if (ids.length === 0) return [];
    const to = new Date(now.getTime() + horizonDays * DAY_MS);
    const calendars = await this.openCalendars(manager, ids);
    const busy = calendars.size > 0 ? await this.loadBusy(manager, [...calendars.keys()], now, to) : new Map();
    const computed: ComputedOpenings[] = [];
    for (const counselorId of ids) {
      // A month of slots takes a few milliseconds per counselor: let requests in between counselors.
      await new Promise((resolve) => setImmediate(resolve));
      const calendar = calendars.get(counselorId);
      const runs: OpenRun[] = [];
      let maxStepMinutes = 0;
      for (const durationMinutes of calendar?.durations ?? []) {
        const context = slotContext(calendar!.rules, durationMinutes, now, busy.get(counselorId));
        const stepMinutes = calendar!.rules.slotIntervalMinutes ?? durationMinutes;
        maxStepMinutes = Math.max(maxStepMinutes, stepMinutes);
        const starts = computeSlots(context, { from: now, to }).map((slot) => slot.startsAt.getTime());
        runs.push(...gridRuns(starts, stepMinutes * MINUTE_MS));
      }
      const openRuns = mergeRuns(runs);
      const next = openRuns.length > 0 ? openRuns[0][0] : null;
      computed.push({
        openings: {
          counselorId,
          nextAvailableAt: next === null ? null : new Date(next).toISOString(),
          openRuns,
          maxStepMinutes,
          computedAt: now.toISOString(),
        },
        // The first start stops being bookable once it comes within the counselor's notice.
        staleAt: new Date(next === null ? LATEST_INSTANT_MS : next - calendar!.rules.minNoticeMinutes * MINUTE_MS),
      });
    }
    return computed;
  }

  /** The calendars of those counselors who can be booked at all: rules and the lengths of their active offerings. */
  private async openCalendars(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { rules: Availability; durations: Set<number> }>> {
    const [counselors, deactivated, offerings, availability] = await Promise.all([
      manager.findBy(CounselorEntity, { counselorId: In(ids), status: 'active' }),
      deactivatedAmong(manager, ids),
      manager.findBy(OfferingEntity, { counselorId: In(ids), active: true }),
      this.availability.getMany(ids, manager),
    ]);
    const durations = new Map<string, Set<number>>();
    for (const offering of offerings) {
      const set = durations.get(offering.counselorId) ?? new Set<number>();
      set.add(offering.durationMinutes);
      durations.set(offering.counselorId, set);
    }
    const calendars = new Map<string, { rules: Availability; durations: Set<number> }>();
    for (const counselor of counselors) {
      const id = counselor.counselorId;
      const rules = availability.get(id)!;
      if (deactivated.has(id) || !durations.has(id) || rules.weekly.length + rules.overrides.length === 0) continue;
      calendars.set(id, { rules, durations: durations.get(id)! });
    }
    return calendars;
  }

  private async contextFor(
    counselorId: string,
    offering: OfferingEntity,
    from: Date,
    to: Date,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SlotContext> {
    const [availability, busy] = await Promise.all([
      this.availability.getMany([counselorId], manager),
      this.loadBusy(manager, [counselorId], from, to),
    ]);
    return slotContext(availability.get(counselorId)!, offering.durationMinutes, now, busy.get(counselorId));
  }

  /** Bookings that hold time and time off that can touch slots starting in [from, to), for many counselors at once. */
  private async loadBusy(
    manager: EntityManager,
    counselorIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, Busy>> {
    const reachTo = new Date(to.getTime() + MAX_REACH_MS);
    const [bookings, timeOff] = await Promise.all([
      manager
        .createQueryBuilder(BookingEntity, 'booking')
        .select(['booking.id', 'booking.counselorId', 'booking.startsAt', 'booking.endsAt', 'booking.bufferMinutes'])
        .where('booking.counselor_id IN (:...counselorIds)', { counselorIds })
        .andWhere('booking.status IN (:...statuses)', { statuses: [...BLOCKING_BOOKING_STATUSES] })
        .andWhere('booking.blocked_until > :from AND booking.starts_at < :reachTo', { from, reachTo })
        .getMany(),
      manager
        .createQueryBuilder(TimeOffEntity, 'off')
        .select(['off.id', 'off.counselorId', 'off.startsAt', 'off.endsAt'])
        .where('off.counselor_id IN (:...counselorIds)', { counselorIds })
        .andWhere('off.ends_at > :from AND off.starts_at < :reachTo', { from, reachTo })
        .getMany(),
    ]);
    const busy = new Map<string, Busy>(counselorIds.map((id) => [id, { bookings: [], timeOff: [] }]));
    for (const booking of bookings) busy.get(booking.counselorId)?.bookings.push(booking);
    for (const period of timeOff) busy.get(period.counselorId)?.timeOff.push(period);
    return busy;
  }
}

function slotContext(rules: Availability, durationMinutes: number, now: Date, busy: Busy | undefined): SlotContext {
  return { rules, durationMinutes, now, bookings: busy?.bookings ?? [], timeOff: busy?.timeOff ?? [] };
}
