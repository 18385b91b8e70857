import { type Actor, BookingRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { GatewayConfig } from '../config/gateway.config';

/** The signed-in counselor's secret ICS URL (the feed itself is served by CalendarFeedFileController). */
@ApiTags('calendar')
@Authenticated()
@Roles('counselor')
@Controller('counselor/calendar-feed')
export class CalendarFeedController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The secret ICS URL of confirmed sessions (served without a bearer token)' })
  @ApiOkResponse({ schema: { properties: { url: { type: 'string' } } } })
  async get(@CurrentActor() actor: Actor): Promise<{ url: string }> {
    const { token } = await this.rpc.send(BookingRpc.getCalendarFeed, {}, { actor });
    return { url: this.feedUrl(token) };
  }

  @Post('rotate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revoke the current ICS URL and get a new one' })
  @ApiOkResponse({ schema: { properties: { url: { type: 'string' } } } })
  async rotate(@CurrentActor() actor: Actor): Promise<{ url: string }> {
    const { token } = await this.rpc.send(BookingRpc.rotateCalendarFeed, {}, { actor });
    return { url: this.feedUrl(token) };
  }

  private feedUrl(token: string): string {
    return `${this.config.publicUrl}/api/v1/calendar-feeds/${token}.ics`;
  }
}
