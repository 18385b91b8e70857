import { commissionOf } from '../../ledger/postings';

/** What a counselor's month holds before the policy is applied. */
export interface CounselorMonth {
  /** Captured payments of bookings with the counselor in the month. */
  grossPaise: number;
  /** Refunds decided in the month (pending or processed), whichever month their payment was in. */
  refundsPaise: number;
  /** Payouts recorded for the month. */
  paidOutPaise: number;
}

export interface PayoutFigures extends CounselorMonth {
  commissionPaise: number;
  netPaise: number;
  /** What may still be paid out for the month (never below zero). */
  owedPaise: number;
}

/**
 * The commission policy of product.md over one counselor's month:
 * `commission = round((gross − refunds) × rate)`, `net payable = gross − refunds − commission`.
 */
export function payoutFigures(month: CounselorMonth, commissionPercent: number): PayoutFigures {
  const kept = month.grossPaise - month.refundsPaise;
  const commissionPaise = commissionOf(kept, commissionPercent);
  const netPaise = kept - commissionPaise;
  return { ...month, commissionPaise, netPaise, owedPaise: Math.max(0, netPaise - month.paidOutPaise) };
}

/** Why a payout of `amountPaise` may not be recorded, or null when it may. */
export function payoutRefusal(figures: PayoutFigures, amountPaise: number): string | null {
  if (amountPaise > figures.owedPaise) {
    return `The payout of ${amountPaise} paise is more than the ${figures.owedPaise} paise still owed for the period`;
  }
  return null;
}
