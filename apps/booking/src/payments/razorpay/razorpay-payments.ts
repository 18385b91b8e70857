import Razorpay from 'razorpay';
import { toRazorpayError, RazorpayError } from './razorpay-errors';
import { verifyCheckoutSignature, verifyWebhookSignature } from './razorpay-signatures';
import type {
  RazorpayCollection,
  RazorpayOrder,
  RazorpayPayment,
  RazorpayReconRow,
  RazorpayRefund,
  RazorpaySettlement,
} from './razorpay-types';
import { type RetryPolicy, withRetries } from './retry';

export interface RazorpaySettings {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  /** Base URL of the API (the sandbox); undefined talks to Razorpay itself. */
  apiUrl?: string;
  /** Only with the sandbox: where a browser reaches its Checkout page (`…/sandbox/checkout/`). */
  sandboxCheckoutUrl?: string;
  /** Timeout of every HTTP call. */
  timeoutMs: number;
  /** Retries of the calls that are safe to repeat. */
  retry: RetryPolicy;
}

export interface ListOptions {
  from?: Date;
  to?: Date;
  count?: number;
  skip?: number;
}

/** The axios instance inside the SDK (undocumented `api.rq`; pinned SDK 2.9.8, checked by a unit test). */
export interface SdkHttp {
  defaults: { baseURL?: string; timeout?: number };
  post(url: string, data: unknown, config: { headers: Record<string, string> }): Promise<{ data: unknown }>;
}

export function sdkHttp(client: Razorpay): SdkHttp {
  const http = (client.api as unknown as { rq?: SdkHttp }).rq;
  if (!http?.defaults) throw new Error('razorpay SDK internals changed: api.rq is missing (expected SDK 2.9.8)');
  return http;
}

const ID = /^[a-z]+_[A-Za-z0-9]+$/;

/**
 * The one place that talks to Razorpay, through the official SDK. Every call has a timeout; calls
 * that are safe to repeat are retried with backoff on outages; failures are typed
 * (RazorpayRequestError / RazorpayAuthenticationError / RazorpayUnavailableError).
 *
 * Which calls are retried, and why:
 * - GETs: always safe.
 * - createOrder: Razorpay has no idempotency key for orders, and an attempt that timed out may have
 *   created one. So a retry first looks for an order with the same receipt (the caller's unique
 *   reference, required) and amount, and creates one only if there is none. Should that lookup
 *   miss an order created a moment earlier, the extra order is never shown to the customer (only the
 *   returned id is), so it cannot be paid: no money can move twice.
 * - refundPayment: sent with X-Refund-Idempotency (the SDK drops custom headers, so it goes
 *   through the SDK's own HTTP client with its auth); Razorpay returns the first refund for a
 *   repeated key, so a retry cannot refund twice.
 * - capturePayment: not retried; a repeat answers "already captured", which the caller must
 *   resolve by fetching the payment.
 */
export class RazorpayPayments {
  private readonly client: Razorpay;
  private readonly http: SdkHttp;

  constructor(private readonly settings: RazorpaySettings) {
    this.client = new Razorpay({ key_id: settings.keyId, key_secret: settings.keySecret });
    this.http = sdkHttp(this.client);
    if (settings.apiUrl) this.http.defaults.baseURL = settings.apiUrl;
    this.http.defaults.timeout = settings.timeoutMs;
  }

  /** The key id the browser's Checkout needs (never the secret). */
  get keyId(): string {
    return this.settings.keyId;
  }

  /** The sandbox's Checkout page base for browsers; undefined with Razorpay itself (checkout.js). */
  get sandboxCheckoutUrl(): string | undefined {
    return this.settings.sandboxCheckoutUrl;
  }

  verifyCheckoutSignature(result: { orderId: string; paymentId: string; signature: string | undefined }): boolean {
    return verifyCheckoutSignature(result, this.settings.keySecret);
  }

  verifyWebhookSignature(rawBody: Buffer | string, signature: string | undefined): boolean {
    return verifyWebhookSignature(rawBody, signature, this.settings.webhookSecret);
  }

  /** An INR order; `receipt` (≤ 40 characters, unique per order) makes retries safe. */
  async createOrder(request: {
    amount: number;
    receipt: string;
    notes?: Record<string, string>;
  }): Promise<RazorpayOrder> {
    let sent = false;
    return this.call(true, async () => {
      if (sent) {
        const existing = await this.findOrder(request.receipt, request.amount);
        if (existing) return existing;
      }
      sent = true;
      return (await this.client.orders.create({
        amount: request.amount,
        currency: 'INR',
        receipt: request.receipt,
        notes: request.notes ?? {},
      })) as unknown as RazorpayOrder;
    });
  }

  async fetchOrder(orderId: string): Promise<RazorpayOrder> {
    checkId(orderId);
    return this.call(true, async () => (await this.client.orders.fetch(orderId)) as unknown as RazorpayOrder);
  }

