import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { SlotsDto, SlotsQueryDto } from './dto/slots.dto';
import { SlotsCache } from './slots-cache';

@ApiTags('slots')
@Controller('counselors')
export class SlotsController {
  constructor(private readonly cache: SlotsCache) {}

  @Public()
  @Get(':id/slots')
  @ApiOperation({
    summary: 'Open slots of an offering, as UTC instants: exactly the starts a booking would accept now',
  })
  @ApiOkResponse({ type: SlotsDto })
  @ApiBadRequestResponse({ description: 'Bad range: from ≥ to, or more than 31 days' })
  @ApiNotFoundResponse({ description: 'No such active counselor, or the offering is not theirs or not active' })
  // The body is the JSON the cache keeps, sent as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  slots(@Param('id') counselorId: string, @Query() query: SlotsQueryDto): Promise<string> {
    return this.cache.slots(counselorId, query);
  }
}
