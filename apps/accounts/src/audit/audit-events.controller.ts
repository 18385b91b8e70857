import {
  type CounselorApplicationDecision,
  type CounselorStatusChange,
  DirectoryEvents,
  type EventEnvelope,
} from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AuditLogService } from './audit-log.service';

/** Directory decisions by admins that land in the audit log (an approval is recorded with its role grant). */
@Controller()
export class AuditEventsController {
  constructor(private readonly audit: AuditLogService) {}

  @OnEvent(DirectoryEvents.rejected)
  rejected(@Payload() event: EventEnvelope<CounselorApplicationDecision>): Promise<void> {
    return this.audit.vettingDecided(event, 'counselor.application-rejected');
  }

  @OnEvent(DirectoryEvents.changesRequested)
  changesRequested(@Payload() event: EventEnvelope<CounselorApplicationDecision>): Promise<void> {
    return this.audit.vettingDecided(event, 'counselor.changes-requested');
  }

  @OnEvent(DirectoryEvents.suspended)
  suspended(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    return this.audit.counselorStatusChanged(event, 'counselor.suspended');
  }

  @OnEvent(DirectoryEvents.reinstated)
  reinstated(@Payload() event: EventEnvelope<CounselorStatusChange>): Promise<void> {
    return this.audit.counselorStatusChanged(event, 'counselor.reinstated');
  }
}
