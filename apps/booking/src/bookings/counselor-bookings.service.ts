import { BOOKING_STATUSES, type BookingView, type ListCounselorBookingsRequest, type Page } from '@haven/contracts';
import { DomainError, FieldErrors, optionalInstant, pageOf } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingEntity } from './booking.entity';
import { toBookingView } from './booking.view';

/** The counselor's calendar of bookings: only bookings with them, oldest start first. */
@Injectable()
export class CounselorBookingsService {
  constructor(@InjectDataSource('booking') private readonly dataSource: DataSource) {}

  async list(counselorId: string, input: ListCounselorBookingsRequest): Promise<Page<BookingView>> {
    const errors = new FieldErrors();
    if (input.status !== undefined && !(BOOKING_STATUSES as readonly string[]).includes(input.status)) {
      errors.add('status', `must be one of ${BOOKING_STATUSES.join(', ')}`);
    }
    const { paging, from, to } = errors.checkAll({
      paging: () => pageOf(input),
      from: () => optionalInstant(input.from, 'from'),
      to: () => optionalInstant(input.to, 'to'),
    });
    if (from && to && to <= from) throw DomainError.invalidField('to', 'must be after from');
    const { page, limit } = paging;
    const query = this.dataSource.manager
      .createQueryBuilder(BookingEntity, 'booking')
      .where('booking.counselor_id = :counselorId', { counselorId });
    if (from) query.andWhere('booking.starts_at >= :from', { from });
    if (to) query.andWhere('booking.starts_at < :to', { to });
    if (input.status) query.andWhere('booking.status = :status', { status: input.status });
    const [rows, total] = await query
      .orderBy('booking.starts_at', 'ASC')
      .addOrderBy('booking.id', 'ASC')
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    return { items: rows.map((row) => toBookingView(row)), total, page, limit };
  }
}
