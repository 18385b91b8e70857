import {
  LEDGER_ACCOUNT_NAMES,
  type LedgerAccountName,
  type LedgerEntryView,
  type ListLedgerRequest,
  type Page,
} from '@haven/contracts';
import { FieldErrors } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { readListFilter } from '../finance-list-filter';
import { SqlFilter } from '../sql-filter';

interface LedgerRow {
  id: string;
  transaction_id: string;
  at: Date;
  account: LedgerAccountName;
  debit_paise: string;
  credit_paise: string;
  booking_id: string | null;
  payment_id: string | null;
  refund_id: string | null;
  payout_id: string | null;
  counselor_id: string | null;
  memo: string;
}

/**
 * Ledger entries in the order they were written (a transaction's entries together), by period and
 * account. A period cuts between transactions, never through one: all entries of a transaction
 * share its instant.
 */
@Injectable()
export class LedgerViewService {
  constructor(@InjectDataSource('booking') private readonly dataSource: DataSource) {}

  async list(input: ListLedgerRequest): Promise<Page<LedgerEntryView>> {
    const errors = new FieldErrors();
    const account = errors.oneOf(input.account, 'account', LEDGER_ACCOUNT_NAMES);
    const { page, limit, from, to } = readListFilter(input, errors);
    const filter = new SqlFilter().range('e."at"', from, to);
    if (account !== undefined) filter.equals('e."account"', account);
    const [rows, [{ total }]]: [LedgerRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT e."id", e."transaction_id", e."at", e."account", e."debit_paise", e."credit_paise", e."booking_id",
                e."payment_id", e."refund_id", e."payout_id", e."memo",
                COALESCE(b."counselor_id", po."counselor_id") AS "counselor_id"
           FROM "booking"."ledger_entries" e
           LEFT JOIN "booking"."bookings" b ON b."id" = e."booking_id"
           LEFT JOIN "booking"."payouts" po ON po."id" = e."payout_id"
          ${filter.where()}
          ORDER BY e."id"
          LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
        filter.params,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS "total" FROM "booking"."ledger_entries" e ${filter.where()}`,
        filter.params,
      ),
    ]);
    return { items: rows.map(toView), total, page, limit };
  }
}

function toView(row: LedgerRow): LedgerEntryView {
  return {
    id: row.id,
    transactionId: row.transaction_id,
    at: row.at.toISOString(),
    account: row.account,
    debitPaise: Number(row.debit_paise),
    creditPaise: Number(row.credit_paise),
    ...(row.booking_id ? { bookingId: row.booking_id } : {}),
    ...(row.payment_id ? { paymentId: row.payment_id } : {}),
    ...(row.refund_id ? { refundId: row.refund_id } : {}),
    ...(row.payout_id ? { payoutId: row.payout_id } : {}),
    ...(row.counselor_id ? { counselorId: row.counselor_id } : {}),
    memo: row.memo,
  };
}
