import { BookingEvents } from '@haven/contracts';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { BookingEntity } from '../bookings/booking.entity';
import { bookingSnapshot } from '../bookings/booking-snapshot';
import { BookingConfig } from '../config/booking.config';
import { LedgerService } from '../ledger/ledger.service';
import { type LedgerAccount, refundPostings, refundProcessedPostings, reversalOf } from '../ledger/postings';
import { PaymentEntity } from './payment.entity';
import { RazorpayRequestError } from './razorpay/razorpay-errors';
import { RazorpayPayments } from './razorpay/razorpay-payments';
import type { RazorpayRefund } from './razorpay/razorpay-types';
import { RefundEntity } from './refund.entity';

/** A refund sent to Razorpay is asked about again after this long without news. */
const POLL_AFTER_MS = 2_000;
const BATCH = 50;

/**
 * Refunds, from decision to Razorpay's final word. Deciding writes the row and the ledger in the
 * caller's transaction; sending happens after commit (and again from the sweep while Razorpay is
 * down), always with the row id as Razorpay's idempotency key, so a retry never refunds twice.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly razorpay: RazorpayPayments,
    private readonly outbox: OutboxService,
    private readonly ledger: LedgerService,
    private readonly config: BookingConfig,
  ) {}

  async decide(
    manager: EntityManager,
    booking: BookingEntity,
    payment: PaymentEntity,
    amountPaise: number,
    reason: string,
  ): Promise<RefundEntity> {
    const refund = manager.create(RefundEntity, {
      bookingId: booking.id,
      paymentId: payment.id,
      amountPaise,
      status: 'pending',
      reason,
      attempts: 0,
    });
    await manager.insert(RefundEntity, refund);
    await this.ledger.post(
      manager,
      refundPostings(payment.amountPaise, payment.refundedPaise, amountPaise, this.config.PLATFORM_COMMISSION_PERCENT),
      { bookingId: booking.id, paymentId: payment.id, refundId: refund.id },
      `refund decided: ${reason}`,
    );
    return refund;
  }

  /** Sends a pending refund to Razorpay; failures to reach it are left for the sweep to retry. */
  async submit(refundId: string): Promise<void> {
    const refund = await this.dataSource.manager.findOneBy(RefundEntity, { id: refundId });
    if (!refund || refund.status !== 'pending' || refund.razorpayRefundId) return;
    const payment = await this.dataSource.manager.findOneByOrFail(PaymentEntity, { id: refund.paymentId });
    try {
      const sent = await this.razorpay.refundPayment(payment.razorpayPaymentId, {
        idempotencyKey: refund.id,
        amount: refund.amountPaise,
        notes: { refund_id: refund.id, booking_id: refund.bookingId },
      });
      await this.dataSource.query(
        `UPDATE "booking"."refunds" SET "razorpay_refund_id" = $2, "attempts" = "attempts" + 1, "last_error" = NULL, "updated_at" = now()
         WHERE "id" = $1 AND "razorpay_refund_id" IS NULL`,
        [refund.id, sent.id],
      );
      if (sent.status !== 'pending') await this.applyRazorpayRefund(sent);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof RazorpayRequestError) {
        await this.dataSource.transaction((manager) => this.markFailed(manager, refund.id, message));
      } else {
        await this.dataSource.query(
          `UPDATE "booking"."refunds" SET "attempts" = "attempts" + 1, "last_error" = $2, "updated_at" = now() WHERE "id" = $1`,
          [refund.id, message],
        );
      }
      this.logger.warn({ refundId: refund.id, bookingId: refund.bookingId, error: message }, 'refund not sent');
    }
  }

  /** Razorpay's view of one of our refunds (webhook or poll): processed and failed are final. */
  async applyRazorpayRefund(refund: RazorpayRefund, manager?: EntityManager): Promise<void> {
    if (refund.status !== 'processed' && refund.status !== 'failed') return;
    const apply = async (tx: EntityManager) => {
      const ours = await this.findOurs(tx, refund);
      if (!ours) {
        this.logger.warn({ razorpayRefundId: refund.id }, 'Razorpay refund that is not ours; ignored');
        return;
      }
      if (refund.status === 'processed') {
        await this.markProcessed(tx, ours.id, refund.id, new Date(Number(refund.created_at) * 1000));
      } else {
        await this.markFailed(tx, ours.id, 'Razorpay could not process the refund', refund.id);
      }
    };
    if (manager) await apply(manager);
    else await this.dataSource.transaction(apply);
  }

  /** Sweep: send what never reached Razorpay, ask about what it has not answered. */
  async retryAndPoll(): Promise<void> {
    const manager = this.dataSource.manager;
    const unsent = await manager.find(RefundEntity, {
      where: { status: 'pending', razorpayRefundId: IsNull() },
      order: { createdAt: 'ASC' },
      take: BATCH,
    });
    for (const refund of unsent) await this.submit(refund.id);
    const waiting = await manager.find(RefundEntity, {
      where: {
        status: 'pending',
        razorpayRefundId: Not(IsNull()),
        updatedAt: LessThan(new Date(Date.now() - POLL_AFTER_MS)),
      },
      order: { updatedAt: 'ASC' },
      take: BATCH,
    });
    for (const refund of waiting) {
      try {
        await this.applyRazorpayRefund(await this.razorpay.fetchRefund(refund.razorpayRefundId!));
        await manager.query(
          `UPDATE "booking"."refunds" SET "updated_at" = now() WHERE "id" = $1 AND "status" = 'pending'`,
          [refund.id],
        );
      } catch (error) {
        this.logger.warn({ refundId: refund.id, error: (error as Error).message }, 'refund status not fetched');
      }
    }
  }

  private async findOurs(manager: EntityManager, refund: RazorpayRefund): Promise<RefundEntity | null> {
    const notes = Array.isArray(refund.notes) ? {} : refund.notes;
    const ourId = typeof notes.refund_id === 'string' ? notes.refund_id : undefined;
    if (ourId && /^[0-9a-f-]{36}$/.test(ourId)) {
      const byId = await manager.findOneBy(RefundEntity, { id: ourId });
      if (byId) return byId;
    }
    return manager.findOneBy(RefundEntity, { razorpayRefundId: refund.id });
  }

  private async markProcessed(
    manager: EntityManager,
    refundId: string,
    razorpayRefundId: string,
    processedAt: Date,
  ): Promise<void> {
    const [rows]: [RefundRow[]] = await manager.query(
      `UPDATE "booking"."refunds"
          SET "status" = 'processed', "processed_at" = $3, "updated_at" = now(),
              "razorpay_refund_id" = COALESCE("razorpay_refund_id", $2)
        WHERE "id" = $1 AND "status" = 'pending'
        RETURNING "booking_id", "payment_id", "amount_paise"`,
      [refundId, razorpayRefundId, processedAt],
    );
    if (rows.length === 0) return;
    const [row] = rows;
    const amountPaise = Number(row.amount_paise);
    await manager.query(`UPDATE "booking"."payments" SET "refunded_paise" = "refunded_paise" + $2 WHERE "id" = $1`, [
      row.payment_id,
      amountPaise,
    ]);
    await this.ledger.post(
      manager,
      refundProcessedPostings(amountPaise),
      { bookingId: row.booking_id, paymentId: row.payment_id, refundId },
      'refund processed by Razorpay',
    );
    const booking = await manager.findOneByOrFail(BookingEntity, { id: row.booking_id });
    const payment = await manager.findOneByOrFail(PaymentEntity, { id: row.payment_id });
    await this.outbox.add(manager, BookingEvents.refundProcessed, {
      ...bookingSnapshot(booking, payment.amountPaise),
      refundId,
      paymentId: payment.id,
      refundPaise: amountPaise,
      processedAt: processedAt.toISOString(),
    });
  }

  private async markFailed(
    manager: EntityManager,
    refundId: string,
    reason: string,
    razorpayRefundId?: string,
  ): Promise<void> {
    const [rows]: [RefundRow[]] = await manager.query(
      `UPDATE "booking"."refunds"
          SET "status" = 'failed', "last_error" = $2, "updated_at" = now(),
              "razorpay_refund_id" = COALESCE("razorpay_refund_id", $3)
        WHERE "id" = $1 AND "status" = 'pending'
        RETURNING "booking_id", "payment_id", "amount_paise"`,
      [refundId, reason, razorpayRefundId ?? null],
    );
    if (rows.length === 0) return;
    const [row] = rows;
    // The money never left Razorpay: the ledger takes back what the decision owed the client, so it
    // keeps equal to Razorpay's captures less its processed refunds (finance is told, and decides).
    const decided: { account: LedgerAccount; debit_paise: string; credit_paise: string }[] = await manager.query(
      `SELECT "account", "debit_paise", "credit_paise" FROM "booking"."ledger_entries" WHERE "refund_id" = $1 ORDER BY "id"`,
      [refundId],
    );
    await this.ledger.post(
      manager,
      reversalOf(
        decided.map((entry) => ({
          account: entry.account,
          debitPaise: Number(entry.debit_paise),
          creditPaise: Number(entry.credit_paise),
        })),
      ),
      { bookingId: row.booking_id, paymentId: row.payment_id, refundId },
      'refund failed: its decision reversed',
    );
    const booking = await manager.findOneByOrFail(BookingEntity, { id: row.booking_id });
    const payment = await manager.findOneByOrFail(PaymentEntity, { id: row.payment_id });
    await this.outbox.add(manager, BookingEvents.refundFailed, {
      ...bookingSnapshot(booking, payment.amountPaise),
      refundId,
      paymentId: payment.id,
      refundPaise: Number(row.amount_paise),
      reason,
      willRetry: false,
    });
    this.logger.error({ refundId, bookingId: row.booking_id, reason }, 'refund failed');
  }
}

interface RefundRow {
  booking_id: string;
  payment_id: string;
  amount_paise: string;
}
