import { BookingRpc, type SlotsView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { SlotsDto, SlotsQueryDto } from './dto/slots.dto';

@ApiTags('slots')
@Controller('counselors')
export class SlotsController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Get(':id/slots')
  @ApiOperation({
    summary: 'Open slots of an offering, as UTC instants: exactly the starts a booking would accept now',
  })
  @ApiOkResponse({ type: SlotsDto })
  @ApiBadRequestResponse({ description: 'Bad range: from ≥ to, or more than 31 days' })
  @ApiNotFoundResponse({ description: 'No such active counselor, or the offering is not theirs or not active' })
  slots(@Param('id') counselorId: string, @Query() query: SlotsQueryDto): Promise<SlotsView> {
    return this.rpc.send(BookingRpc.listSlots, { counselorId, ...query });
  }
}
