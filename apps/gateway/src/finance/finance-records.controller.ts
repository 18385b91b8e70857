import {
  FinanceRpc,
  type FinancePaymentView,
  type FinanceRefundView,
  type LedgerEntryView,
  type Page,
  type Actor,
} from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import {
  FinancePaymentPageDto,
  FinancePaymentsQueryDto,
  FinanceRefundPageDto,
  FinanceRefundsQueryDto,
  LedgerPageDto,
  LedgerQueryDto,
} from './dto/finance.dto';

/** Money as the ledger has it: captured payments, refunds and ledger entries (finance and admin). */
@ApiTags('finance')
@Authenticated()
@Roles('finance', 'admin')
@Controller('finance')
export class FinanceRecordsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('payments')
  @ApiOperation({ summary: 'Captured payments, newest first, by capture period, status and counselor' })
  @ApiOkResponse({ type: FinancePaymentPageDto })
  payments(@CurrentActor() actor: Actor, @Query() query: FinancePaymentsQueryDto): Promise<Page<FinancePaymentView>> {
    return this.rpc.send(FinanceRpc.listPayments, { ...query }, { actor });
  }

  @Get('refunds')
  @ApiOperation({ summary: 'Refunds, newest first, by decision period, status and counselor' })
  @ApiOkResponse({ type: FinanceRefundPageDto })
  refunds(@CurrentActor() actor: Actor, @Query() query: FinanceRefundsQueryDto): Promise<Page<FinanceRefundView>> {
    return this.rpc.send(FinanceRpc.listRefunds, { ...query }, { actor });
  }

  @Get('ledger')
  @ApiOperation({
    summary: 'Ledger entries in the order written, by period and account; debits = credits per transaction',
  })
  @ApiOkResponse({ type: LedgerPageDto })
  ledger(@CurrentActor() actor: Actor, @Query() query: LedgerQueryDto): Promise<Page<LedgerEntryView>> {
    return this.rpc.send(FinanceRpc.listLedger, { ...query }, { actor });
  }
}
