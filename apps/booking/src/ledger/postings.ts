/**
 * The booking service's double-entry ledger, in integer paise. Every money event is one
 * transaction of entries whose debits equal their credits.
 *
 * Accounts (what a balance means):
 * - `razorpay-clearing`   (asset)     money Razorpay holds for us: captures in, refunds out.
 * - `counselor-payable`   (liability) what we owe counselors: price less commission, less refunds.
 * - `platform-commission` (revenue)   the platform's share: round((gross − refunds) × rate).
 * - `refunds-payable`     (liability) refunds we owe clients that Razorpay has not yet processed.
 * - `bank`                (asset)     the platform's bank account, from which counselors are paid out
 *                                     (settlements into it are Razorpay's side: see reconciliation).
 *
 * Capture of P:        Dr razorpay-clearing P    / Cr counselor-payable P − c, Cr platform-commission c
 * Refund R decided:    Dr counselor-payable R − d, Dr platform-commission d / Cr refunds-payable R
 * Refund R processed:  Dr refunds-payable R      / Cr razorpay-clearing R
 * Refund R failed:     the decision reversed: Dr refunds-payable R / Cr counselor-payable R − d, Cr platform-commission d
 * Payout A recorded:   Dr counselor-payable A    / Cr bank A
 * where c = round(P × rate) and d = c − round((P − R) × rate), so commission always equals
 * round((gross − refunds) × rate) (product.md) and counselor-payable the net payable.
 */
export const LEDGER_ACCOUNTS = [
  'razorpay-clearing',
  'counselor-payable',
  'platform-commission',
  'refunds-payable',
  'bank',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export interface Posting {
  account: LedgerAccount;
  debitPaise: number;
  creditPaise: number;
}

/** Commission on what the platform keeps of `keptPaise`; `ratePercent` e.g. 20. */
export function commissionOf(keptPaise: number, ratePercent: number): number {
  return Math.round((keptPaise * ratePercent) / 100);
}

export function capturePostings(amountPaise: number, ratePercent: number): Posting[] {
  checkAmount(amountPaise);
  const commission = commissionOf(amountPaise, ratePercent);
  return balanced([
    debit('razorpay-clearing', amountPaise),
    credit('counselor-payable', amountPaise - commission),
    credit('platform-commission', commission),
  ]);
}

/** A refund of `refundPaise` decided on a payment of `paidPaise` of which `alreadyRefundedPaise` went back. */
export function refundPostings(
  paidPaise: number,
  alreadyRefundedPaise: number,
  refundPaise: number,
  ratePercent: number,
): Posting[] {
  checkAmount(refundPaise);
  if (alreadyRefundedPaise + refundPaise > paidPaise) {
    throw new RangeError(
      `refund ${refundPaise} exceeds what is left of ${paidPaise} (${alreadyRefundedPaise} refunded)`,
    );
  }
  const commissionBack =
    commissionOf(paidPaise - alreadyRefundedPaise, ratePercent) -
    commissionOf(paidPaise - alreadyRefundedPaise - refundPaise, ratePercent);
  return balanced([
    debit('counselor-payable', refundPaise - commissionBack),
    debit('platform-commission', commissionBack),
    credit('refunds-payable', refundPaise),
  ]);
}

/** Razorpay processed a refund: the money left the clearing account. */
export function refundProcessedPostings(refundPaise: number): Posting[] {
  checkAmount(refundPaise);
  return balanced([debit('refunds-payable', refundPaise), credit('razorpay-clearing', refundPaise)]);
}

/**
 * Undoes a transaction entry for entry (debits become credits): a refund Razorpay finally failed
 * was never paid out, so what its decision moved to refunds-payable goes back where it came from.
 */
export function reversalOf(postings: readonly Posting[]): Posting[] {
  if (postings.length === 0) throw new RangeError('nothing to reverse');
  return balanced(
    postings.map((posting) => ({ ...posting, debitPaise: posting.creditPaise, creditPaise: posting.debitPaise })),
  );
}

/** A payout to a counselor left the platform's bank account. */
export function payoutPostings(amountPaise: number): Posting[] {
  checkAmount(amountPaise);
  return balanced([debit('counselor-payable', amountPaise), credit('bank', amountPaise)]);
}

export function totals(postings: readonly Posting[]): { debitPaise: number; creditPaise: number } {
  return postings.reduce(
    (sum, posting) => ({
      debitPaise: sum.debitPaise + posting.debitPaise,
      creditPaise: sum.creditPaise + posting.creditPaise,
    }),
    { debitPaise: 0, creditPaise: 0 },
  );
}

function balanced(postings: Posting[]): Posting[] {
  const nonZero = postings.filter((posting) => posting.debitPaise !== 0 || posting.creditPaise !== 0);
  const sum = totals(nonZero);
  if (sum.debitPaise !== sum.creditPaise) {
    throw new Error(`unbalanced transaction: debits ${sum.debitPaise} ≠ credits ${sum.creditPaise}`);
  }
  return nonZero;
}

function debit(account: LedgerAccount, paise: number): Posting {
  return { account, debitPaise: paise, creditPaise: 0 };
}

function credit(account: LedgerAccount, paise: number): Posting {
  return { account, debitPaise: 0, creditPaise: paise };
}

function checkAmount(paise: number): void {
  if (!Number.isSafeInteger(paise) || paise <= 0) throw new RangeError(`amount must be a positive integer of paise`);
}
