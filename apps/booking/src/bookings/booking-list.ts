import { BOOKING_STATUSES, type BookingStatus, type ListCounselorBookingsRequest } from '@haven/contracts';
import { DomainError, FieldErrors, optionalInstant, pageOf } from '@haven/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { BookingEntity } from './booking.entity';

export interface BookingListFilter {
  page: number;
  limit: number;
  from?: Date;
  to?: Date;
  status?: BookingStatus;
}

/**
 * The paging, start-time range and status of a bookings list. `errors` may already hold the caller's
 * own problems: all of them are reported together.
 */
export function readBookingListFilter(
  input: Partial<ListCounselorBookingsRequest>,
  errors = new FieldErrors(),
): BookingListFilter {
  const status = errors.oneOf(input.status, 'status', BOOKING_STATUSES);
  const { paging, from, to } = errors.checkAll({
    paging: () => pageOf(input),
    from: () => optionalInstant(input.from, 'from'),
    to: () => optionalInstant(input.to, 'to'),
  });
  if (from && to && to <= from) throw DomainError.invalidField('to', 'must be after from');
  return { ...paging, from, to, status };
}

/** One page of `query` (bookings of someone) within the filter, earliest start first. */
export function bookingListPage(
  query: SelectQueryBuilder<BookingEntity>,
  filter: BookingListFilter,
): Promise<[BookingEntity[], number]> {
  if (filter.from) query.andWhere('booking.starts_at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('booking.starts_at < :to', { to: filter.to });
  if (filter.status) query.andWhere('booking.status = :status', { status: filter.status });
  return query
    .orderBy('booking.starts_at', 'ASC')
    .addOrderBy('booking.id', 'ASC')
    .skip((filter.page - 1) * filter.limit)
    .take(filter.limit)
    .getManyAndCount();
}
