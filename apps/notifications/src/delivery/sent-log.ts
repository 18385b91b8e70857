import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Channel } from './queues';

/**
 * Which notification went out on which channel. Checked before sending and written right after,
 * so a retried or redelivered job never sends twice what was already accepted.
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

  async record(key: string, channel: Channel, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."sent" ("notification_key", "channel") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [key, channel],
    );
  }
}
