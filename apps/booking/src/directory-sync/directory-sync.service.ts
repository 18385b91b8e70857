import type { EventEnvelope, OfferingSnapshot } from '@haven/contracts';
import { InboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type { CounselorStatus } from './counselor.entity';

/**
 * Keeps the booking service's copies of counselor status and offerings. Each event is applied once
 * (inbox) and never over a newer state: rows remember the `occurredAt` they reflect, so a late or
 * redelivered older event changes nothing.
 */
@Injectable()
export class DirectorySyncService {
  private readonly logger = new Logger(DirectorySyncService.name);

  constructor(private readonly inbox: InboxService) {}

  async setStatus(
    event: EventEnvelope,
    counselorId: string,
    status: CounselorStatus,
    displayName?: string,
  ): Promise<void> {
    await this.inbox.process(event, 'booking.counselor-status', async (manager) => {
      await manager.query(
        `INSERT INTO "booking"."counselors" ("counselor_id", "status", "status_at", "display_name")
         VALUES ($1, $2, $3, $4)
         ON CONFLICT ("counselor_id") DO UPDATE
           SET "status" = EXCLUDED."status", "status_at" = EXCLUDED."status_at",
               "display_name" = COALESCE(EXCLUDED."display_name", "counselors"."display_name"), "updated_at" = now()
         WHERE "counselors"."status_at" <= EXCLUDED."status_at"`,
        [counselorId, status, event.occurredAt, displayName ?? null],
      );
    });
    this.logger.log({ counselorId, status, eventId: event.id }, `counselor ${status}`);
  }

  async upsertOffering(event: EventEnvelope, offering: OfferingSnapshot): Promise<void> {
    await this.inbox.process(event, 'booking.offerings', async (manager) => {
      await manager.query(
        `INSERT INTO "booking"."offerings"
           ("id", "counselor_id", "title", "mode", "duration_minutes", "price_paise", "currency", "active", "version_at")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT ("id") DO UPDATE SET
           "counselor_id" = EXCLUDED."counselor_id", "title" = EXCLUDED."title", "mode" = EXCLUDED."mode",
           "duration_minutes" = EXCLUDED."duration_minutes", "price_paise" = EXCLUDED."price_paise",
           "currency" = EXCLUDED."currency", "active" = EXCLUDED."active", "version_at" = EXCLUDED."version_at",
           "updated_at" = now()
         WHERE "offerings"."version_at" <= EXCLUDED."version_at"`,
        [
          offering.id,
          offering.counselorId,
          offering.title,
          offering.mode,
          offering.durationMinutes,
          String(offering.pricePaise),
          offering.currency ?? 'INR',
          offering.active,
          event.occurredAt,
        ],
      );
    });
  }
}
