import type { NotificationView, Page } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

interface MessageRow {
  id: string;
  type: NotificationView['type'];
  title: string;
  body: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export interface NewMessage {
  notificationKey: string;
  userId: string;
  type: NotificationView['type'];
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** The in-app inbox: each user reads and marks only their own messages. */
@Injectable()
export class MessagesService {
  constructor(@InjectDataSource('notifications') private readonly dataSource: DataSource) {}

  /** Adds the message unless this notification already has one. */
  async add(manager: EntityManager, message: NewMessage): Promise<void> {
    await manager.query(
      `INSERT INTO "notifications"."messages" ("id", "user_id", "type", "title", "body", "data", "notification_key")
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ("notification_key") DO NOTHING`,
      [randomUUID(), message.userId, message.type, message.title, message.body, message.data, message.notificationKey],
    );
  }

  async list(userId: string, unreadOnly: boolean, page: number, limit: number): Promise<Page<NotificationView>> {
    const unread = unreadOnly ? 'AND "read_at" IS NULL' : '';
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT "id", "type", "title", "body", "data", "created_at", "read_at" FROM "notifications"."messages"
         WHERE "user_id" = $1 ${unread} ORDER BY "created_at" DESC, "id" DESC LIMIT $2 OFFSET $3`,
        [userId, limit, (page - 1) * limit],
      ) as Promise<MessageRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS "total" FROM "notifications"."messages" WHERE "user_id" = $1 ${unread}`,
        [userId],
      ) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toView), total: counted[0]?.total ?? 0, page, limit };
  }

  /** Marks the user's message read (idempotent); another user's message is not found. */
  async markRead(userId: string, id: string): Promise<void> {
    // An UPDATE answers [rows, rowCount] through TypeORM.
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE "notifications"."messages" SET "read_at" = COALESCE("read_at", now())
       WHERE "id" = $1 AND "user_id" = $2 RETURNING "id"`,
      [id, userId],
    );
    if (rows.length === 0) throw DomainError.notFound('notification_not_found');
  }
}

function toView(row: MessageRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    data: row.data,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
