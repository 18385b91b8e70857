import {
  type CounselorApplicationDecision,
  type CounselorStatusChange,
  DirectoryEvents,
  type EventEnvelope,
} from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { VettingEventsService } from './vetting-events.service';

/** Directory events the accounts service acts on. */
@Controller()
export class VettingEventsController {
  constructor(private readonly vetting: VettingEventsService) {}

  @OnEvent(DirectoryEvents.approved)
  approved(@Payload() event: EventEnvelope<CounselorApplicationDecision & { displayName: string }>): Promise<void> {
    return this.vetting.approved(event);
  }

  @OnEvent(DirectoryEvents.rejected)
  rejected(@Payload() event: EventEnvelope<CounselorApplicationDecision>): Promise<void> {
    return this.vetting.decided(event, 'counselor.application-rejected');
  }

  @OnEvent(DirectoryEvents.changesRequested)
  changesRequested(@Payload() event: EventEnvelope<CounselorApplicationDecision>): Promise<void> {
    return this.vetting.decided(event, 'counselor.changes-requested');
  }

  @OnEvent(DirectoryEvents.suspended)
  suspended(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    return this.vetting.statusChanged(event, 'counselor.suspended');
  }

  @OnEvent(DirectoryEvents.reinstated)
  reinstated(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    return this.vetting.statusChanged(event, 'counselor.reinstated');
  }
}
