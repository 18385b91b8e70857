import {
  type CounselorApplicationDecision,
  type CounselorStatusChange,
  DirectoryEvents,
  type EventEnvelope,
  type OfferingSnapshot,
} from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DirectorySyncService } from './directory-sync.service';

/** Directory events the booking service keeps copies from. */
@Controller()
export class DirectorySyncEventsController {
  constructor(private readonly sync: DirectorySyncService) {}

  @OnEvent(DirectoryEvents.approved)
  async approved(
    @Payload() event: EventEnvelope<CounselorApplicationDecision & { displayName: string }>,
  ): Promise<void> {
    await this.sync.setStatus(event, event.data.userId, 'active', event.data.displayName);
  }

  @OnEvent(DirectoryEvents.reinstated)
  async reinstated(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    await this.sync.setStatus(event, event.data.counselorId, 'active');
  }

  @OnEvent(DirectoryEvents.offeringChanged)
  async offeringChanged(@Payload() event: EventEnvelope<{ offering: OfferingSnapshot }>): Promise<void> {
    await this.sync.upsertOffering(event, event.data.offering);
  }
}
