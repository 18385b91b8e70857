import {
  type Actor,
  BOOKING_LIMITS,
  BookingEvents,
  type BookingView,
  type CancelBookingRequest,
  type CancelledBy,
  type CounselorStatusChange,
  type CreateBookingRequest,
  type EventEnvelope,
  type ListBookingsRequest,
  type Page,
  type RescheduleBookingRequest,
  type UserUpdatedData,
  type VerifyPaymentRequest,
} from '@haven/contracts';
import { DomainError, FieldErrors, isUuid, parseInstant } from '@haven/common';
import { lockForTransaction } from '@haven/database';
import { InboxService, OutboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccountStateEntity } from '../accounts-sync/account-state.entity';
import { AvailabilityService } from '../availability/availability.service';
import { BookingConfig } from '../config/booking.config';
import { CounselorEntity } from '../directory-sync/counselor.entity';
import { OfferingEntity } from '../directory-sync/offering.entity';
import { HoldsService } from '../payments/holds.service';
import { PaymentEntity } from '../payments/payment.entity';
import { RazorpayPayments } from '../payments/razorpay/razorpay-payments';
import { RefundEntity } from '../payments/refund.entity';
import { RefundsService } from '../payments/refunds.service';
import { BookingQueue } from '../jobs/booking-queue';
import { SlotsService } from '../slots/slots.service';
import { bookingForActor, isExclusionViolation, requireRelation, slotTaken } from './booking-access';
import { BookingEntity } from './booking.entity';
import { bookingListPage, readBookingListFilter } from './booking-list';
import { cancelRefusal, refundOnCancel, rescheduleRefusal } from './booking-rules';
import { bookingSnapshot } from './booking-snapshot';
import { type BookingViewExtras, toBookingView } from './booking.view';
import { lockCounselorCalendar, overlapsActiveBooking } from './calendar-lock';
import { newMeetingUrl } from './meeting-link';

const MINUTE_MS = 60_000;

/**
 * Booking a slot, paying for it, seeing, cancelling and rescheduling bookings. Double booking is
 * impossible by construction: the exclusion constraint on blocking bookings decides every race
 * (its violation is 409); every state change is a guarded UPDATE on the expected status.
 */
