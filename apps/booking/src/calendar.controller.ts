import {
  type Availability,
  type AvailabilityInput,
  BookingRpc,
  type BookingView,
  type CalendarFeedToken,
  CalendarRpc,
  type CreateTimeOffRequest,
  type ListCounselorBookingsRequest,
  type ListSlotsRequest,
  type ListTimeOffRequest,
  type NextAvailabilityRequest,
  type NextAvailabilityResponse,
  type Page,
  type RpcRequest,
  type SlotsView,
  type TimeOffView,
} from '@haven/contracts';
import { actorWithRole } from '@haven/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CounselorBookingsService } from './bookings/counselor-bookings.service';
import { CalendarFeedService } from './calendar-feed/calendar-feed.service';
import { SlotsService } from './slots/slots.service';
import { TimeOffService } from './time-off/time-off.service';
import { AvailabilityService } from './availability/availability.service';

/** RPC handlers of the calendar: availability, time off, the counselor's bookings, slots and the ICS feed. */
@Controller()
export class CalendarController {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly timeOff: TimeOffService,
    private readonly bookings: CounselorBookingsService,
    private readonly slots: SlotsService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @MessagePattern(CalendarRpc.getAvailability.pattern)
  getAvailability(@Payload() request: RpcRequest<Record<string, never>>): Promise<Availability> {
    return this.availability.get(counselorIdOf(request));
  }

  @MessagePattern(CalendarRpc.putAvailability.pattern)
  putAvailability(@Payload() request: RpcRequest<AvailabilityInput>): Promise<Availability> {
    return this.availability.put(counselorIdOf(request), request.body);
  }

  @MessagePattern(CalendarRpc.createTimeOff.pattern)
  createTimeOff(@Payload() request: RpcRequest<CreateTimeOffRequest>): Promise<TimeOffView> {
    return this.timeOff.create(counselorIdOf(request), request.body, request.meta);
  }

  @MessagePattern(CalendarRpc.deleteTimeOff.pattern)
  async deleteTimeOff(@Payload() request: RpcRequest<{ id: string }>): Promise<{ deleted: true }> {
    await this.timeOff.delete(counselorIdOf(request), request.body.id);
    return { deleted: true };
  }

  @MessagePattern(CalendarRpc.listTimeOff.pattern)
  listTimeOff(@Payload() request: RpcRequest<ListTimeOffRequest>): Promise<Page<TimeOffView>> {
    return this.timeOff.list(counselorIdOf(request), request.body);
  }

  @MessagePattern(CalendarRpc.listCounselorBookings.pattern)
  listBookings(@Payload() request: RpcRequest<ListCounselorBookingsRequest>): Promise<Page<BookingView>> {
    return this.bookings.list(counselorIdOf(request), request.body);
  }

  @MessagePattern(CalendarRpc.listSlots.pattern)
  listSlots(@Payload() request: RpcRequest<ListSlotsRequest>): Promise<SlotsView> {
    return this.slots.listSlots(request.body);
  }

  @MessagePattern(BookingRpc.nextAvailability.pattern)
  nextAvailability(@Payload() request: RpcRequest<NextAvailabilityRequest>): Promise<NextAvailabilityResponse> {
    return this.slots.nextAvailability(request.body);
  }

  @MessagePattern(CalendarRpc.getCalendarFeed.pattern)
  async getCalendarFeed(@Payload() request: RpcRequest<Record<string, never>>): Promise<CalendarFeedToken> {
    return { token: await this.feeds.token(counselorIdOf(request)) };
  }

  @MessagePattern(CalendarRpc.rotateCalendarFeed.pattern)
  async rotateCalendarFeed(@Payload() request: RpcRequest<Record<string, never>>): Promise<CalendarFeedToken> {
    return { token: await this.feeds.rotate(counselorIdOf(request)) };
  }

  @MessagePattern(CalendarRpc.renderCalendarFeed.pattern)
  async renderCalendarFeed(@Payload() request: RpcRequest<CalendarFeedToken>): Promise<{ ics: string }> {
    return { ics: await this.feeds.render(request.body?.token) };
  }
}

/** The gateway already demanded the counselor role; asking again keeps the service safe on its own. */
function counselorIdOf(request: RpcRequest<unknown>): string {
  return actorWithRole(request, 'counselor').userId;
}
