import { type Actor, FinanceRpc, type Page, type ReconciliationView } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentActor, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../common/dto/page.dto';
import { ReconciliationDto, ReconciliationPageDto, StartReconciliationDto } from './dto/finance.dto';

/** Reconciliations of the ledger against Razorpay (finance and admin). */
@ApiTags('finance')
@Authenticated()
@Roles('finance', 'admin')
@Controller('finance/reconciliations')
export class ReconciliationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Start reconciling a period (a job): answers at once with status running' })
  @ApiCreatedResponse({ type: ReconciliationDto })
  @ApiServiceUnavailableResponse({ description: 'The job queue is unavailable: nothing was started' })
  start(@CurrentActor() actor: Actor, @Body() body: StartReconciliationDto): Promise<ReconciliationView> {
    return this.rpc.send(FinanceRpc.startReconciliation, { ...body }, { actor });
  }

  @Get()
  @ApiOperation({ summary: 'Reconciliations, newest first (without items)' })
  @ApiOkResponse({ type: ReconciliationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<ReconciliationView>> {
    return this.rpc.send(FinanceRpc.listReconciliations, { ...query }, { actor });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One reconciliation: status, summary and its discrepancies' })
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiNotFoundResponse({ description: 'No such reconciliation' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReconciliationView> {
    return this.rpc.send(FinanceRpc.getReconciliation, { id }, { actor });
  }

  @Get(':id/items.csv')
  @ApiOperation({ summary: 'The report as CSV: a header row, one row per match or discrepancy, paise and rupees' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (RFC 4180)', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such reconciliation' })
  @ApiConflictResponse({ description: 'Still running' })
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { filename, csv } = await this.rpc.send(FinanceRpc.reconciliationCsv, { id }, { actor });
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    response.setHeader('Cache-Control', 'no-store');
    return csv;
  }
}
