import { type Actor, BookingRpc, type BookingView, type Page } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { BookingPageDto, CounselorBookingsQueryDto } from './dto/bookings.dto';

/** Bookings with the signed-in counselor, as their calendar shows them. */
@ApiTags('calendar')
@Authenticated()
@Roles('counselor')
@Controller('counselor/bookings')
export class CounselorBookingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Bookings with this counselor, by start time' })
  @ApiOkResponse({ type: BookingPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: CounselorBookingsQueryDto): Promise<Page<BookingView>> {
    return this.rpc.send(BookingRpc.listCounselorBookings, { ...query }, { actor });
  }
}
