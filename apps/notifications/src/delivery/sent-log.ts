import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Channel, DeliveryChannel } from './queues';

const SENT = 'sent';

/**
 * Which notification went out on which channel. Checked before sending and written with it, so a
 * retried, redelivered or re-queued job never sends twice what was already accepted. It also
 * settles the delivery (sent, skipped or failed for good), which takes it off the sweep's list.
 */
@Injectable()
export class SentLog {
  constructor(@InjectDataSource('notifications') private readonly dataSource: DataSource) {}

  async wasSent(key: string, channel: Channel): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM "notifications"."sent" WHERE "notification_key" = $1 AND "channel" = $2`,
      [key, channel],
    );
    return rows.length > 0;
  }

  async record(key: string, channel: DeliveryChannel, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."sent" ("notification_key", "channel") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [key, channel],
    );
    await this.settle(key, channel, SENT, manager);
  }

  /** The delivery will not be sent (`outcome` says why): the sweep stops queueing it again. */
  async settle(
    key: string,
    channel: DeliveryChannel,
    outcome: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE "notifications"."deliveries" SET "settled_at" = now(), "outcome" = $3
        WHERE "notification_key" = $1 AND "channel" = $2 AND "settled_at" IS NULL`,
      [key, channel, outcome],
    );
  }

  /**
   * Sends through a provider that cannot take a message back (SMTP, SMS) at most once per
   * notification and channel, short of a crash between the provider's accept and the commit (then
   * the retry sends again, with the same Message-ID). The sent record is written first and committed
   * only after `send` returned: a second worker holding the same job (a Redis that lost it and the
   * sweep that queued it again, a stalled lock) waits on that uncommitted row and then finds it sent;
   * a failed send rolls it back for the retry; a database that fails does so before the send.
   * Returns whether this call sent it.
   */
  sendOnce(key: string, channel: Channel, send: () => Promise<void>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO "notifications"."sent" ("notification_key", "channel") VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [key, channel],
      );
      if (claimed.length === 0) return false;
      await this.settle(key, channel, SENT, manager);
      await send();
      return true;
    });
  }
}
