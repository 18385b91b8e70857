import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RazorpaySandboxConfig } from '../config/razorpay-sandbox.config';
import { FaultsService } from '../sandbox/faults.service';
import { newRazorpayId } from '../store/razorpay-ids';
import { unixSeconds } from '../api/entity-views';
import { shuffledOrder, signWebhookBody } from './webhook-schedule';

export type WebhookEventName =
  | 'payment.authorized'
  | 'payment.captured'
  | 'payment.failed'
  | 'order.paid'
  | 'refund.created'
  | 'refund.processed'
  | 'settlement.processed';

export interface WebhookEvent {
  event: WebhookEventName;
  /** Entity snapshots at the time of the event, keyed as in the envelope: payment, order, refund, settlement. */
  entities: Partial<Record<'payment' | 'order' | 'refund' | 'settlement', object>>;
}

/** The account the sandbox's events claim to come from. */
export const SANDBOX_ACCOUNT_ID = 'acc_HavenSandbox0001';
const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Queues the webhooks of one state change in the same transaction as the change, with Razorpay's
 * envelope, signed once (every retry sends the same bytes and id), and the injected webhook
 * faults applied: extra copies, a delay, a shuffled order, or recorded as dropped.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly config: RazorpaySandboxConfig,
    private readonly faults: FaultsService,
  ) {}

  async enqueue(manager: EntityManager, events: WebhookEvent[]): Promise<void> {
    const faults = await this.faults.current(manager);
    const now = new Date();
    const deliveries: string[] = [];
    for (const { event, entities } of events) {
      const id = newRazorpayId('evt');
      const contains = Object.keys(entities);
      const payload = Object.fromEntries(Object.entries(entities).map(([key, entity]) => [key, { entity }]));
      const body = JSON.stringify({
        entity: 'event',
        account_id: SANDBOX_ACCOUNT_ID,
        event,
        contains,
        payload,
        created_at: unixSeconds(now),
      });
      await manager.query(
        `INSERT INTO "razorpay_sandbox"."webhook_events" ("id", "event", "body", "signature", "created_at")
         VALUES ($1, $2, $3, $4, $5)`,
        [id, event, body, signWebhookBody(body, this.config.RAZORPAY_WEBHOOK_SECRET), now],
      );
      for (let copy = 0; copy <= faults.webhookDuplicates; copy += 1) deliveries.push(id);
    }
    const ordered = faults.webhookShuffle ? shuffledOrder(deliveries) : deliveries;
    for (const eventId of ordered) {
      await manager.query(
        `INSERT INTO "razorpay_sandbox"."webhook_deliveries"
           ("event_id", "url", "status", "next_attempt_at", "give_up_at", "created_at")
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          eventId,
          this.config.webhookUrl,
          faults.webhookDrop ? 'dropped' : 'pending',
          new Date(now.getTime() + faults.webhookDelayMs),
          new Date(now.getTime() + DELIVERY_WINDOW_MS),
          now,
        ],
      );
    }
  }
}
