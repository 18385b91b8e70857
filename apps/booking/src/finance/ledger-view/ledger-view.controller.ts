import { RpcHandler } from '@haven/messaging';
import { FinanceRpc, type LedgerEntryView, type ListLedgerRequest, type Page, type RpcRequest } from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { financeReader } from '../finance-access';
import { LedgerViewService } from './ledger-view.service';

@Controller()
export class LedgerViewController {
  constructor(private readonly ledger: LedgerViewService) {}

  @RpcHandler(FinanceRpc.listLedger)
  list(@Payload() request: RpcRequest<ListLedgerRequest>): Promise<Page<LedgerEntryView>> {
    financeReader(request);
    return this.ledger.list(request.body);
  }
}
