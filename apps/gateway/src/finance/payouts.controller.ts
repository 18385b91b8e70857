import { type Actor, type EarningsView, FinanceRpc, type PayoutView, type RecordedPayoutView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { PayoutsQueryDto, PeriodQueryOnlyDto } from './dto/finance.dto';
import { EarningsDto, PayoutDto, RecordedPayoutDto, RecordPayoutDto } from './dto/payouts.dto';

/** What counselors are owed per IST month, and payouts recorded against it. */
@ApiTags('finance')
@Authenticated()
@Controller('finance/payouts')
export class PayoutsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Roles('finance', 'admin')
  @ApiOperation({ summary: 'Per counselor for the month: gross, refunds, commission, net, paid out' })
  @ApiOkResponse({ type: [PayoutDto] })
  list(@CurrentActor() actor: Actor, @Query() query: PayoutsQueryDto): Promise<PayoutView[]> {
    return this.rpc.send(FinanceRpc.listPayouts, { ...query }, { actor });
  }

  @Post()
  @Roles('finance')
  @ApiOperation({
    summary: 'Record a payout made by bank transfer (posted to the ledger); a repeated reference records once',
  })
  @ApiCreatedResponse({ type: RecordedPayoutDto })
  @ApiUnprocessableEntityResponse({ description: 'More than is still owed for the month' })
  @ApiConflictResponse({ description: 'The reference is already recorded for another payout' })
  record(@CurrentActor() actor: Actor, @Body() body: RecordPayoutDto): Promise<RecordedPayoutView> {
    return this.rpc.send(FinanceRpc.recordPayout, { ...body }, { actor });
  }
}

/** The signed-in counselor's own earnings. */
@ApiTags('finance')
@Authenticated()
@Roles('counselor')
@Controller('counselor/earnings')
export class EarningsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'My earnings for an IST month: gross, commission, refunds, net, paid out, sessions' })
  @ApiOkResponse({ type: EarningsDto })
  earnings(@CurrentActor() actor: Actor, @Query() query: PeriodQueryOnlyDto): Promise<EarningsView> {
    return this.rpc.send(FinanceRpc.earnings, { ...query }, { actor });
  }
}
