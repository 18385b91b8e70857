import type { BookingView, ListCounselorBookingsRequest, Page } from '@haven/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingEntity } from './booking.entity';
import { bookingListPage, readBookingListFilter } from './booking-list';
import { toBookingView } from './booking.view';

/** The counselor's calendar of bookings: only bookings with them, oldest start first. */
@Injectable()
export class CounselorBookingsService {
  constructor(@InjectDataSource('booking') private readonly dataSource: DataSource) {}

  async list(counselorId: string, input: ListCounselorBookingsRequest): Promise<Page<BookingView>> {
    const filter = readBookingListFilter(input);
    const [rows, total] = await bookingListPage(
      this.dataSource.manager
        .createQueryBuilder(BookingEntity, 'booking')
        .where('booking.counselor_id = :counselorId', { counselorId }),
      filter,
    );
    return { items: rows.map((row) => toBookingView(row)), total, page: filter.page, limit: filter.limit };
  }
}
