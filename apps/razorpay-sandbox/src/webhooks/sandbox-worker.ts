import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RazorpaySandboxConfig } from '../config/razorpay-sandbox.config';
import { RefundsService } from '../api/refunds.service';
import { SANDBOX_SCHEMA } from '../store/schema';
import { retryDelayMs } from './webhook-schedule';

/** Razorpay counts a delivery as failed when no 2xx arrives within 5 seconds. */
const DELIVERY_TIMEOUT_MS = 5_000;
const BATCH = 20;
/** A claimed delivery becomes due again after this long, should the process die while sending it. */
const CLAIM_LEASE = '30 seconds';

interface ClaimedDelivery {
  id: string;
  event_id: string;
  url: string;
  attempts: number;
  give_up_at: Date;
  event: string;
  body: string;
  signature: string;
}

/**
 * The sandbox's background work, polled from the database so it survives restarts and is shared
 * by replicas (SKIP LOCKED): refunds that are due move to `processed`, and due webhook deliveries
 * are sent; a failure is retried with exponential backoff until 24 h after the event.
 */
@Injectable()
export class SandboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SandboxWorker');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource,
    private readonly config: RazorpaySandboxConfig,
    private readonly refunds: RefundsService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Stops before the DataSource closes (that happens at application shutdown), letting a pass finish. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ msg: 'background pass failed', err: error }))
        .finally(() => this.schedule());
    }, this.config.RAZORPAY_SANDBOX_POLL_MS);
  }

  private async tick(): Promise<void> {
    await this.refunds.processDueRefunds();
    const claimed = await this.claimDue();
    for (const [index, delivery] of claimed.entries()) {
      if (this.stopped) return this.release(claimed.slice(index));
      await this.deliver(delivery);
    }
  }

  /** Hands back claimed deliveries not yet attempted, so the next process sends them at once. */
  private async release(deliveries: ClaimedDelivery[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE "razorpay_sandbox"."webhook_deliveries"
          SET "attempts" = "attempts" - 1, "next_attempt_at" = now()
        WHERE "id" = ANY($1) AND "status" = 'pending'`,
      [deliveries.map((delivery) => delivery.id)],
    );
  }

  private async claimDue(): Promise<ClaimedDelivery[]> {
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT "id", "next_attempt_at" FROM "razorpay_sandbox"."webhook_deliveries"
          WHERE "status" = 'pending' AND "next_attempt_at" <= now()
          ORDER BY "next_attempt_at", "id"
          LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED)
       UPDATE "razorpay_sandbox"."webhook_deliveries" d
          SET "attempts" = d."attempts" + 1, "next_attempt_at" = now() + interval '${CLAIM_LEASE}'
         FROM due, "razorpay_sandbox"."webhook_events" e
        WHERE d."id" = due."id" AND e."id" = d."event_id"
       RETURNING d."id", d."event_id", d."url", d."attempts", d."give_up_at", due."next_attempt_at" AS "due_at",
                 e."event", e."body", e."signature"`,
    )) as [(ClaimedDelivery & { due_at: Date })[], number];
    return rows.sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || Number(a.id) - Number(b.id));
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const failure = await this.send(delivery);
    if (failure === undefined) {
      await this.dataSource.query(
        `UPDATE "razorpay_sandbox"."webhook_deliveries"
            SET "status" = 'delivered', "delivered_at" = now(), "last_error" = NULL WHERE "id" = $1`,
        [delivery.id],
      );
      return;
    }
    const delay = retryDelayMs(
      delivery.attempts,
      this.config.RAZORPAY_SANDBOX_WEBHOOK_RETRY_BASE_MS,
      this.config.RAZORPAY_SANDBOX_WEBHOOK_RETRY_MAX_MS,
    );
    const nextAttempt = new Date(Date.now() + delay);
    const givingUp = nextAttempt > new Date(delivery.give_up_at);
    await this.dataSource.query(
      `UPDATE "razorpay_sandbox"."webhook_deliveries"
          SET "status" = $2, "next_attempt_at" = $3, "last_error" = $4 WHERE "id" = $1`,
      [delivery.id, givingUp ? 'failed' : 'pending', nextAttempt, failure],
    );
    this.logger.warn({
      msg: givingUp ? 'webhook delivery abandoned after 24 h' : 'webhook delivery failed; will retry',
      eventId: delivery.event_id,
      event: delivery.event,
      attempt: delivery.attempts,
      retryInMs: givingUp ? undefined : delay,
      reason: failure,
    });
  }

  /** Sends one delivery; undefined when the receiver answered 2xx in time, else why not. */
  private async send(delivery: ClaimedDelivery): Promise<string | undefined> {
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Razorpay-Signature': delivery.signature,
          'X-Razorpay-Event-Id': delivery.event_id,
          'User-Agent': 'Razorpay-Webhook/v1 (haven sandbox)',
        },
        body: delivery.body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      if (!(error instanceof Error)) return String(error);
      // fetch() hides the reason (ECONNREFUSED, …) in its cause.
      const cause = (error.cause as { code?: unknown } | undefined)?.code;
      return `${error.name}: ${error.message}${typeof cause === 'string' ? ` (${cause})` : ''}`;
    }
  }
}
