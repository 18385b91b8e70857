import {
  BLOCKING_BOOKING_STATUSES,
  BOOKING_LIMITS as L,
  CALENDAR_CAPS,
  type CreateTimeOffRequest,
  type ListTimeOffRequest,
  type Page,
  type RpcMeta,
  type TimeOffView,
} from '@haven/contracts';
import { DomainError, FieldErrors, isUuid, optionalInstant, pageOf, parseInstant } from '@haven/common';
import { RpcRequestLedger } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingEntity } from '../bookings/booking.entity';
import { lockCounselorCalendar } from '../bookings/calendar-lock';
import { TimeOffEntity } from './time-off.entity';

/**
 * Time off: periods with no slots at all. It may not cover a session that is booked or being paid
 * for (`confirmed` or `pending_payment`: a hold may still be paid); the counselor cancels that
 * booking first. Only the session itself counts, not the rest after it.
 */
@Injectable()
export class TimeOffService {
  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly requests: RpcRequestLedger,
  ) {}

  /** Safe to redeliver: a redelivered create answers with the time off it created. */
  async create(counselorId: string, input: CreateTimeOffRequest, meta?: Partial<RpcMeta>): Promise<TimeOffView> {
    const errors = new FieldErrors();
    const startsAt = errors.collect(() => parseInstant(input.startsAt, 'startsAt'));
    const endsAt = errors.collect(() => parseInstant(input.endsAt, 'endsAt'));
    const reason = input.reason === undefined || input.reason === null ? null : String(input.reason).trim() || null;
    if (reason && reason.length > L.maxTimeOffReasonLength) {
      errors.add('reason', `must be at most ${L.maxTimeOffReasonLength} characters`);
    }
    if (startsAt && endsAt && endsAt <= startsAt) errors.add('endsAt', 'must be after startsAt');
    else if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > L.maxTimeOffDays * 24 * 3_600_000) {
      errors.add('endsAt', `time off may last at most ${L.maxTimeOffDays} days`);
    }
    errors.throwIfAny();

    const saved = await this.requests.createOnce(meta, {
      replay: (manager, id) => manager.findOneByOrFail(TimeOffEntity, { id }),
      create: async (manager, id) => {
        await lockCounselorCalendar(manager, counselorId);
        const upcoming = await manager
          .createQueryBuilder(TimeOffEntity, 'off')
          .where('off.counselor_id = :counselorId', { counselorId })
          .andWhere('off.ends_at > now()')
          .getCount();
        if (upcoming >= CALENDAR_CAPS.maxUpcomingTimeOff) {
          throw DomainError.unprocessable(
            'calendar_cap_reached',
            `At most ${CALENDAR_CAPS.maxUpcomingTimeOff} time-off entries may lie ahead; delete one first`,
          );
        }
        const clash = await manager
          .createQueryBuilder(BookingEntity, 'booking')
          .where('booking.counselor_id = :counselorId', { counselorId })
          .andWhere('booking.status IN (:...statuses)', { statuses: [...BLOCKING_BOOKING_STATUSES] })
          .andWhere('booking.starts_at < :endsAt AND booking.ends_at > :startsAt', { startsAt, endsAt })
          .orderBy('booking.starts_at', 'ASC')
          .getOne();
        if (clash) {
          throw DomainError.conflict(
            'time_off_overlaps_booking',
            `Time off overlaps a ${clash.status === 'confirmed' ? 'confirmed' : 'pending'} booking ` +
              `(${clash.id}, ${clash.startsAt.toISOString()}); cancel it first`,
          );
        }
        return manager.save(manager.create(TimeOffEntity, { id, counselorId, startsAt, endsAt, reason }));
      },
    });
    return toTimeOffView(saved);
  }

  async delete(counselorId: string, id: string): Promise<void> {
    if (!isUuid(id)) throw DomainError.notFound('time_off_not_found');
    const result = await this.dataSource.manager.delete(TimeOffEntity, { id, counselorId });
    if (!result.affected) throw DomainError.notFound('time_off_not_found');
  }

  async list(counselorId: string, input: ListTimeOffRequest): Promise<Page<TimeOffView>> {
    const { page, limit } = pageOf(input);
    const from = optionalInstant(input.from, 'from') ?? new Date();
    const to = optionalInstant(input.to, 'to');
    const query = this.dataSource.manager
      .createQueryBuilder(TimeOffEntity, 'off')
      .where('off.counselor_id = :counselorId', { counselorId })
      .andWhere('off.ends_at > :from', { from });
    if (to) query.andWhere('off.starts_at < :to', { to });
    const [rows, total] = await query
      .orderBy('off.starts_at', 'ASC')
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map(toTimeOffView), total, page, limit };
  }
}

export function toTimeOffView(row: TimeOffEntity): TimeOffView {
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    ...(row.reason ? { reason: row.reason } : {}),
  };
}
