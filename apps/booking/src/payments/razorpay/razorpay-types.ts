import type { Orders } from 'razorpay/dist/types/orders';
import type { Payments } from 'razorpay/dist/types/payments';
import type { Refunds } from 'razorpay/dist/types/refunds';
import type { Settlements } from 'razorpay/dist/types/settlements';

/**
 * Razorpay's entities as the API sends them: the SDK's types, corrected where they disagree with
 * the wire (`refund_status` is JSON null, not the string 'null'; empty `notes` arrive as `[]`).
 */
export type RazorpayNotes = Record<string, string | number> | [];

export type RazorpayOrder = Omit<Orders.RazorpayOrder, 'notes'> & { notes: RazorpayNotes };

export type RazorpayPayment = Omit<Payments.RazorpayPayment, 'refund_status' | 'notes'> & {
  refund_status: 'partial' | 'full' | null;
  notes: RazorpayNotes;
};

export type RazorpayRefund = Omit<Refunds.RazorpayRefund, 'notes'> & { notes: RazorpayNotes };

export type RazorpaySettlement = Settlements.RazorpaySettlement;

/** One row of the combined recon report (`GET /v1/settlements/recon/combined`). */
export type RazorpayReconRow = Settlements.RazorpaySettlementRecon;

/** Razorpay's list answers. */
export interface RazorpayCollection<T> {
  entity: 'collection';
  count: number;
  items: T[];
}

export type RazorpayWebhookEventName =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'order.paid'
  | 'refund.created'
  | 'refund.processed'
  | 'refund.failed'
  | 'settlement.processed';

/** The webhook envelope (the SDK has no type for it). `contains` lists the keys present in `payload`. */
export interface RazorpayWebhookEvent {
  entity: 'event';
  account_id: string;
  event: RazorpayWebhookEventName | (string & {});
  contains: string[];
  payload: {
    payment?: { entity: RazorpayPayment };
    order?: { entity: RazorpayOrder };
    refund?: { entity: RazorpayRefund };
    settlement?: { entity: RazorpaySettlement };
  };
  created_at: number;
}

/**
 * Reads a webhook body (after its signature was checked). Throws a TypeError naming the problem
 * when the JSON is not an event envelope.
 */
export function parseWebhookEvent(rawBody: Buffer | string): RazorpayWebhookEvent {
  const value = JSON.parse(rawBody.toString()) as Partial<RazorpayWebhookEvent> | null;
  if (typeof value !== 'object' || value === null || value.entity !== 'event') {
    throw new TypeError('not a Razorpay event: entity must be "event"');
  }
  if (typeof value.event !== 'string') throw new TypeError('not a Razorpay event: event is missing');
  if (!Array.isArray(value.contains)) throw new TypeError('not a Razorpay event: contains is missing');
  if (typeof value.payload !== 'object' || value.payload === null) {
    throw new TypeError('not a Razorpay event: payload is missing');
  }
  for (const key of value.contains) {
    const wrapped = (value.payload as Record<string, { entity?: unknown } | undefined>)[key];
    if (typeof wrapped?.entity !== 'object' || wrapped.entity === null) {
      throw new TypeError(`not a Razorpay event: payload.${key}.entity is missing`);
    }
  }
  return value as RazorpayWebhookEvent;
}
