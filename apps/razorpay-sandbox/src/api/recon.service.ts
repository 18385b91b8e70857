import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SANDBOX_SCHEMA } from '../store/schema';
import { collection } from './entity-views';
import { reconPeriod } from './recon-period';
import type { ReconQuery } from './request-validation';

interface ReconSourceRow {
  entity_id: string;
  type: 'payment' | 'refund';
  amount: string;
  currency: string;
  fee: string | null;
  tax: string | null;
  notes: Record<string, unknown>;
  payment_id: string | null;
  order_id: string;
  order_receipt: string | null;
  method: string;
  at: Date;
  settlement_id: string | null;
  settled_at: Date | null;
  settlement_utr: string | null;
}

/**
 * GET /v1/settlements/recon/combined: one row per captured payment (credit = amount − fee) and per
 * refund (debit = amount) of the IST day or month, oldest first, with the settlement that paid it
 * out once there is one (POST /sandbox/settlements).
 */
@Injectable()
export class ReconService {
  constructor(@InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource) {}

  async combined(query: ReconQuery) {
    const { start, end } = reconPeriod(query);
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT p."id" AS entity_id, 'payment' AS type, p."amount", p."currency", p."fee", p."tax", p."notes",
                NULL AS payment_id, p."order_id", o."receipt" AS order_receipt, p."method", p."captured_at" AS at,
                p."settlement_id"
           FROM "razorpay_sandbox"."payments" p JOIN "razorpay_sandbox"."orders" o ON o."id" = p."order_id"
          WHERE p."captured_at" >= $1 AND p."captured_at" < $2
         UNION ALL
         SELECT r."id", 'refund', r."amount", r."currency", 0, 0, r."notes",
                r."payment_id", p."order_id", o."receipt", p."method", r."created_at", r."settlement_id"
           FROM "razorpay_sandbox"."refunds" r
           JOIN "razorpay_sandbox"."payments" p ON p."id" = r."payment_id"
           JOIN "razorpay_sandbox"."orders" o ON o."id" = p."order_id"
          WHERE r."created_at" >= $1 AND r."created_at" < $2
       ) rows
       LEFT JOIN (SELECT "id", "created_at" AS settled_at, "utr" AS settlement_utr FROM "razorpay_sandbox"."settlements") s
              ON s."id" = rows.settlement_id
       ORDER BY at, entity_id
       OFFSET $3 LIMIT $4`,
      [start, end, query.skip, query.count],
    )) as ReconSourceRow[];
    return collection(rows.map(reconRow));
  }
}

function reconRow(row: ReconSourceRow) {
  const amount = Number(row.amount);
  const fee = Number(row.fee ?? 0);
  const isPayment = row.type === 'payment';
  return {
    entity_id: row.entity_id,
    type: row.type,
    debit: isPayment ? 0 : amount,
    credit: isPayment ? amount - fee : 0,
    amount,
    currency: row.currency,
    fee,
    tax: Number(row.tax ?? 0),
    on_hold: false,
    settled: row.settlement_id !== null,
    created_at: Math.floor(row.at.getTime() / 1000),
    settled_at: row.settled_at === null ? null : Math.floor(row.settled_at.getTime() / 1000),
    settlement_id: row.settlement_id,
    posted_at: null,
    credit_type: 'default',
    description: null,
    notes: Object.keys(row.notes).length === 0 ? [] : row.notes,
    payment_id: row.payment_id,
    settlement_utr: row.settlement_utr,
    order_id: row.order_id,
    order_receipt: row.order_receipt,
    method: row.method,
    card_network: row.method === 'card' ? 'Visa' : null,
    card_issuer: row.method === 'card' ? 'HDFC' : null,
    card_type: row.method === 'card' ? 'credit' : null,
    dispute_id: null,
  };
}
