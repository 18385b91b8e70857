import { type CounselorApplicationDecision, DirectoryEvents, type EventEnvelope } from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RolesService } from './roles.service';

/** Directory events that change a user's roles. */
@Controller()
export class RolesEventsController {
  constructor(private readonly roles: RolesService) {}

  @OnEvent(DirectoryEvents.approved)
  approved(@Payload() event: EventEnvelope<CounselorApplicationDecision & { displayName: string }>): Promise<void> {
    return this.roles.counselorApproved(event);
  }
}
