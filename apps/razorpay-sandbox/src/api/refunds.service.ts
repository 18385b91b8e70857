import { isUniqueViolation } from '@haven/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import type { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { RazorpaySandboxConfig } from '../config/razorpay-sandbox.config';
import { PaymentRow, RefundRow } from '../store/entities';
import { newRazorpayId } from '../store/razorpay-ids';
import { SANDBOX_SCHEMA } from '../store/schema';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { collection, paymentView, refundView } from './entity-views';
import { createdWithin } from './created-within';
import { invalidInput, unknownId } from './razorpay-api-error';
import type { ListQuery, RefundCreateRequest } from './request-validation';

@Injectable()
export class RefundsService {
  constructor(
    @InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource,
    @InjectRepository(RefundRow, SANDBOX_SCHEMA) private readonly refunds: Repository<RefundRow>,
    private readonly config: RazorpaySandboxConfig,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /**
   * POST /v1/payments/:id/refund. Full (no amount) or partial, at least ₹1 and at most what is
   * left; starts `pending`. With an idempotency key the same request returns the first refund and
   * a different request under the same key is refused.
   */
  async create(paymentId: string, request: RefundCreateRequest, idempotencyKey: string | null) {
    const fingerprint = JSON.stringify([paymentId, request.amount, request.speed, request.notes, request.receipt]);
    try {
      return await this.createOnce(paymentId, request, idempotencyKey, fingerprint);
    } catch (error) {
      // A concurrent request with the same key won the insert: answer with its refund.
      if (idempotencyKey !== null && isUniqueViolation(error)) {
        return this.createOnce(paymentId, request, idempotencyKey, fingerprint);
      }
      throw error;
    }
  }

  async fetch(id: string) {
    return refundView(await this.find({ id }));
  }

  async fetchForPayment(paymentId: string, refundId: string) {
    return refundView(await this.find({ id: refundId, paymentId }));
  }

  async list(query: ListQuery, paymentId: string | null) {
    const where: FindOptionsWhere<RefundRow> = { ...createdWithin(query) };
    if (paymentId !== null) where.paymentId = paymentId;
    const refunds = await this.refunds.find({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.skip,
      take: query.count,
    });
    return collection(refunds.map(refundView));
  }

  async forPayment(paymentId: string, query: ListQuery) {
    if (!(await this.dataSource.getRepository(PaymentRow).existsBy({ id: paymentId }))) throw unknownId();
    return this.list(query, paymentId);
  }

  /**
   * Plants a discrepancy for reconciliation tests: the sandbox forgets the refund (API and recon)
   * and gives the payment its amount back, with no webhook; webhooks already sent stay sent.
   */
  async forget(refundId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const refund = await manager.findOne(RefundRow, { where: { id: refundId }, lock: { mode: 'pessimistic_write' } });
      if (!refund) throw unknownId();
      const payment = await manager.findOne(PaymentRow, {
        where: { id: refund.paymentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (payment) {
        payment.amountRefunded -= refund.amount;
        payment.refundStatus = payment.amountRefunded === 0 ? null : 'partial';
        if (payment.status === 'refunded') payment.status = 'captured';
        await manager.save(payment);
      }
      await manager.delete(RefundRow, { id: refund.id });
    });
  }

  /** Moves refunds whose processing time has come to `processed`, each with its refund.processed webhook. */
  async processDueRefunds(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(RefundRow, 'refund')
        .where('refund.status = :pending AND refund.processAt <= now()', { pending: 'pending' })
        .orderBy('refund.processAt')
        .limit(20)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const refund of due) {
        Object.assign(refund, {
          status: 'processed',
          processedAt: new Date(),
          speedProcessed: 'normal',
          arn: String(randomInt(10 ** 11, 10 ** 12)),
        });
        await manager.save(refund);
        const payment = await manager.findOneByOrFail(PaymentRow, { id: refund.paymentId });
        await this.webhooks.enqueue(manager, [
          { event: 'refund.processed', entities: { refund: refundView(refund), payment: paymentView(payment) } },
        ]);
      }
      return due.length;
    });
  }

  private async createOnce(
    paymentId: string,
    request: RefundCreateRequest,
    idempotencyKey: string | null,
    fingerprint: string,
  ) {
    return this.dataSource.transaction(async (manager) => {
      // The payment's lock first: two requests with the same key at once then run one after the other,
      // and the second finds the first's refund (instead of a payment it sees as fully refunded).
      const payment = await manager.findOne(PaymentRow, {
        where: { id: paymentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (idempotencyKey !== null) {
        const earlier = await manager.findOneBy(RefundRow, { idempotencyKey });
        if (earlier) {
          if (earlier.requestFingerprint !== fingerprint) {
            throw invalidInput('Different request with the same idempotency key', 'X-Refund-Idempotency');
          }
          return refundView(earlier);
        }
      }
      if (!payment) throw unknownId();
      if (payment.status === 'refunded') throw invalidInput('The payment has been fully refunded already');
      if (payment.status !== 'captured') throw invalidInput('Only captured payments can be refunded');
      const remaining = payment.amount - payment.amountRefunded;
      const amount = request.amount ?? remaining;
      if (amount < 100) throw invalidInput('The amount must be at least INR 1.00', 'amount');
      if (amount > remaining) {
        throw invalidInput(
          'The refund amount provided is greater than amount captured that is left to refund',
          'amount',
        );
      }
      const now = new Date();
      const refund = manager.create(RefundRow, {
        id: newRazorpayId('rfnd'),
        paymentId,
        amount,
        currency: payment.currency,
        notes: request.notes,
        receipt: request.receipt,
        status: 'pending',
        speedRequested: request.speed,
        speedProcessed: null,
        arn: null,
        idempotencyKey,
        requestFingerprint: idempotencyKey === null ? null : fingerprint,
        createdAt: now,
        processAt: new Date(now.getTime() + this.config.RAZORPAY_SANDBOX_REFUND_PROCESSING_MS),
        processedAt: null,
        settlementId: null,
      });
      payment.amountRefunded += amount;
      payment.refundStatus = payment.amountRefunded === payment.amount ? 'full' : 'partial';
      if (payment.refundStatus === 'full') payment.status = 'refunded';
      await manager.save(refund);
      await manager.save(payment);
      await this.webhooks.enqueue(manager, [
        { event: 'refund.created', entities: { refund: refundView(refund), payment: paymentView(payment) } },
      ]);
      return refundView(refund);
    });
  }

  private async find(where: FindOptionsWhere<RefundRow>): Promise<RefundRow> {
    const refund = await this.refunds.findOneBy(where);
    if (!refund) throw unknownId();
    return refund;
  }
}
