import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Posting } from './postings';

/** What a transaction is about: a booking's payment or refund, or a counselor's payout. */
export interface LedgerReferences {
  bookingId?: string;
  paymentId?: string;
  refundId?: string;
  payoutId?: string;
}

/** Writes one balanced transaction of postings (see `postings.ts`) in the caller's transaction. */
@Injectable()
export class LedgerService {
  async post(manager: EntityManager, postings: Posting[], refs: LedgerReferences, memo: string): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error('ledger postings need the state change’s transaction');
    const transactionId = randomUUID();
    for (const posting of postings) {
      await manager.query(
        `INSERT INTO "booking"."ledger_entries"
           ("transaction_id", "account", "debit_paise", "credit_paise", "booking_id", "payment_id", "refund_id", "payout_id", "memo")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          transactionId,
          posting.account,
          posting.debitPaise,
          posting.creditPaise,
          refs.bookingId ?? null,
          refs.paymentId ?? null,
          refs.refundId ?? null,
          refs.payoutId ?? null,
          memo,
        ],
      );
    }
  }
}
