import {
  type Actor,
  type Availability,
  type BookingView,
  CALENDAR_CAPS,
  CalendarRpc,
  type Page,
  type TimeOffView,
} from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { GatewayConfig } from '../config/gateway.config';
import { AvailabilityDto, AvailabilityResponseDto } from './dto/availability.dto';
import { BookingPageDto, CounselorBookingsQueryDto, TimeOffQueryDto } from './dto/queries.dto';
import { CreateTimeOffDto, TimeOffPageDto, TimeOffResponseDto } from './dto/time-off.dto';

/** The signed-in counselor's own calendar. */
@ApiTags('calendar')
@Authenticated()
@Roles('counselor')
@Controller('counselor')
export class CounselorCalendarController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
  ) {}

  @Get('availability')
  @ApiOperation({ summary: 'Weekly windows, overrides and booking settings (defaults before the first PUT)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  getAvailability(@CurrentActor() actor: Actor): Promise<Availability> {
    return this.rpc.send(CalendarRpc.getAvailability, {}, { actor });
  }

  @Put('availability')
  @ApiOperation({ summary: 'Replace the fields given (omitted fields keep their value)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed or overlapping windows, unknown zone, out-of-range setting' })
  @ApiUnprocessableEntityResponse({
    description:
      `More than ${CALENDAR_CAPS.maxWeeklyWindows} weekly windows, ${CALENDAR_CAPS.maxOverrides} date overrides ` +
      `or ${CALENDAR_CAPS.maxWindowsPerOverride} windows on one date (code calendar_cap_reached)`,
  })
  putAvailability(@CurrentActor() actor: Actor, @Body() body: AvailabilityDto): Promise<Availability> {
    return this.rpc.send(CalendarRpc.putAvailability, body, { actor });
  }

  @Post('time-off')
  @ApiOperation({ summary: 'Block a period (no slots in it)' })
  @ApiCreatedResponse({ type: TimeOffResponseDto })
  @ApiConflictResponse({ description: 'Overlaps a confirmed or pending booking' })
  @ApiUnprocessableEntityResponse({
    description: `${CALENDAR_CAPS.maxUpcomingTimeOff} entries that have not ended yet already (code calendar_cap_reached)`,
  })
  createTimeOff(@CurrentActor() actor: Actor, @Body() body: CreateTimeOffDto): Promise<TimeOffView> {
    return this.rpc.send(CalendarRpc.createTimeOff, body, { actor });
  }

  @Get('time-off')
  @ApiOperation({ summary: 'Current and future time off (or the range asked for)' })
  @ApiOkResponse({ type: TimeOffPageDto })
  listTimeOff(@CurrentActor() actor: Actor, @Query() query: TimeOffQueryDto): Promise<Page<TimeOffView>> {
    return this.rpc.send(CalendarRpc.listTimeOff, { ...query }, { actor });
  }

  @Delete('time-off/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one of your time-off entries' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such time off of yours' })
  async deleteTimeOff(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.rpc.send(CalendarRpc.deleteTimeOff, { id }, { actor });
  }

  @Get('bookings')
  @ApiOperation({ summary: 'Bookings with this counselor, by start time' })
  @ApiOkResponse({ type: BookingPageDto })
  listBookings(@CurrentActor() actor: Actor, @Query() query: CounselorBookingsQueryDto): Promise<Page<BookingView>> {
    return this.rpc.send(CalendarRpc.listCounselorBookings, { ...query }, { actor });
  }

  @Get('calendar-feed')
  @ApiOperation({ summary: 'The secret ICS URL of confirmed sessions (served without a bearer token)' })
  @ApiOkResponse({ schema: { properties: { url: { type: 'string' } } } })
  async calendarFeed(@CurrentActor() actor: Actor): Promise<{ url: string }> {
    const { token } = await this.rpc.send(CalendarRpc.getCalendarFeed, {}, { actor });
    return { url: this.feedUrl(token) };
  }

  @Post('calendar-feed/rotate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Revoke the current ICS URL and get a new one' })
  @ApiOkResponse({ schema: { properties: { url: { type: 'string' } } } })
  async rotateCalendarFeed(@CurrentActor() actor: Actor): Promise<{ url: string }> {
    const { token } = await this.rpc.send(CalendarRpc.rotateCalendarFeed, {}, { actor });
    return { url: this.feedUrl(token) };
  }

  private feedUrl(token: string): string {
    return `${this.config.publicUrl}/api/v1/calendar-feeds/${token}.ics`;
  }
}
