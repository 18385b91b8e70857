import type { ReconciliationItemKind, ReconciliationSummary } from '@haven/contracts';

/** A captured payment as our ledger has it (the capture's debit to razorpay-clearing). */
export interface LedgerPayment {
  paymentId: string;
  bookingId: string;
  razorpayPaymentId: string;
  razorpayOrderId: string;
  amountPaise: number;
}

/** A refund as our ledger has it (the decision's credit to refunds-payable), with its state. */
export interface LedgerRefund {
  refundId: string;
  paymentId: string;
  bookingId: string;
  razorpayPaymentId: string;
  /** Null while Razorpay has not accepted it (down, or refused). */
  razorpayRefundId: string | null;
  amountPaise: number;
  status: 'pending' | 'processed' | 'failed';
  lastError: string | null;
}

/** A payment as Razorpay reports it (payments API, with the settlement recon row when there is one). */
export interface ProviderPayment {
  id: string;
  orderId: string | null;
  amountPaise: number;
  status: string;
  /** The amount in Razorpay's settlement recon report, when the payment is in it. */
  reconAmountPaise?: number;
  settlementId?: string | null;
}

export interface ProviderRefund {
  id: string;
  paymentId: string;
  amountPaise: number;
  status: string;
  reconAmountPaise?: number;
  settlementId?: string | null;
}

export interface ReconciliationItem {
  kind: ReconciliationItemKind;
  entity: 'payment' | 'refund';
  razorpayPaymentId: string | null;
  razorpayRefundId: string | null;
  bookingId: string | null;
  paymentId: string | null;
  refundId: string | null;
  ledgerPaise: number | null;
  providerPaise: number | null;
  ledgerStatus: string | null;
  providerStatus: string | null;
  settlementId: string | null;
  /** Razorpay's order of a payment missing in the ledger: how the platform may still pick it up. */
  razorpayOrderId?: string | null;
  note: string;
}

/** Razorpay statuses of a payment whose money was taken (a refund keeps it captured, or `refunded`). */
const TAKEN = new Set(['captured', 'refunded']);

/**
 * Matches the ledger's captured payments and refunds against Razorpay's records, one item per
 * payment and per refund on either side: `matched`, or the first discrepancy found in the order
 * missing → amount → status. Pure: the caller gathers both sides (including any record of the
 * other side's items that fell just outside the period).
 */
export function matchRecords(
  ledger: { payments: readonly LedgerPayment[]; refunds: readonly LedgerRefund[] },
  provider: { payments: readonly ProviderPayment[]; refunds: readonly ProviderRefund[] },
): ReconciliationItem[] {
  const items: ReconciliationItem[] = [];
  const providerPayments = new Map(provider.payments.map((payment) => [payment.id, payment]));
  const providerRefunds = new Map(provider.refunds.map((refund) => [refund.id, refund]));
  const ledgerPaymentIds = new Set<string>();
  const ledgerRefundIds = new Set<string>();

  for (const ours of ledger.payments) {
    ledgerPaymentIds.add(ours.razorpayPaymentId);
    items.push(matchPayment(ours, providerPayments.get(ours.razorpayPaymentId)));
  }
  for (const ours of ledger.refunds) {
    if (ours.razorpayRefundId) ledgerRefundIds.add(ours.razorpayRefundId);
    items.push(matchRefund(ours, ours.razorpayRefundId ? providerRefunds.get(ours.razorpayRefundId) : undefined));
  }
  for (const theirs of provider.payments) {
    if (ledgerPaymentIds.has(theirs.id) || !TAKEN.has(theirs.status)) continue;
    items.push({
      ...blank('missingInLedger', 'payment'),
      razorpayPaymentId: theirs.id,
      razorpayOrderId: theirs.orderId,
      providerPaise: theirs.amountPaise,
      providerStatus: theirs.status,
      settlementId: theirs.settlementId ?? null,
      note: `Razorpay captured it (order ${theirs.orderId ?? 'none'}); the ledger has no such payment`,
    });
  }
  for (const theirs of provider.refunds) {
    if (ledgerRefundIds.has(theirs.id) || theirs.status === 'failed') continue;
    items.push({
      ...blank('missingInLedger', 'refund'),
      razorpayPaymentId: theirs.paymentId,
      razorpayRefundId: theirs.id,
      providerPaise: theirs.amountPaise,
      providerStatus: theirs.status,
      settlementId: theirs.settlementId ?? null,
      note: 'Razorpay has this refund; the ledger has no such refund',
    });
  }
  return items;
}

