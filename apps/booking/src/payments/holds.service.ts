import { BookingEvents } from '@haven/contracts';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingEntity } from '../bookings/booking.entity';
import { bookingSnapshot } from '../bookings/booking-snapshot';
import { isExclusionViolation } from '../bookings/booking-access';
import { lockCounselorCalendar, overlapsActiveBooking } from '../bookings/calendar-lock';
import { newMeetingUrl } from '../bookings/meeting-link';
import { BookingConfig } from '../config/booking.config';
import { LedgerService } from '../ledger/ledger.service';
import { capturePostings } from '../ledger/postings';
import { PaymentEntity } from './payment.entity';
import { RazorpayPayments } from './razorpay/razorpay-payments';
import type { RazorpayPayment } from './razorpay/razorpay-types';
import { RefundsService } from './refunds.service';

/** A captured payment, however we learned of it (verify, webhook, or asking Razorpay at expiry). */
export interface CapturedPayment {
  razorpayOrderId: string;
  razorpayPaymentId: string;
  amountPaise: number;
  capturedAt: Date;
}

/** What acting on a payment left to do after commit: refunds to send to Razorpay. */
export interface CaptureOutcome {
  booking: BookingEntity | null;
  refundIds: string[];
}

const SWEEP_BATCH = 100;

/**
 * Payment holds: confirmation by whichever path reports the capture first, expiry, and payments
 * that arrive after expiry. Every path goes through `applyCapture`, whose one guarded transition
 * and one payment row per Razorpay payment id make duplicates and reordering harmless.
 */
