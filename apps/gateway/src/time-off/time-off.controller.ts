import { type Actor, BookingRpc, CALENDAR_CAPS, type Page, type TimeOffView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
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
import { CreateTimeOffDto, TimeOffPageDto, TimeOffQueryDto, TimeOffResponseDto } from './dto/time-off.dto';

/** The signed-in counselor's time off: periods with no slots at all. */
@ApiTags('calendar')
@Authenticated()
@Roles('counselor')
@Controller('counselor/time-off')
export class TimeOffController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Block a period (no slots in it)' })
  @ApiCreatedResponse({ type: TimeOffResponseDto })
  @ApiConflictResponse({ description: 'Overlaps a confirmed or pending booking' })
  @ApiUnprocessableEntityResponse({
    description: `${CALENDAR_CAPS.maxUpcomingTimeOff} entries that have not ended yet already (code calendar_cap_reached)`,
  })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTimeOffDto): Promise<TimeOffView> {
    return this.rpc.send(BookingRpc.createTimeOff, body, { actor });
  }

  @Get()
  @ApiOperation({ summary: 'Current and future time off (or the range asked for)' })
  @ApiOkResponse({ type: TimeOffPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: TimeOffQueryDto): Promise<Page<TimeOffView>> {
    return this.rpc.send(BookingRpc.listTimeOff, { ...query }, { actor });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one of your time-off entries' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such time off of yours' })
  async delete(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.rpc.send(BookingRpc.deleteTimeOff, { id }, { actor });
  }
}
