import { AccountsEvents, BookingEvents, DirectoryEvents, type EventEnvelope } from '@haven/contracts';
import { OnEvent } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EventIntake } from './event-intake';

/** Every event that tells someone something, or moves a reminder. */
@Controller()
export class DomainEventsController {
  constructor(private readonly intake: EventIntake) {}

  @OnEvent(BookingEvents.confirmed)
  bookingConfirmed(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.cancelled)
  bookingCancelled(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.rescheduled)
  bookingRescheduled(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.expired)
  bookingExpired(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.completed)
  bookingCompleted(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.paymentFailed)
  paymentFailed(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.refundProcessed)
  refundProcessed(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.refundFailed)
  refundFailed(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(BookingEvents.reconciliationCompleted)
  reconciliationCompleted(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(DirectoryEvents.applicationSubmitted)
  applicationSubmitted(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(DirectoryEvents.approved)
  applicationApproved(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(DirectoryEvents.rejected)
  applicationRejected(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(DirectoryEvents.changesRequested)
  applicationChangesRequested(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(DirectoryEvents.suspended)
  counselorSuspended(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }

  @OnEvent(AccountsEvents.passwordResetRequested)
  passwordResetRequested(@Payload() event: EventEnvelope): Promise<void> {
    return this.intake.handle(event);
  }
}