function matchPayment(ours: LedgerPayment, theirs: ProviderPayment | undefined): ReconciliationItem {
  const item: ReconciliationItem = {
    ...blank('matched', 'payment'),
    razorpayPaymentId: ours.razorpayPaymentId,
    bookingId: ours.bookingId,
    paymentId: ours.paymentId,
    ledgerPaise: ours.amountPaise,
    ledgerStatus: 'captured',
  };
  if (!theirs) return { ...item, kind: 'missingAtProvider', note: 'Razorpay has no such payment' };
  Object.assign(item, {
    providerPaise: theirs.amountPaise,
    providerStatus: theirs.status,
    settlementId: theirs.settlementId ?? null,
  });
  if (theirs.amountPaise !== ours.amountPaise) {
    return { ...item, kind: 'amountMismatch', note: `Razorpay says ${theirs.amountPaise} paise` };
  }
  if (theirs.reconAmountPaise !== undefined && theirs.reconAmountPaise !== ours.amountPaise) {
    return {
      ...item,
      kind: 'amountMismatch',
      providerPaise: theirs.reconAmountPaise,
      note: `Razorpay's settlement report says ${theirs.reconAmountPaise} paise`,
    };
  }
  if (!TAKEN.has(theirs.status)) {
    return { ...item, kind: 'statusMismatch', note: `The ledger has it captured; Razorpay says ${theirs.status}` };
  }
  return { ...item, note: theirs.settlementId ? `settled in ${theirs.settlementId}` : 'not settled yet' };
}

function matchRefund(ours: LedgerRefund, theirs: ProviderRefund | undefined): ReconciliationItem {
  const item: ReconciliationItem = {
    ...blank('matched', 'refund'),
    razorpayPaymentId: ours.razorpayPaymentId,
    razorpayRefundId: ours.razorpayRefundId,
    bookingId: ours.bookingId,
    paymentId: ours.paymentId,
    refundId: ours.refundId,
    ledgerPaise: ours.amountPaise,
    ledgerStatus: ours.status,
  };
  if (!ours.razorpayRefundId) {
    const why = ours.lastError ? `: ${ours.lastError}` : '';
    return { ...item, kind: 'missingAtProvider', note: `Razorpay has not accepted this refund${why}` };
  }
  if (!theirs) return { ...item, kind: 'missingAtProvider', note: 'Razorpay has no such refund' };
  Object.assign(item, {
    providerPaise: theirs.amountPaise,
    providerStatus: theirs.status,
    settlementId: theirs.settlementId ?? null,
  });
  if (theirs.amountPaise !== ours.amountPaise) {
    return { ...item, kind: 'amountMismatch', note: `Razorpay says ${theirs.amountPaise} paise` };
  }
  if (theirs.reconAmountPaise !== undefined && theirs.reconAmountPaise !== ours.amountPaise) {
    return {
      ...item,
      kind: 'amountMismatch',
      providerPaise: theirs.reconAmountPaise,
      note: `Razorpay's settlement report says ${theirs.reconAmountPaise} paise`,
    };
  }
  if (theirs.status !== ours.status) {
    return {
      ...item,
      kind: 'statusMismatch',
      note: `The ledger has it ${ours.status}; Razorpay says ${theirs.status}`,
    };
  }
  return { ...item, note: theirs.settlementId ? `settled in ${theirs.settlementId}` : 'not settled yet' };
}

function blank(kind: ReconciliationItemKind, entity: 'payment' | 'refund'): ReconciliationItem {
  return {
    kind,
    entity,
    razorpayPaymentId: null,
    razorpayRefundId: null,
    bookingId: null,
    paymentId: null,
    refundId: null,
    ledgerPaise: null,
    providerPaise: null,
    ledgerStatus: null,
    providerStatus: null,
    settlementId: null,
    note: '',
  };
}

export function summarize(items: readonly ReconciliationItem[]): ReconciliationSummary {
  const summary: ReconciliationSummary = {
    matched: 0,
    amountMismatch: 0,
    missingAtProvider: 0,
    missingInLedger: 0,
    statusMismatch: 0,
  };
  for (const item of items) summary[item.kind] += 1;
  return summary;
}
