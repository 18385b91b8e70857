import type { DataSource } from 'typeorm';
import type { InstantRange } from '../finance-period';
import type { LedgerPayment, LedgerRefund } from './reconciliation-matching';

const PAYMENTS_SQL = `
  SELECT p."id", p."booking_id", p."razorpay_payment_id", p."razorpay_order_id", COALESCE(l."paise", 0) AS "paise"
    FROM "booking"."payments" p
    LEFT JOIN LATERAL (
      SELECT sum(e."debit_paise") AS "paise" FROM "booking"."ledger_entries" e
       WHERE e."booking_id" = p."booking_id" AND e."payment_id" = p."id" AND e."refund_id" IS NULL
         AND e."account" = 'razorpay-clearing'
    ) l ON true`;

const REFUNDS_SQL = `
  SELECT r."id", r."payment_id", r."booking_id", p."razorpay_payment_id", r."razorpay_refund_id", r."status",
         r."last_error", COALESCE(l."paise", 0) AS "paise"
    FROM "booking"."refunds" r
    JOIN "booking"."payments" p ON p."id" = r."payment_id"
    LEFT JOIN LATERAL (
      SELECT sum(e."credit_paise") AS "paise" FROM "booking"."ledger_entries" e
       WHERE e."booking_id" = r."booking_id" AND e."refund_id" = r."id" AND e."account" = 'refunds-payable'
    ) l ON true`;

interface PaymentRow {
  id: string;
  booking_id: string;
  razorpay_payment_id: string;
  razorpay_order_id: string;
  paise: string;
}

interface RefundRow {
  id: string;
  payment_id: string;
  booking_id: string;
  razorpay_payment_id: string;
  razorpay_refund_id: string | null;
  status: LedgerRefund['status'];
  last_error: string | null;
  paise: string;
}

/**
 * The ledger's side of a reconciliation: payments captured and refunds decided in the period, each
 * with the amount its ledger transaction moved (not the amount column beside it).
 */
export class LedgerRecords {
  constructor(private readonly dataSource: DataSource) {}

  async paymentsIn(period: InstantRange): Promise<LedgerPayment[]> {
    const rows: PaymentRow[] = await this.dataSource.query(
      `${PAYMENTS_SQL} WHERE p."captured_at" >= $1 AND p."captured_at" < $2`,
      [period.from, period.to],
    );
    return rows.map(toPayment);
  }

  async refundsIn(period: InstantRange): Promise<LedgerRefund[]> {
    const rows: RefundRow[] = await this.dataSource.query(
      `${REFUNDS_SQL} WHERE r."created_at" >= $1 AND r."created_at" < $2`,
      [period.from, period.to],
    );
    return rows.map(toRefund);
  }

  /** Payments Razorpay reported that the ledger has outside the period (a capture near its edge). */
  async paymentsByRazorpayId(ids: string[]): Promise<LedgerPayment[]> {
    if (ids.length === 0) return [];
    const rows: PaymentRow[] = await this.dataSource.query(`${PAYMENTS_SQL} WHERE p."razorpay_payment_id" = ANY($1)`, [
      ids,
    ]);
    return rows.map(toPayment);
  }

  async refundsByRazorpayId(ids: string[]): Promise<LedgerRefund[]> {
    if (ids.length === 0) return [];
    const rows: RefundRow[] = await this.dataSource.query(`${REFUNDS_SQL} WHERE r."razorpay_refund_id" = ANY($1)`, [
      ids,
    ]);
    return rows.map(toRefund);
  }
}

function toPayment(row: PaymentRow): LedgerPayment {
  return {
    paymentId: row.id,
    bookingId: row.booking_id,
    razorpayPaymentId: row.razorpay_payment_id,
    razorpayOrderId: row.razorpay_order_id,
    amountPaise: Number(row.paise),
  };
}

function toRefund(row: RefundRow): LedgerRefund {
  return {
    refundId: row.id,
    paymentId: row.payment_id,
    bookingId: row.booking_id,
    razorpayPaymentId: row.razorpay_payment_id,
    razorpayRefundId: row.razorpay_refund_id,
    amountPaise: Number(row.paise),
    status: row.status,
    lastError: row.last_error,
  };
}
