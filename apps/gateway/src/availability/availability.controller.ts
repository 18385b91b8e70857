import { type Actor, type Availability, BookingRpc, CALENDAR_CAPS } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { AvailabilityDto, AvailabilityResponseDto } from './dto/availability.dto';

/** The signed-in counselor's weekly windows, date overrides and booking settings. */
@ApiTags('calendar')
@Authenticated()
@Roles('counselor')
@Controller('counselor/availability')
export class AvailabilityController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Weekly windows, overrides and booking settings (defaults before the first PUT)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  get(@CurrentActor() actor: Actor): Promise<Availability> {
    return this.rpc.send(BookingRpc.getAvailability, {}, { actor });
  }

  @Put()
  @ApiOperation({ summary: 'Replace the fields given (omitted fields keep their value)' })
  @ApiOkResponse({ type: AvailabilityResponseDto })
  @ApiBadRequestResponse({ description: 'Malformed or overlapping windows, unknown zone, out-of-range setting' })
  @ApiUnprocessableEntityResponse({
    description:
      `More than ${CALENDAR_CAPS.maxWeeklyWindows} weekly windows, ${CALENDAR_CAPS.maxOverrides} date overrides ` +
      `or ${CALENDAR_CAPS.maxWindowsPerOverride} windows on one date (code calendar_cap_reached)`,
  })
  put(@CurrentActor() actor: Actor, @Body() body: AvailabilityDto): Promise<Availability> {
    return this.rpc.send(BookingRpc.putAvailability, body, { actor });
  }
}
