import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@haven/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { parsePreferencesUpdate } from './preferences-input';

interface PreferencesRow {
  email: boolean;
  sms: boolean;
  in_app: boolean;
  reminders: number[];
}

/** Each user's channels and reminder offsets; the defaults until they change them. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource('notifications') private readonly dataSource: DataSource) {}

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<NotificationPreferences> {
    const rows: PreferencesRow[] = await manager.query(
      `SELECT "email", "sms", "in_app", "reminders" FROM "notifications"."preferences" WHERE "user_id" = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row)
      return { ...DEFAULT_NOTIFICATION_PREFERENCES, reminders: [...DEFAULT_NOTIFICATION_PREFERENCES.reminders] };
    return { email: row.email, sms: row.sms, inApp: row.in_app, reminders: row.reminders };
  }

  async update(userId: string, body: unknown): Promise<NotificationPreferences> {
    const update = parsePreferencesUpdate(body);
    return this.dataSource.transaction(async (manager) => {
      // The row lock keeps two concurrent partial updates from losing one another's fields.
      await manager.query(
        `INSERT INTO "notifications"."preferences" ("user_id", "email", "sms", "in_app", "reminders")
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("user_id") DO NOTHING`,
        [
          userId,
          DEFAULT_NOTIFICATION_PREFERENCES.email,
          DEFAULT_NOTIFICATION_PREFERENCES.sms,
          DEFAULT_NOTIFICATION_PREFERENCES.inApp,
          DEFAULT_NOTIFICATION_PREFERENCES.reminders,
        ],
      );
      await manager.query(`SELECT 1 FROM "notifications"."preferences" WHERE "user_id" = $1 FOR UPDATE`, [userId]);
      const next = { ...(await this.get(userId, manager)), ...update };
      await manager.query(
        `UPDATE "notifications"."preferences"
         SET "email" = $2, "sms" = $3, "in_app" = $4, "reminders" = $5, "updated_at" = now() WHERE "user_id" = $1`,
        [userId, next.email, next.sms, next.inApp, next.reminders],
      );
      return next;
    });
  }
}
