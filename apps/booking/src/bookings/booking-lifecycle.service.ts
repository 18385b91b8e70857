import { type Actor, BookingEvents, type BookingView } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingConfig } from '../config/booking.config';
import { bookingForActor, requireRelation } from './booking-access';
import { BookingEntity } from './booking.entity';
import { completeRefusal, noShowRefusal } from './booking-rules';
import { BookingsService } from './bookings.service';

const AUTO_COMPLETE_BATCH = 100;

/** How a session ends: completed (by the counselor, or automatically after its end) or a client no-show. */
@Injectable()
export class BookingLifecycleService {
  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly bookings: BookingsService,
    private readonly config: BookingConfig,
  ) {}

  complete(actor: Actor, id: string, now = new Date()): Promise<BookingView> {
    return this.end(actor, id, 'completed', (booking) => completeRefusal(booking, now));
  }

  markNoShow(actor: Actor, id: string, now = new Date()): Promise<BookingView> {
    return this.end(actor, id, 'no_show', (booking) => noShowRefusal(booking, now));
  }

  /** Sweep: confirmed sessions that ended long enough ago become completed. */
  async autoComplete(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[]] = await manager.query(
        `UPDATE "booking"."bookings" SET "status" = 'completed', "updated_at" = now()
          WHERE "id" IN (
            SELECT "id" FROM "booking"."bookings"
             WHERE "status" = 'confirmed' AND "ends_at" <= now() - make_interval(hours => $1)
             ORDER BY "ends_at" LIMIT ${AUTO_COMPLETE_BATCH} FOR UPDATE SKIP LOCKED)
            AND "status" = 'confirmed'
          RETURNING "id"`,
        [this.config.BOOKING_AUTO_COMPLETE_HOURS],
      );
      for (const { id } of rows) await this.announceCompleted(manager, id);
    });
  }

  private async end(
    actor: Actor,
    id: string,
    status: 'completed' | 'no_show',
    refusalOf: (booking: BookingEntity) => string | null,
  ): Promise<BookingView> {
    const booking = await this.dataSource.transaction(async (manager) => {
      const { booking, relation } = await bookingForActor(manager, id, actor, { lock: true });
      requireRelation(relation, ['counselor'], status === 'completed' ? 'complete it' : 'mark a no-show');
      const refusal = refusalOf(booking);
      if (refusal)
        throw DomainError.unprocessable(status === 'completed' ? 'cannot_complete' : 'cannot_mark_no_show', refusal);
      await manager.query(
        `UPDATE "booking"."bookings" SET "status" = $2, "updated_at" = now() WHERE "id" = $1 AND "status" = 'confirmed'`,
        [booking.id, status],
      );
      if (status === 'completed') await this.announceCompleted(manager, booking.id);
      return manager.findOneByOrFail(BookingEntity, { id: booking.id });
    });
    return this.bookings.view(booking);
  }

  private async announceCompleted(manager: EntityManager, id: string): Promise<void> {
    const booking = await manager.findOneByOrFail(BookingEntity, { id });
    await this.outbox.add(manager, BookingEvents.completed, {
      bookingId: booking.id,
      clientId: booking.clientId,
      counselorId: booking.counselorId,
      offeringId: booking.offeringId,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
    });
  }
}
