import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Channel, DeliveryChannel } from './queues';

const SENT = 'sent';

/**
 * How each delivery (a notification on one channel) ended: sent, skipped (`skipped: <why>`) or
 * failed for good. Checked before sending and written with it, so a retried, redelivered or
 * re-queued job never sends twice what was already accepted; the delivery sweep re-queues only
 * deliveries with no outcome. Written by the worker on its own, never depending on the deciding
 * transaction having committed first.
 */
@Injectable()
export class DeliveryLog {
  constructor(@InjectDataSource('notifications') private readonly dataSource: DataSource) {}

  /** How the delivery ended, or undefined while it has not. */
  async outcomeOf(key: string, channel: Channel): Promise<string | undefined> {
    const rows: { outcome: string }[] = await this.dataSource.query(
      `SELECT "outcome" FROM "notifications"."delivery_outcomes" WHERE "notification_key" = $1 AND "channel" = $2`,
      [key, channel],
    );
    return rows[0]?.outcome;
  }

  async recordSent(key: string, channel: DeliveryChannel, manager?: EntityManager): Promise<void> {
    await this.settle(key, channel, SENT, manager);
  }

  /** The delivery ended with `outcome`; a first outcome stays. */
  async settle(
    key: string,
    channel: DeliveryChannel,
    outcome: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."delivery_outcomes" ("notification_key", "channel", "outcome") VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [key, channel, outcome],
    );
  }

  /**
   * Sends through a provider that cannot take a message back (SMTP, SMS) at most once per
   * notification and channel, short of a crash between the provider's accept and the commit (then
   * the retry sends again, with the same Message-ID). The outcome is written first and committed
   * only after `send` returned: a second worker holding the same job (a Redis that lost it and the
   * sweep that queued it again, a stalled lock) waits on that uncommitted row and then finds it sent;
   * a failed send rolls it back for the retry; a database that fails does so before the send.
   * Returns whether this call sent it.
   */
  sendOnce(key: string, channel: Channel, send: () => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO "notifications"."delivery_outcomes" ("notification_key", "channel", "outcome") VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [key, channel, SENT],
      );
      if (claimed.length === 0) return false;
      await send();
      return true;
    });
  }
}
