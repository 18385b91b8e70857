import { BookingEvents, type CounselorOpeningsChangedData, type EventEnvelope } from '@haven/contracts';
import { InboxService, OnEvent } from '@haven/messaging';
import { isUuid } from '@haven/common';
import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { openStartsLiteral } from './open-starts';

/**
 * Keeps each counselor's openings as the booking service computes them, for search. A result
 * computed before the one already kept (a late or redelivered event) changes nothing.
 */
@Controller()
export class OpeningsEventsController {
  private readonly logger = new Logger(OpeningsEventsController.name);

  constructor(private readonly inbox: InboxService) {}

  @OnEvent(BookingEvents.openingsChanged)
  async openingsChanged(@Payload() event: EventEnvelope<CounselorOpeningsChangedData>): Promise<void> {
    const counselors = (Array.isArray(event.data?.counselors) ? event.data.counselors : []).filter(
      (entry) =>
        isUuid(entry?.counselorId) && Array.isArray(entry.openRuns) && !Number.isNaN(Date.parse(entry.computedAt)),
    );
    if (counselors.length === 0) {
      this.logger.warn({ msg: 'counselor.openings-changed without usable counselors: ignored', eventId: event.id });
      return;
    }
    await this.inbox.process(event, 'directory.openings', async (manager) => {
      await manager.query(
        `INSERT INTO "directory"."counselor_openings"
           ("counselor_id", "next_available_at", "open_starts", "max_step_minutes", "computed_at")
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::tstzmultirange[], $4::int[], $5::timestamptz[])
         ON CONFLICT ("counselor_id") DO UPDATE SET "next_available_at" = EXCLUDED."next_available_at",
           "open_starts" = EXCLUDED."open_starts", "max_step_minutes" = EXCLUDED."max_step_minutes",
           "computed_at" = EXCLUDED."computed_at"
         WHERE "counselor_openings"."computed_at" <= EXCLUDED."computed_at"`,
        [
          counselors.map((entry) => entry.counselorId),
          counselors.map((entry) => entry.nextAvailableAt),
          counselors.map((entry) => openStartsLiteral(entry.openRuns)),
          counselors.map((entry) => entry.maxStepMinutes ?? 0),
          counselors.map((entry) => entry.computedAt),
        ],
      );
    });
  }
}
