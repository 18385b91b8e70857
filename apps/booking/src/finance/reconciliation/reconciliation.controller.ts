import { RpcHandler } from '@haven/messaging';
import {
  FinanceRpc,
  type ListReconciliationsRequest,
  type Page,
  type ReconciliationCsv,
  type ReconciliationView,
  type RpcRequest,
  type StartReconciliationRequest,
} from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { financeReader } from '../finance-access';
import { ReconciliationService } from './reconciliation.service';

@Controller()
export class ReconciliationController {
  constructor(private readonly reconciliations: ReconciliationService) {}

  @RpcHandler(FinanceRpc.startReconciliation)
  start(@Payload() request: RpcRequest<StartReconciliationRequest>): Promise<ReconciliationView> {
    return this.reconciliations.start(financeReader(request), request.body);
  }

  @RpcHandler(FinanceRpc.listReconciliations)
  list(@Payload() request: RpcRequest<ListReconciliationsRequest>): Promise<Page<ReconciliationView>> {
    financeReader(request);
    return this.reconciliations.list(request.body);
  }

  @RpcHandler(FinanceRpc.getReconciliation)
  get(@Payload() request: RpcRequest<{ id: string }>): Promise<ReconciliationView> {
    financeReader(request);
    return this.reconciliations.get(request.body.id);
  }

  @RpcHandler(FinanceRpc.reconciliationCsv)
  csv(@Payload() request: RpcRequest<{ id: string }>): Promise<ReconciliationCsv> {
    financeReader(request);
    return this.reconciliations.csv(request.body.id);
  }
}