@Injectable()
export class BookingsService {
  private readonly logger = new Logger(BookingsService.name);

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly slots: SlotsService,
    private readonly availability: AvailabilityService,
    private readonly razorpay: RazorpayPayments,
    private readonly holds: HoldsService,
    private readonly refunds: RefundsService,
    private readonly outbox: OutboxService,
    private readonly inbox: InboxService,
    private readonly queue: BookingQueue,
    private readonly config: BookingConfig,
  ) {}

  async create(actor: Actor, input: CreateBookingRequest, now = new Date()): Promise<BookingView> {
    const startsAt = parseInstant(input.startsAt, 'startsAt');
    const listed = isUuid(input.offeringId)
      ? await this.dataSource.manager.findOneBy(OfferingEntity, { id: input.offeringId })
      : null;
    if (!listed) throw DomainError.notFound('offering_not_found');
    if (listed.counselorId === actor.userId) {
      throw DomainError.unprocessable('own_offering', 'You cannot book your own offering');
    }
    const { counselorId, offering } = await this.slots.bookableOffering(listed.counselorId, listed.id);
    const paid = offering.pricePaise > 0;

    let booking: BookingEntity;
    try {
      booking = await this.dataSource.transaction(async (manager) => {
        // One client's holds are counted and made one at a time.
        await lockForTransaction(manager, { schema: 'booking', subject: 'client-bookings', id: actor.userId });
        if (paid) await this.checkHoldLimit(manager, actor.userId);
        else await this.checkFreeLimit(manager, actor.userId);
        await lockCounselorCalendar(manager, counselorId);
        if (!(await this.slots.isBookable(manager, counselorId, offering, startsAt, now, { ignoreBookings: true }))) {
          throw DomainError.unprocessable('not_an_open_slot', 'startsAt is not an open slot of this offering');
        }
        const [rules, counselor] = await Promise.all([
          this.availability.getMany([counselorId], manager),
          manager.findOneBy(CounselorEntity, { counselorId }),
        ]);
        const endsAt = new Date(startsAt.getTime() + offering.durationMinutes * MINUTE_MS);
        const bufferMinutes = rules.get(counselorId)!.bufferMinutes;
        const blockedUntil = new Date(endsAt.getTime() + bufferMinutes * MINUTE_MS);
        if (await overlapsActiveBooking(manager, counselorId, startsAt, blockedUntil)) throw slotTaken();
        const draft = manager.create(BookingEntity, {
          clientId: actor.userId,
          counselorId,
          offeringId: offering.id,
          offeringTitle: offering.title,
          counselorName: counselor?.displayName ?? '',
          mode: offering.mode,
          startsAt,
          endsAt,
          bufferMinutes,
          pricePaise: offering.pricePaise,
          currency: 'INR',
          status: paid ? 'pending_payment' : 'confirmed',
          expiresAt: paid ? new Date(now.getTime() + this.config.BOOKING_HOLD_TTL_SECONDS * 1_000) : null,
          meetingUrl: paid ? null : newMeetingUrl(this.config.MEETING_BASE_URL),
          confirmedAt: paid ? null : now,
        });
        await manager.insert(BookingEntity, draft);
        const created = await manager.findOneByOrFail(BookingEntity, { id: draft.id });
        if (!paid) {
          await this.outbox.add(manager, BookingEvents.confirmed, {
            ...bookingSnapshot(created),
            meetingUrl: created.meetingUrl!,
          });
        }
        return created;
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      throw error;
    }
    if (paid) booking = await this.openOrder(booking);
    return this.view(booking);
  }

  async list(actor: Actor, input: ListBookingsRequest): Promise<Page<BookingView>> {
    const errors = new FieldErrors();
    const role = input.role ?? 'client';
    if (role !== 'client' && role !== 'counselor') errors.add('role', 'must be client or counselor');
    if (role === 'counselor' && !actor.roles.includes('counselor')) {
      throw DomainError.forbidden('Only counselors have bookings as counselor');
    }
    const filter = readBookingListFilter(input, errors);
    const [rows, total] = await bookingListPage(
      this.dataSource.manager
        .createQueryBuilder(BookingEntity, 'booking')
        .where(role === 'client' ? 'booking.client_id = :me' : 'booking.counselor_id = :me', { me: actor.userId }),
      filter,
    );
    const refunds = rows.length
      ? await this.dataSource.manager.findBy(RefundEntity, { bookingId: In(rows.map((row) => row.id)) })
      : [];
    const refundOf = new Map(refunds.map((refund) => [refund.bookingId, refund]));
    return {
      items: rows.map((row) => toBookingView(row, { ...this.viewExtras(), refund: refundOf.get(row.id) })),
      total,
      page: filter.page,
      limit: filter.limit,
    };
  }

  async get(actor: Actor, id: string): Promise<BookingView> {
    const { booking } = await bookingForActor(this.dataSource.manager, id, actor);
    return this.view(booking);
  }

  /** The Checkout result: its signature is checked against the order id we stored, never the one sent. */
  async verifyPayment(actor: Actor, input: VerifyPaymentRequest): Promise<BookingView> {
    const { booking, relation } = await bookingForActor(this.dataSource.manager, input.id, actor);
    requireRelation(relation, ['client'], 'pay for it');
    if (!booking.razorpayOrderId) throw DomainError.unprocessable('not_payable', 'This booking has nothing to pay');
    const valid =
      input.razorpayOrderId === booking.razorpayOrderId &&
      typeof input.razorpayPaymentId === 'string' &&
      /^pay_[A-Za-z0-9]+$/.test(input.razorpayPaymentId) &&
      this.razorpay.verifyCheckoutSignature({
        orderId: booking.razorpayOrderId,
        paymentId: input.razorpayPaymentId,
        signature: input.razorpaySignature,
      });
    if (!valid) {
      throw DomainError.invalid('invalid_signature', 'The payment signature does not match this booking');
    }
    const updated = await this.holds.applyCapture({
      razorpayOrderId: booking.razorpayOrderId,
      razorpayPaymentId: input.razorpayPaymentId,
      amountPaise: booking.pricePaise,
      capturedAt: new Date(),
    });
    return this.view(updated ?? booking);
  }

  async cancel(actor: Actor, input: CancelBookingRequest, now = new Date()): Promise<BookingView> {
    const reason = cancelReason(input.reason);
    const { booking, refundId } = await this.dataSource.transaction(async (manager) => {
      const { booking, relation } = await bookingForActor(manager, input.id, actor, { lock: true });
      const refusal = cancelRefusal(booking, relation, now);
      if (refusal) throw DomainError.unprocessable('cannot_cancel', refusal);
      return this.cancelIn(manager, booking, relation, reason, now);
    });
    if (refundId) await this.refunds.submit(refundId);
    return this.view(booking);
  }

  /**
   * A suspended counselor's future sessions are cancelled and refunded in full (product.md); their
   * unpaid holds are dropped. Applied once per event (inbox).
   */
  async cancelForSuspension(event: EventEnvelope<CounselorStatusChange>, now = new Date()): Promise<void> {
    let refundIds: string[] = [];
    await this.inbox.process(event, 'booking.suspension-cancellations', async (manager) => {
      refundIds = await this.cancelFutureIn(
        manager,
        'booking.counselor_id = :userId',
        event.data.counselorId,
        'The counselor was suspended',
        now,
      );
    });
    for (const refundId of refundIds) await this.refunds.submit(refundId);
  }

  /**
   * A deactivated account keeps no sessions: every future booking where the user is the client or
   * the counselor is cancelled as by an admin (full refund, both parties told through
   * `booking.cancelled`), and unpaid holds are dropped. Only while the deactivation is the account's
   * latest state: a stale event that arrives after a reactivation cancels nothing.
   */
  async cancelForDeactivation(event: EventEnvelope<UserUpdatedData>, now = new Date()): Promise<void> {
    const { userId, rightsVersion } = event.data;
    let refundIds: string[] = [];
    await this.inbox.process(event, 'booking.deactivation-cancellations', async (manager) => {
      const current = await manager.findOneBy(AccountStateEntity, { userId });
      if (!current || current.active || current.rightsVersion !== rightsVersion) return;
      refundIds = await this.cancelFutureIn(
        manager,
        '(booking.client_id = :userId OR booking.counselor_id = :userId)',
        userId,
        'The account was deactivated',
        now,
      );
    });
    for (const refundId of refundIds) await this.refunds.submit(refundId);
  }

  async reschedule(actor: Actor, input: RescheduleBookingRequest, now = new Date()): Promise<BookingView> {
    const startsAt = parseInstant(input.startsAt, 'startsAt');
    try {
      const booking = await this.dataSource.transaction(async (manager) => {
        const { booking, relation } = await bookingForActor(manager, input.id, actor, { lock: true });
        requireRelation(relation, ['client'], 'reschedule it');
        const refusal = rescheduleRefusal(booking, this.config.bookingPolicy, now);
        if (refusal) throw DomainError.unprocessable('cannot_reschedule', refusal);
        const offering = await manager.findOneByOrFail(OfferingEntity, { id: booking.offeringId });
        await lockCounselorCalendar(manager, booking.counselorId);
        const bookable = await this.slots.isBookable(manager, booking.counselorId, offering, startsAt, now, {
          ignoreBookings: true,
        });
        if (!bookable)
          throw DomainError.unprocessable('not_an_open_slot', 'startsAt is not an open slot of this offering');
        const endsAt = new Date(startsAt.getTime() + (booking.endsAt.getTime() - booking.startsAt.getTime()));
        const blockedUntil = new Date(endsAt.getTime() + booking.bufferMinutes * MINUTE_MS);
        if (await overlapsActiveBooking(manager, booking.counselorId, startsAt, blockedUntil, booking.id)) {
          throw slotTaken();
        }
        await manager.query(
          `UPDATE "booking"."bookings"
              SET "starts_at" = $2, "ends_at" = $3, "rescheduled_from" = "starts_at", "updated_at" = now()
            WHERE "id" = $1 AND "status" = 'confirmed' AND "rescheduled_from" IS NULL`,
          [booking.id, startsAt, endsAt],
        );
        const moved = await manager.findOneByOrFail(BookingEntity, { id: booking.id });
        await this.outbox.add(manager, BookingEvents.rescheduled, {
          ...bookingSnapshot(moved),
          previousStartsAt: booking.startsAt.toISOString(),
          previousEndsAt: booking.endsAt.toISOString(),
          meetingUrl: moved.meetingUrl ?? '',
        });
        return moved;
      });
      return this.view(booking);
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      throw error;
    }
  }

  /** Cancels (as admin, so in full) every future pending or confirmed booking matching `where`; returns refunds to submit. */
  private async cancelFutureIn(
    manager: EntityManager,
    where: string,
    userId: string,
    reason: string,
    now: Date,
  ): Promise<string[]> {
    const future = await manager
      .createQueryBuilder(BookingEntity, 'booking')
      .setLock('pessimistic_write')
      .where(where, { userId })
      .andWhere('booking.status IN (:...statuses)', { statuses: ['pending_payment', 'confirmed'] })
      .andWhere('booking.starts_at > :now', { now })
      .orderBy('booking.starts_at', 'ASC')
      .getMany();
    const refundIds: string[] = [];
    for (const booking of future) {
      const { refundId } = await this.cancelIn(manager, booking, 'admin', reason, now);
      if (refundId) refundIds.push(refundId);
    }
    return refundIds;
  }

  /** The cancellation itself, on a locked booking the caller may cancel: refund by policy, event. */
  private async cancelIn(
    manager: EntityManager,
    booking: BookingEntity,
    cancelledBy: CancelledBy,
    reason: string | null,
    now: Date,
  ): Promise<{ booking: BookingEntity; refundId?: string }> {
    const payment = await manager.findOne(PaymentEntity, {
      where: { bookingId: booking.id },
      order: { capturedAt: 'ASC' },
    });
    const { amountPaise } = refundOnCancel({
      paidPaise: payment?.amountPaise ?? 0,
      startsAt: booking.startsAt,
      now,
      cancelledBy,
      policy: this.config.bookingPolicy,
    });
    await manager.query(
      `UPDATE "booking"."bookings"
          SET "status" = 'cancelled', "cancelled_by" = $3, "cancel_reason" = $4, "cancelled_at" = $5, "updated_at" = now()
        WHERE "id" = $1 AND "status" = $2`,
      [booking.id, booking.status, cancelledBy, reason, now],
    );
    const cancelled = await manager.findOneByOrFail(BookingEntity, { id: booking.id });
    const refund =
      payment && amountPaise > 0
        ? await this.refunds.decide(manager, cancelled, payment, amountPaise, `cancelled by ${cancelledBy}`)
        : null;
    await this.outbox.add(manager, BookingEvents.cancelled, {
      ...bookingSnapshot(cancelled, payment?.amountPaise ?? 0),
      cancelledBy,
      reason,
      refund: refund ? { refundId: refund.id, amountPaise: refund.amountPaise, status: refund.status } : null,
    });
    return { booking: cancelled, refundId: refund?.id };
  }

  async view(booking: BookingEntity): Promise<BookingView> {
    const refund = await this.dataSource.manager.findOneBy(RefundEntity, { bookingId: booking.id });
    return toBookingView(booking, { ...this.viewExtras(), refund });
  }

  private viewExtras(): BookingViewExtras {
    return {
      keyId: this.razorpay.keyId,
      sandboxCheckoutUrl: this.razorpay.sandboxCheckoutUrl,
      policy: this.config.bookingPolicy,
    };
  }

  /**
   * The Razorpay order of a new hold. If Razorpay cannot be reached the hold is withdrawn (it could
   * never be paid) and the client is told to try again (503).
   */
  private async openOrder(booking: BookingEntity): Promise<BookingEntity> {
    try {
      const order = await this.razorpay.createOrder({
        amount: booking.pricePaise,
        receipt: booking.id,
        notes: { booking_id: booking.id },
      });
      await this.dataSource.query(`UPDATE "booking"."bookings" SET "razorpay_order_id" = $2 WHERE "id" = $1`, [
        booking.id,
        order.id,
      ]);
    } catch (error) {
      this.logger.warn({ bookingId: booking.id, error: (error as Error).message }, 'no Razorpay order; hold withdrawn');
      await this.dataSource.query(
        `DELETE FROM "booking"."bookings" WHERE "id" = $1 AND "status" = 'pending_payment' AND "razorpay_order_id" IS NULL`,
        [booking.id],
      );
      throw DomainError.unavailable('payments_unavailable', 'Payments are unavailable right now; try again shortly');
    }
    this.queue.scheduleExpiry(booking.id, booking.expiresAt!);
    return this.dataSource.manager.findOneByOrFail(BookingEntity, { id: booking.id });
  }

  private async checkHoldLimit(manager: EntityManager, clientId: string): Promise<void> {
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) FROM "booking"."bookings"
        WHERE "client_id" = $1 AND "status" = 'pending_payment' AND "expires_at" > now()`,
      [clientId],
    );
    if (Number(count) >= this.config.BOOKING_MAX_PENDING_HOLDS) {
      throw DomainError.unprocessable(
        'too_many_holds',
        `At most ${this.config.BOOKING_MAX_PENDING_HOLDS} unpaid holds at once; pay for or cancel one first`,
      );
    }
  }

  private async checkFreeLimit(manager: EntityManager, clientId: string): Promise<void> {
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) FROM "booking"."bookings"
        WHERE "client_id" = $1 AND "price_paise" = 0 AND "status" = 'confirmed' AND "ends_at" > now()`,
      [clientId],
    );
    if (Number(count) > 0) {
      throw DomainError.unprocessable('second_free_booking', 'You already have an upcoming free session');
    }
  }
}

/** A client's or counselor's reason for cancelling: trimmed, blank meaning none. */
function cancelReason(value: unknown): string | null {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length > BOOKING_LIMITS.maxCancelReasonLength) {
    throw DomainError.invalidField('reason', `must be at most ${BOOKING_LIMITS.maxCancelReasonLength} characters`);
  }
  return reason || null;
}
