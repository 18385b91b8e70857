import type { ReconciliationSummary, RefundStatus } from './booking.events';

/**
 * Finance's read models and requests (served by the booking service, which owns payments, refunds,
 * the ledger, payouts and reconciliation). Money is integer paise; instants are UTC ISO 8601.
 */

/** A captured payment's state as the ledger knows it: refunds move it along. */
export const FINANCE_PAYMENT_STATUSES = ['captured', 'partially_refunded', 'refunded'] as const;
export type FinancePaymentStatus = (typeof FINANCE_PAYMENT_STATUSES)[number];

export interface FinancePaymentView {
  id: string;
  bookingId: string;
  counselorId: string;
  clientId: string;
  razorpayOrderId: string;
  razorpayPaymentId: string;
  amountPaise: number;
  currency: 'INR';
  status: FinancePaymentStatus;
  capturedAt: string;
  /** Refunds Razorpay has processed. */
  refundedPaise: number;
  /** Refunds decided and not yet processed (or failed). */
  refundPendingPaise: number;
}

export interface FinanceRefundView {
  id: string;
  bookingId: string;
  paymentId: string;
  counselorId: string;
  razorpayPaymentId: string;
  razorpayRefundId: string | null;
  amountPaise: number;
  currency: 'INR';
  status: RefundStatus;
  reason: string;
  createdAt: string;
  processedAt: string | null;
}

export const LEDGER_ACCOUNT_NAMES = [
  'razorpay-clearing',
  'counselor-payable',
  'platform-commission',
  'refunds-payable',
  'bank',
] as const;
export type LedgerAccountName = (typeof LEDGER_ACCOUNT_NAMES)[number];

export interface LedgerEntryView {
  id: string;
  /** Entries of one transaction share it; their debits equal their credits. */
  transactionId: string;
  at: string;
  account: LedgerAccountName;
  debitPaise: number;
  creditPaise: number;
  bookingId?: string;
  paymentId?: string;
  refundId?: string;
  payoutId?: string;
  counselorId?: string;
  memo: string;
}

export interface ListFinancePaymentsRequest {
  /** Captured at or after this instant. */
  from?: string;
  /** Captured before this instant. */
  to?: string;
  status?: FinancePaymentStatus;
  counselorId?: string;
  page: number;
  limit: number;
}

export interface ListFinanceRefundsRequest {
  /** Decided at or after this instant. */
  from?: string;
  to?: string;
  status?: RefundStatus;
  counselorId?: string;
  page: number;
  limit: number;
}

export interface ListLedgerRequest {
  from?: string;
  to?: string;
  account?: LedgerAccountName;
  page: number;
  limit: number;
}

export const RECONCILIATION_STATUSES = ['running', 'done', 'failed'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export const RECONCILIATION_ITEM_KINDS = [
  'matched',
  'amountMismatch',
  'missingAtProvider',
  'missingInLedger',
  'statusMismatch',
] as const;
export type ReconciliationItemKind = (typeof RECONCILIATION_ITEM_KINDS)[number];

export interface ReconciliationItemView {
  kind: ReconciliationItemKind;
  /** `payment` or `refund`: what the item is about. */
  entity: 'payment' | 'refund';
  /** Razorpay's payment id (`pay_…`). */
  paymentId?: string;
  /** Razorpay's refund id (`rfnd_…`) when Razorpay gave one. */
  refundId?: string;
  bookingId?: string;
  /** Our own payment / refund ids, when the ledger has the item. */
  ledgerPaymentId?: string;
  ledgerRefundId?: string;
  ledgerPaise?: number;
  providerPaise?: number;
  ledgerStatus?: string;
  providerStatus?: string;
  /** The Razorpay settlement that paid it out, when there is one. */
  settlementId?: string;
  note: string;
}

export interface ReconciliationView {
  id: string;
  from: string;
  to: string;
  status: ReconciliationStatus;
  /** `manual` (finance started it) or `daily` (the 02:00 IST job). */
  trigger: 'manual' | 'daily';
  summary: ReconciliationSummary;
  /** One item per discrepancy (matches are in the CSV only). */
  items: ReconciliationItemView[];
  /** Why a `failed` run failed. */
  error?: string;
  createdAt: string;
  completedAt?: string;
}

export interface StartReconciliationRequest {
  from: string;
  to: string;
}

export interface ListReconciliationsRequest {
  page: number;
  limit: number;
}

/** The report as CSV: one row per match or discrepancy. */
export interface ReconciliationCsv {
  filename: string;
  csv: string;
}

/** A counselor's money for one month (IST): the commission policy of product.md applied to it. */
export interface PayoutView {
  counselorId: string;
  period: string;
  grossPaise: number;
  refundsPaise: number;
  commissionPaise: number;
  netPaise: number;
  paidOutPaise: number;
  /** net − paid out: what may still be paid. */
  owedPaise: number;
  /** Paid bookings captured in the period. */
  sessions: number;
}

export interface ListPayoutsRequest {
  period: string;
  counselorId?: string;
}

export interface RecordPayoutRequest {
  counselorId: string;
  period: string;
  amountPaise: number;
  /** The bank transfer's reference (UTR); recording the same reference again returns the first payout. */
  reference: string;
}

export interface RecordedPayoutView {
  id: string;
  counselorId: string;
  period: string;
  amountPaise: number;
  currency: 'INR';
  reference: string;
  recordedBy: string;
  createdAt: string;
}

export interface EarningsRequest {
  period: string;
}

export interface EarningsView {
  period: string;
  grossPaise: number;
  commissionPaise: number;
  refundsPaise: number;
  netPaise: number;
  paidOutPaise: number;
  sessions: number;
}
