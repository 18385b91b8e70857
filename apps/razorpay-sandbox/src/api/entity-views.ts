import type { Notes, OrderRow, PaymentRow, RefundRow, SettlementRow } from '../store/entities';

/** Razorpay timestamps are Unix seconds. */
export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Razorpay serialises empty notes as `[]`, not `{}`. */
function notesView(notes: Notes): Notes | [] {
  return Object.keys(notes).length === 0 ? [] : notes;
}

export function orderView(order: OrderRow) {
  return {
    id: order.id,
    entity: 'order' as const,
    amount: order.amount,
    amount_paid: order.amountPaid,
    amount_due: order.amount - order.amountPaid,
    currency: order.currency,
    receipt: order.receipt,
    offer_id: null,
    status: order.status,
    attempts: order.attempts,
    notes: notesView(order.notes),
    created_at: unixSeconds(order.createdAt),
  };
}

export function paymentView(payment: PaymentRow) {
  return {
    id: payment.id,
    entity: 'payment' as const,
    amount: payment.amount,
    currency: payment.currency,
    status: payment.status,
    order_id: payment.orderId,
    invoice_id: null,
    international: false,
    method: payment.method,
    amount_refunded: payment.amountRefunded,
    refund_status: payment.refundStatus,
    captured: payment.captured,
    description: null,
    card_id: payment.method === 'card' ? `card_${payment.id.slice(4)}` : null,
    card: payment.method === 'card' ? sandboxCard(payment.id) : null,
    bank: null,
    wallet: null,
    vpa: payment.vpa,
    email: payment.email,
    contact: payment.contact,
    notes: notesView(payment.notes),
    fee: payment.fee,
    tax: payment.tax,
    error_code: payment.errorCode,
    error_description: payment.errorDescription,
    error_source: payment.errorSource,
    error_step: payment.errorStep,
    error_reason: payment.errorReason,
    acquirer_data: payment.status === 'failed' ? {} : { rrn: rrnOf(payment.id) },
    created_at: unixSeconds(payment.createdAt),
  };
}

export function refundView(refund: RefundRow) {
  return {
    id: refund.id,
    entity: 'refund' as const,
    amount: refund.amount,
    currency: refund.currency,
    payment_id: refund.paymentId,
    notes: notesView(refund.notes),
    receipt: refund.receipt,
    acquirer_data: { arn: refund.arn },
    created_at: unixSeconds(refund.createdAt),
    batch_id: null,
    status: refund.status,
    speed_processed: refund.speedProcessed,
    speed_requested: refund.speedRequested,
  };
}

export function settlementView(settlement: SettlementRow) {
  return {
    id: settlement.id,
    entity: 'settlement' as const,
    amount: settlement.amount,
    status: 'processed' as const,
    fees: 0,
    tax: 0,
    utr: settlement.utr,
    created_at: unixSeconds(settlement.createdAt),
  };
}

export function collection<T>(items: T[]) {
  return { entity: 'collection' as const, count: items.length, items };
}

/** The test card every sandbox card payment uses (Razorpay's documented Visa test card, last 4 only). */
function sandboxCard(paymentId: string) {
  return {
    id: `card_${paymentId.slice(4)}`,
    entity: 'card',
    name: 'Sandbox Customer',
    last4: '1007',
    network: 'Visa',
    type: 'credit',
    issuer: 'HDFC',
    international: false,
    emi: false,
  };
}

function rrnOf(paymentId: string): string {
  let digits = '';
  for (const char of paymentId.slice(4)) digits += (char.charCodeAt(0) % 10).toString();
  return digits.slice(0, 12);
}
