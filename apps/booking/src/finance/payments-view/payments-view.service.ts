import {
  FINANCE_PAYMENT_STATUSES,
  type FinancePaymentStatus,
  type FinancePaymentView,
  type FinanceRefundView,
  type ListFinancePaymentsRequest,
  type ListFinanceRefundsRequest,
  type Page,
  type RefundStatus,
} from '@haven/contracts';
import { FieldErrors } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readListFilter } from '../finance-list-filter';
import { SqlFilter } from '../sql-filter';

const REFUND_STATUSES: readonly RefundStatus[] = ['pending', 'processed', 'failed'];

/** A captured payment's status from what Razorpay has refunded of it. */
const PAYMENT_STATUS_SQL = `CASE WHEN p."refunded_paise" = 0 THEN 'captured'
  WHEN p."refunded_paise" < p."amount_paise" THEN 'partially_refunded' ELSE 'refunded' END`;

interface PaymentRow {
  id: string;
  booking_id: string;
  counselor_id: string;
  client_id: string;
  razorpay_order_id: string;
  razorpay_payment_id: string;
  amount_paise: string;
  status: FinancePaymentStatus;
  captured_at: Date;
  refunded_paise: string;
  refund_pending_paise: string;
  total: string;
}

interface RefundRow {
  id: string;
  booking_id: string;
  payment_id: string;
  counselor_id: string;
  razorpay_payment_id: string;
  razorpay_refund_id: string | null;
  amount_paise: string;
  status: RefundStatus;
  reason: string;
  created_at: Date;
  processed_at: Date | null;
  total: string;
}

/** Finance's lists of captured payments and refunds, newest first, by period, status and counselor. */
@Injectable()
export class PaymentsViewService {
  constructor(@InjectDataSource('booking') private readonly dataSource: DataSource) {}

  async payments(input: ListFinancePaymentsRequest): Promise<Page<FinancePaymentView>> {
    const errors = new FieldErrors();
    const status = errors.oneOf(input.status, 'status', FINANCE_PAYMENT_STATUSES);
    const { page, limit, from, to, counselorId } = readListFilter(input, errors);
    const filter = new SqlFilter();
    filter.range('p."captured_at"', from, to);
    if (status !== undefined) filter.equals(`(${PAYMENT_STATUS_SQL})`, status);
    if (counselorId !== undefined) filter.equals('b."counselor_id"', counselorId);
    const rows: PaymentRow[] = await this.dataSource.query(
      `SELECT p."id", p."booking_id", b."counselor_id", b."client_id", p."razorpay_order_id", p."razorpay_payment_id",
              p."amount_paise", ${PAYMENT_STATUS_SQL} AS "status", p."captured_at", p."refunded_paise",
              COALESCE((SELECT sum(r."amount_paise") FROM "booking"."refunds" r
                         WHERE r."payment_id" = p."id" AND r."status" = 'pending'), 0) AS "refund_pending_paise",
              count(*) OVER () AS "total"
         FROM "booking"."payments" p JOIN "booking"."bookings" b ON b."id" = p."booking_id"
        ${filter.where()}
        ORDER BY p."captured_at" DESC, p."id"
        LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
      filter.params,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        bookingId: row.booking_id,
        counselorId: row.counselor_id,
        clientId: row.client_id,
        razorpayOrderId: row.razorpay_order_id,
        razorpayPaymentId: row.razorpay_payment_id,
        amountPaise: Number(row.amount_paise),
        currency: 'INR',
        status: row.status,
        capturedAt: row.captured_at.toISOString(),
        refundedPaise: Number(row.refunded_paise),
        refundPendingPaise: Number(row.refund_pending_paise),
      })),
      total: await this.totalOf(rows, filter, 'payments'),
      page,
      limit,
    };
  }

  async refunds(input: ListFinanceRefundsRequest): Promise<Page<FinanceRefundView>> {
    const errors = new FieldErrors();
    const status = errors.oneOf(input.status, 'status', REFUND_STATUSES);
    const { page, limit, from, to, counselorId } = readListFilter(input, errors);
    const filter = new SqlFilter();
    filter.range('r."created_at"', from, to);
    if (status !== undefined) filter.equals('r."status"', status);
    if (counselorId !== undefined) filter.equals('b."counselor_id"', counselorId);
    const rows: RefundRow[] = await this.dataSource.query(
      `SELECT r."id", r."booking_id", r."payment_id", b."counselor_id", p."razorpay_payment_id", r."razorpay_refund_id",
              r."amount_paise", r."status", r."reason", r."created_at", r."processed_at", count(*) OVER () AS "total"
         FROM "booking"."refunds" r
         JOIN "booking"."payments" p ON p."id" = r."payment_id"
         JOIN "booking"."bookings" b ON b."id" = r."booking_id"
        ${filter.where()}
        ORDER BY r."created_at" DESC, r."id"
        LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
      filter.params,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        bookingId: row.booking_id,
        paymentId: row.payment_id,
        counselorId: row.counselor_id,
        razorpayPaymentId: row.razorpay_payment_id,
        razorpayRefundId: row.razorpay_refund_id,
        amountPaise: Number(row.amount_paise),
        currency: 'INR',
        status: row.status,
        reason: row.reason,
        createdAt: row.created_at.toISOString(),
        processedAt: row.processed_at?.toISOString() ?? null,
      })),
      total: await this.totalOf(rows, filter, 'refunds'),
      page,
      limit,
    };
  }

  /** The window count rides on each row; a page past the end has none, so count apart. */
  private async totalOf(rows: { total: string }[], filter: SqlFilter, what: 'payments' | 'refunds'): Promise<number> {
    if (rows.length > 0) return Number(rows[0].total);
    const from =
      what === 'payments'
        ? `"booking"."payments" p JOIN "booking"."bookings" b ON b."id" = p."booking_id"`
        : `"booking"."refunds" r JOIN "booking"."bookings" b ON b."id" = r."booking_id"`;
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${from} ${filter.where()}`,
      filter.params,
    );
    return n;
  }
}
