import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import type { EventPublisher } from '../events/event-publisher';
import { OutboxMessage } from './outbox-message.entity';
import { OUTBOX_WRITTEN } from './outbox.service';

export interface OutboxRelayOptions {
  pollIntervalMs?: number;
  batchSize?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionHours?: number;
}

/**
 * Publishes outbox rows in commit order and marks them published once the broker confirmed them.
 * Several replicas may run it: rows are claimed with `FOR UPDATE SKIP LOCKED`. Delivery is at least
 * once (a crash between the confirm and the commit republishes), which consumers absorb with the inbox.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly retentionHours: number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private brokerWasDown = false;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    options: OutboxRelayOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.batchSize = options.batchSize ?? 100;
    this.retentionHours = options.retentionHours ?? 24 * 7;
  }

  /**
   * Starts publishing, and wakes up right after every commit that wrote outbox rows, so events go
   * out without waiting for the next poll and without callers having to remember to ask.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (event.queryRunner.data[OUTBOX_WRITTEN]) {
          delete event.queryRunner.data[OUTBOX_WRITTEN];
          this.nudge();
        }
      },
    };
    this.dataSource.subscribers.push(subscriber);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private nudge(): void {
    this.wake?.();
  }

  /** Publishes one batch; returns how many rows went out. Exposed for tests and draining. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OutboxMessage, 'outbox')
        .where('outbox.published_at IS NULL')
        .orderBy('outbox.created_at', 'ASC')
        .limit(this.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      await Promise.all(rows.map((row) => this.publisher.publish(row.envelope)));
      await manager
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ publishedAt: () => 'now()' })
        .whereInIds(rows.map((row) => row.id))
        .execute();
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let backoffMs = this.pollIntervalMs;
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
        if (this.brokerWasDown) this.logger.log('outbox relay is publishing again');
        this.brokerWasDown = false;
        backoffMs = this.pollIntervalMs;
        await this.cleanupOccasionally();
      } catch (error) {
        if (!this.brokerWasDown) {
          this.logger.warn(`outbox relay could not publish, will retry: ${(error as Error).message}`);
        }
        this.brokerWasDown = true;
        backoffMs = Math.min(backoffMs * 2, 5000);
      }
      if (published < this.batchSize || this.brokerWasDown) await this.idle(backoffMs);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const controller = new AbortController();
      this.wake = () => controller.abort();
      sleep(ms, undefined, { signal: controller.signal })
        .catch(() => undefined)
        .finally(() => {
          this.wake = undefined;
          resolve();
        });
    });
  }

  private async cleanupOccasionally(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60 * 60 * 1000) return;
    this.lastCleanup = Date.now();
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(OutboxMessage)
      .where(`published_at < now() - make_interval(hours => :hours)`, { hours: this.retentionHours })
      .execute();
  }
}