@Injectable()
export class HoldsService {
  private readonly logger = new Logger(HoldsService.name);

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly razorpay: RazorpayPayments,
    private readonly outbox: OutboxService,
    private readonly ledger: LedgerService,
    private readonly refunds: RefundsService,
    private readonly config: BookingConfig,
  ) {}

  /** Applies a capture in its own transaction and sends any refund it decided. */
  async applyCapture(payment: CapturedPayment): Promise<BookingEntity | null> {
    const outcome = await this.dataSource.transaction((manager) => this.applyCaptureIn(manager, payment));
    await this.afterCommit(outcome);
    return outcome.booking;
  }

  async afterCommit(outcome: CaptureOutcome): Promise<void> {
    for (const refundId of outcome.refundIds) await this.refunds.submit(refundId);
  }

  /**
   * The capture's effect, in the caller's transaction: a payment row and its ledger postings, then
   * the booking confirmed if it still waits (or, after expiry, if its slot is still free); a
   * payment for a booking that can no longer take place is refunded in full.
   */
  async applyCaptureIn(manager: EntityManager, captured: CapturedPayment): Promise<CaptureOutcome> {
    const booking = await manager
      .createQueryBuilder(BookingEntity, 'booking')
      .setLock('pessimistic_write')
      .where('booking.razorpay_order_id = :orderId', { orderId: captured.razorpayOrderId })
      .getOne();
    if (!booking) {
      this.logger.warn({ razorpayOrderId: captured.razorpayOrderId }, 'payment for an order that is not ours; ignored');
      return { booking: null, refundIds: [] };
    }
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO "booking"."payments" ("booking_id", "razorpay_order_id", "razorpay_payment_id", "amount_paise", "captured_at")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("razorpay_payment_id") DO NOTHING
       RETURNING "id"`,
      [booking.id, captured.razorpayOrderId, captured.razorpayPaymentId, captured.amountPaise, captured.capturedAt],
    );
    if (inserted.length === 0) return { booking, refundIds: [] };
    const payment = await manager.findOneByOrFail(PaymentEntity, { id: inserted[0].id });
    await this.ledger.post(
      manager,
      capturePostings(payment.amountPaise, this.config.PLATFORM_COMMISSION_PERCENT),
      { bookingId: booking.id, paymentId: payment.id },
      `payment ${captured.razorpayPaymentId} captured`,
    );
    await this.outbox.add(manager, BookingEvents.paymentCaptured, {
      ...bookingSnapshot(booking, payment.amountPaise),
      paymentId: payment.id,
      razorpayOrderId: captured.razorpayOrderId,
      razorpayPaymentId: captured.razorpayPaymentId,
      capturedAt: payment.capturedAt.toISOString(),
    });

    const confirmed =
      booking.status === 'pending_payment'
        ? await this.confirm(manager, booking, 'pending_payment')
        : booking.status === 'expired'
          ? await this.reinstate(manager, booking)
          : null;
    if (confirmed) {
      await this.outbox.add(manager, BookingEvents.confirmed, {
        ...bookingSnapshot(confirmed, payment.amountPaise),
        meetingUrl: confirmed.meetingUrl!,
      });
      return { booking: confirmed, refundIds: [] };
    }
    // Cancelled, already paid by another payment, or the slot was taken after expiry: give it all back.
    const refund = await this.refunds.decide(
      manager,
      booking,
      payment,
      payment.amountPaise,
      `payment for a ${booking.status} booking`,
    );
    this.logger.warn(
      { bookingId: booking.id, status: booking.status },
      'payment for a booking that cannot be held; refunding',
    );
    return { booking: await manager.findOneByOrFail(BookingEntity, { id: booking.id }), refundIds: [refund.id] };
  }

  /**
   * Lapses a hold that is due, unless Razorpay says it was paid (a slow or lost webhook): then the
   * capture is applied instead. Throws when Razorpay cannot be asked, so the job retries.
   */
  async expireHold(bookingId: string, now = new Date()): Promise<void> {
    const booking = await this.dataSource.manager.findOneBy(BookingEntity, { id: bookingId });
    if (!booking || booking.status !== 'pending_payment' || !booking.expiresAt || booking.expiresAt > now) return;
    if (booking.razorpayOrderId) {
      const payments = await this.razorpay.fetchOrderPayments(booking.razorpayOrderId);
      const captured = payments.items.find((payment) => payment.status === 'captured');
      if (captured) {
        this.logger.log({ bookingId }, 'hold was paid; confirming instead of expiring');
        await this.applyCapture(capturedPayment(captured));
        return;
      }
      // Authorised but not yet captured: the capture (and its webhook) is on its way; ask again later.
      if (payments.items.some((payment) => payment.status === 'authorized')) return;
    }
    await this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[]] = await manager.query(
        `UPDATE "booking"."bookings" SET "status" = 'expired', "updated_at" = now()
          WHERE "id" = $1 AND "status" = 'pending_payment' AND "expires_at" <= now()
          RETURNING "id"`,
        [bookingId],
      );
      if (rows.length === 0) return;
      const expired = await manager.findOneByOrFail(BookingEntity, { id: bookingId });
      await this.outbox.add(manager, BookingEvents.expired, bookingSnapshot(expired));
    });
  }

  /** Sweep: holds past their expiry that no job expired (a lost Redis, a crash). */
  async expireOverdue(): Promise<void> {
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT "id" FROM "booking"."bookings"
        WHERE "status" = 'pending_payment' AND "expires_at" <= now()
        ORDER BY "expires_at" LIMIT ${SWEEP_BATCH}`,
    );
    for (const { id } of due) {
      try {
        await this.expireHold(id);
      } catch (error) {
        this.logger.warn({ bookingId: id, error: (error as Error).message }, 'hold not expired yet');
      }
    }
  }

  /** `payment.failed`: tell the client; the hold stays payable until it expires. */
  async recordFailureIn(manager: EntityManager, payment: RazorpayPayment): Promise<void> {
    if (!payment.order_id) return;
    const booking = await manager.findOneBy(BookingEntity, { razorpayOrderId: payment.order_id });
    if (!booking) return;
    await this.outbox.add(manager, BookingEvents.paymentFailed, {
      ...bookingSnapshot(booking),
      razorpayOrderId: payment.order_id,
      razorpayPaymentId: payment.id ?? null,
      reason: payment.error_description ?? null,
    });
  }

  private async confirm(
    manager: EntityManager,
    booking: BookingEntity,
    from: 'pending_payment' | 'expired',
  ): Promise<BookingEntity | null> {
    const [rows]: [{ id: string }[]] = await manager.query(
      `UPDATE "booking"."bookings"
          SET "status" = 'confirmed', "confirmed_at" = now(), "meeting_url" = $3, "updated_at" = now()
        WHERE "id" = $1 AND "status" = $2
        RETURNING "id"`,
      [booking.id, from, newMeetingUrl(this.config.MEETING_BASE_URL)],
    );
    return rows.length === 0 ? null : manager.findOneByOrFail(BookingEntity, { id: booking.id });
  }

  /** After expiry the slot may have gone to someone else: the exclusion constraint decides. */
  private async reinstate(manager: EntityManager, booking: BookingEntity): Promise<BookingEntity | null> {
    await lockCounselorCalendar(manager, booking.counselorId);
    if (await overlapsActiveBooking(manager, booking.counselorId, booking.startsAt, booking.blockedUntil, booking.id)) {
      return null;
    }
    await manager.query('SAVEPOINT reinstate');
    try {
      const confirmed = await this.confirm(manager, booking, 'expired');
      await manager.query('RELEASE SAVEPOINT reinstate');
      return confirmed;
    } catch (error) {
      if (!isExclusionViolation(error)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT reinstate');
      return null;
    }
  }
}

export function capturedPayment(payment: RazorpayPayment): CapturedPayment {
  return {
    razorpayOrderId: payment.order_id!,
    razorpayPaymentId: payment.id,
    amountPaise: Number(payment.amount),
    capturedAt: new Date(Number(payment.created_at) * 1000),
  };
}
