import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { RazorpaySandboxConfig } from '../config/razorpay-sandbox.config';
import { OrderRow, PaymentRow } from '../store/entities';
import { paymentFee } from '../store/fees';
import { newRazorpayId } from '../store/razorpay-ids';
import { SANDBOX_SCHEMA } from '../store/schema';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { signCheckoutResult } from '../webhooks/webhook-schedule';
import { createdWithin } from './created-within';
import { collection, orderView, paymentView } from './entity-views';
import { invalidInput, unknownId } from './razorpay-api-error';
import type { ListQuery } from './request-validation';

export type PayOutcome = 'success' | 'failure';
export type PayMethod = 'upi' | 'card';

/** What Checkout hands the browser after a failed attempt (its `payment.failed` callback argument). */
export interface CheckoutFailure {
  error: {
    code: string;
    description: string;
    source: string;
    step: string;
    reason: string;
    metadata: { order_id: string; payment_id: string };
  };
}

export interface CheckoutSuccess {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
}

const SANDBOX_CUSTOMER = { email: 'customer@sandbox.razorpay.test', contact: '+919000090000' };

@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource,
    @InjectRepository(PaymentRow, SANDBOX_SCHEMA) private readonly payments: Repository<PaymentRow>,
    private readonly config: RazorpaySandboxConfig,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async fetch(id: string) {
    return paymentView(await this.find(id));
  }

  async list(query: ListQuery) {
    const payments = await this.payments.find({
      where: createdWithin(query),
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.skip,
      take: query.count,
    });
    return collection(payments.map(paymentView));
  }

  /**
   * A customer's attempt through Checkout. Orders auto-capture, so success is authorised and
   * captured at once and the order is paid; the webhooks Razorpay sends follow.
   */
  async pay(orderId: string, outcome: PayOutcome, method: PayMethod): Promise<CheckoutSuccess | CheckoutFailure> {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.findOne(OrderRow, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw unknownId();
      if (order.status === 'paid') throw invalidInput('Order has already been paid');
      const now = new Date();
      const payment = manager.create(PaymentRow, {
        id: newRazorpayId('pay'),
        orderId: order.id,
        amount: order.amount - order.amountPaid,
        currency: order.currency,
        status: 'authorized',
        method,
        captured: false,
        amountRefunded: 0,
        refundStatus: null,
        fee: null,
        tax: null,
        ...SANDBOX_CUSTOMER,
        vpa: method === 'upi' ? `${outcome}@razorpay` : null,
        errorCode: null,
        errorDescription: null,
        errorSource: null,
        errorStep: null,
        errorReason: null,
        notes: order.notes,
        createdAt: now,
        capturedAt: null,
        settlementId: null,
      });
      order.attempts += 1;
      if (outcome === 'failure') return this.fail(manager, order, payment);

      const authorized = paymentView(payment);
      await this.capture(manager, order, payment, now);
      await this.webhooks.enqueue(manager, [
        { event: 'payment.authorized', entities: { payment: authorized } },
        { event: 'payment.captured', entities: { payment: paymentView(payment) } },
        { event: 'order.paid', entities: { payment: paymentView(payment), order: orderView(order) } },
      ]);
      return {
        razorpay_order_id: order.id,
        razorpay_payment_id: payment.id,
        razorpay_signature: signCheckoutResult(order.id, payment.id, this.config.RAZORPAY_KEY_SECRET),
      };
    });
  }

  /** POST /v1/payments/:id/capture: only an authorised payment, for exactly its amount. */
  async captureAuthorized(paymentId: string, amount: number) {
    return this.dataSource.transaction(async (manager) => {
      const payment = await manager.findOne(PaymentRow, {
        where: { id: paymentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!payment) throw unknownId();
      if (payment.captured) throw invalidInput('This payment has already been captured');
      if (payment.status !== 'authorized') {
        throw invalidInput('Only payments which have been authorized and not yet captured can be captured');
      }
      if (amount !== payment.amount)
        throw invalidInput('Capture amount must be equal to the amount authorized', 'amount');
      const order = await manager.findOne(OrderRow, {
        where: { id: payment.orderId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!order || order.status === 'paid') throw invalidInput('Order has already been paid');
      await this.capture(manager, order, payment, new Date());
      await this.webhooks.enqueue(manager, [
        { event: 'payment.captured', entities: { payment: paymentView(payment) } },
        { event: 'order.paid', entities: { payment: paymentView(payment), order: orderView(order) } },
      ]);
      return paymentView(payment);
    });
  }

  /**
   * Plants a discrepancy for reconciliation tests: the sandbox reports `amount` for the payment
   * from now on (API and recon), and no webhook says so.
   */
  async overrideRecordedAmount(paymentId: string, amount: number) {
    const payment = await this.find(paymentId);
    payment.amount = amount;
    if (payment.captured) Object.assign(payment, paymentFee(amount));
    return paymentView(await this.payments.save(payment));
  }

  private async capture(manager: EntityManager, order: OrderRow, payment: PaymentRow, at: Date): Promise<void> {
    Object.assign(payment, { status: 'captured', captured: true, capturedAt: at, ...paymentFee(payment.amount) });
    order.amountPaid += payment.amount;
    order.status = 'paid';
    await manager.save(payment);
    await manager.save(order);
  }

  private async fail(manager: EntityManager, order: OrderRow, payment: PaymentRow): Promise<CheckoutFailure> {
    Object.assign(payment, {
      status: 'failed',
      errorCode: 'BAD_REQUEST_ERROR',
      errorDescription: 'Payment failed because the bank declined it (sandbox).',
      errorSource: 'bank',
      errorStep: 'payment_authorization',
      errorReason: 'payment_failed',
    });
    if (order.status === 'created') order.status = 'attempted';
    await manager.save(payment);
    await manager.save(order);
    await this.webhooks.enqueue(manager, [{ event: 'payment.failed', entities: { payment: paymentView(payment) } }]);
    return {
      error: {
        code: payment.errorCode!,
        description: payment.errorDescription!,
        source: payment.errorSource!,
        step: payment.errorStep!,
        reason: payment.errorReason!,
        metadata: { order_id: order.id, payment_id: payment.id },
      },
    };
  }

  private async find(id: string): Promise<PaymentRow> {
    const payment = await this.payments.findOneBy({ id });
    if (!payment) throw unknownId();
    return payment;
  }
}
