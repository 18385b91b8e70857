import type { RazorpayWebhookRequest } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type CaptureOutcome, capturedPayment, HoldsService } from './holds.service';
import { RazorpayPayments } from './razorpay/razorpay-payments';
import { parseWebhookEvent, type RazorpayWebhookEvent } from './razorpay/razorpay-types';
import { RefundsService } from './refunds.service';

const EVENT_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** The sweep leaves fresh events to the immediate processing that follows their intake. */
const SWEEP_AFTER_MS = 3_000;
const SWEEP_BATCH = 100;

/**
 * Razorpay webhooks: checked against the webhook secret, stored by event id (a repeat is stored
 * once), answered, then acted on in one transaction with the row marked processed, so an event
 * acts once however often it arrives; what fails is retried by the sweep.
 */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly razorpay: RazorpayPayments,
    private readonly holds: HoldsService,
    private readonly refunds: RefundsService,
  ) {}

  async intake(request: RazorpayWebhookRequest): Promise<{ received: true }> {
    const raw = Buffer.from(typeof request.rawBodyBase64 === 'string' ? request.rawBodyBase64 : '', 'base64');
    if (!this.razorpay.verifyWebhookSignature(raw, request.signature)) {
      throw DomainError.invalid('invalid_signature', 'X-Razorpay-Signature does not match the body');
    }
    if (typeof request.eventId !== 'string' || !EVENT_ID.test(request.eventId)) {
      throw DomainError.invalidField('x-razorpay-event-id', 'header is required');
    }
    let event: RazorpayWebhookEvent;
    try {
      event = parseWebhookEvent(raw);
    } catch (error) {
      throw DomainError.validation((error as Error).message);
    }
    await this.dataSource.query(
      `INSERT INTO "booking"."razorpay_webhook_events" ("event_id", "event", "payload")
       VALUES ($1, $2, $3) ON CONFLICT ("event_id") DO NOTHING`,
      [request.eventId, event.event, event],
    );
    const eventId = request.eventId;
    setImmediate(() => void this.process(eventId));
    return { received: true };
  }

  /** Acts on one stored event unless it was already acted on (or another replica is at it). */
  async process(eventId: string): Promise<void> {
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const rows: { payload: RazorpayWebhookEvent }[] = await manager.query(
          `SELECT "payload" FROM "booking"."razorpay_webhook_events"
            WHERE "event_id" = $1 AND "processed_at" IS NULL FOR UPDATE SKIP LOCKED`,
          [eventId],
        );
        if (rows.length === 0) return undefined;
        const outcome = await this.act(manager, rows[0].payload);
        await manager.query(
          `UPDATE "booking"."razorpay_webhook_events" SET "processed_at" = now(), "attempts" = "attempts" + 1
            WHERE "event_id" = $1`,
          [eventId],
        );
        return outcome;
      });
      if (outcome) await this.holds.afterCommit(outcome);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn({ eventId, error: message }, 'webhook event not processed; the sweep retries it');
      await this.dataSource
        .query(
          `UPDATE "booking"."razorpay_webhook_events" SET "attempts" = "attempts" + 1, "last_error" = $2
            WHERE "event_id" = $1`,
          [eventId, message],
        )
        .catch(() => undefined);
    }
  }

  /** Sweep: stored events that were not acted on (a crash after storing, or a failure). */
  async processPending(): Promise<void> {
    const rows: { event_id: string }[] = await this.dataSource.query(
      `SELECT "event_id" FROM "booking"."razorpay_webhook_events"
        WHERE "processed_at" IS NULL AND "received_at" < now() - make_interval(secs => $1)
        ORDER BY "received_at" LIMIT ${SWEEP_BATCH}`,
      [SWEEP_AFTER_MS / 1000],
    );
    for (const row of rows) await this.process(row.event_id);
  }

  private async act(manager: EntityManager, event: RazorpayWebhookEvent): Promise<CaptureOutcome> {
    const none: CaptureOutcome = { booking: null, refundIds: [] };
    const payment = event.payload.payment?.entity;
    switch (event.event) {
      case 'payment.captured':
      case 'order.paid':
        if (payment?.status === 'captured' && payment.order_id) {
          return this.holds.applyCaptureIn(manager, capturedPayment(payment));
        }
        return none;
      case 'payment.failed':
        if (payment) await this.holds.recordFailureIn(manager, payment);
        return none;
      case 'refund.processed':
      case 'refund.failed':
        if (event.payload.refund) await this.refunds.applyRazorpayRefund(event.payload.refund.entity, manager);
        return none;
      default:
        return none;
    }
  }
}
