import { RpcHandler } from '@haven/messaging';
import { BookingRpc, type CalendarFeedToken, type RpcRequest } from '@haven/contracts';
import { actorWithRole } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CalendarFeedService } from './calendar-feed.service';

/** RPC handlers of the counselor's secret ICS feed: its token, rotating it, and rendering it. */
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @RpcHandler(BookingRpc.getCalendarFeed)
  async get(@Payload() request: RpcRequest<Record<string, never>>): Promise<CalendarFeedToken> {
    return { token: await this.feeds.token(actorWithRole(request, 'counselor').userId) };
  }

  @RpcHandler(BookingRpc.rotateCalendarFeed)
  async rotate(@Payload() request: RpcRequest<Record<string, never>>): Promise<CalendarFeedToken> {
    return { token: await this.feeds.rotate(actorWithRole(request, 'counselor').userId) };
  }

  /** Public: the token is the credential. */
  @RpcHandler(BookingRpc.renderCalendarFeed)
  async render(@Payload() request: RpcRequest<CalendarFeedToken>): Promise<{ ics: string }> {
    return { ics: await this.feeds.render(request.body?.token) };
  }
}