  /** Every attempt on the order: authorised, captured and failed payments. */
  async fetchOrderPayments(orderId: string): Promise<RazorpayCollection<RazorpayPayment>> {
    checkId(orderId);
    return this.call(
      true,
      async () => (await this.client.orders.fetchPayments(orderId)) as unknown as RazorpayCollection<RazorpayPayment>,
    );
  }

  async fetchPayment(paymentId: string): Promise<RazorpayPayment> {
    checkId(paymentId);
    return this.call(true, async () => (await this.client.payments.fetch(paymentId)) as unknown as RazorpayPayment);
  }

  async listPayments(options: ListOptions = {}): Promise<RazorpayCollection<RazorpayPayment>> {
    return this.call(
      true,
      async () =>
        (await this.client.payments.all(listQuery(options))) as unknown as RazorpayCollection<RazorpayPayment>,
    );
  }

  async capturePayment(paymentId: string, amount: number): Promise<RazorpayPayment> {
    checkId(paymentId);
    return this.call(
      false,
      async () => (await this.client.payments.capture(paymentId, amount, 'INR')) as unknown as RazorpayPayment,
    );
  }

  /**
   * A full (no amount) or partial refund. `idempotencyKey` (10+ of `[A-Za-z0-9_-]`, e.g. our refund
   * id) must be the same on every retry of one refund: Razorpay then returns that refund again.
   */
  async refundPayment(
    paymentId: string,
    request: {
      idempotencyKey: string;
      amount?: number;
      speed?: 'normal' | 'optimum';
      notes?: Record<string, string>;
      receipt?: string;
    },
  ): Promise<RazorpayRefund> {
    checkId(paymentId);
    const { idempotencyKey, ...body } = request;
    return this.call(true, async () => {
      const response = await this.http.post(`/v1/payments/${paymentId}/refund`, body, {
        headers: { 'X-Refund-Idempotency': idempotencyKey },
      });
      return response.data as RazorpayRefund;
    });
  }

  async fetchRefund(refundId: string): Promise<RazorpayRefund> {
    checkId(refundId);
    return this.call(true, async () => (await this.client.refunds.fetch(refundId)) as unknown as RazorpayRefund);
  }

  async listRefunds(options: ListOptions & { paymentId?: string } = {}): Promise<RazorpayCollection<RazorpayRefund>> {
    const { paymentId } = options;
    if (paymentId !== undefined) checkId(paymentId);
    return this.call(true, async () => {
      const refunds = paymentId
        ? await this.client.payments.fetchMultipleRefund(paymentId, listQuery(options))
        : await this.client.refunds.all(listQuery(options));
      return refunds as unknown as RazorpayCollection<RazorpayRefund>;
    });
  }

  /** Payments, refunds (and more, on real Razorpay) of one IST day or month, as Razorpay reports them. */
  async settlementRecon(query: {
    year: number;
    month: number;
    day?: number;
    count?: number;
    skip?: number;
  }): Promise<RazorpayCollection<RazorpayReconRow>> {
    return this.call(
      true,
      async () => (await this.client.settlements.reports(query)) as unknown as RazorpayCollection<RazorpayReconRow>,
    );
  }

  async fetchSettlement(settlementId: string): Promise<RazorpaySettlement> {
    checkId(settlementId);
    return this.call(true, async () => this.client.settlements.fetch(settlementId));
  }

  async listSettlements(options: ListOptions = {}): Promise<RazorpayCollection<RazorpaySettlement>> {
    return this.call(
      true,
      async () =>
        (await this.client.settlements.all(listQuery(options))) as unknown as RazorpayCollection<RazorpaySettlement>,
    );
  }

  private async findOrder(receipt: string, amount: number): Promise<RazorpayOrder | undefined> {
    const orders = (await this.client.orders.all({
      receipt,
      count: 100,
    })) as unknown as RazorpayCollection<RazorpayOrder>;
    return orders.items.find((order) => order.receipt === receipt && Number(order.amount) === amount);
  }

  private call<T>(retry: boolean, operation: () => Promise<T>): Promise<T> {
    return withRetries(
      async () => {
        try {
          return await operation();
        } catch (error) {
          throw toRazorpayError(error);
        }
      },
      retry ? this.settings.retry : { ...this.settings.retry, attempts: 1 },
      (error) => error instanceof RazorpayError && error.retryable,
    );
  }
}

function listQuery(options: ListOptions) {
  return {
    from: options.from ? Math.floor(options.from.getTime() / 1000) : undefined,
    to: options.to ? Math.floor(options.to.getTime() / 1000) : undefined,
    count: options.count,
    skip: options.skip,
  };
}

/** Ids go into URL paths: refuse anything but Razorpay's `prefix_alphanumerics`. */
function checkId(id: string): void {
  if (!ID.test(id)) throw new TypeError(`not a Razorpay id: ${JSON.stringify(id)}`);
}
