import { RpcHandler } from '@haven/messaging';
import {
  type EarningsRequest,
  type EarningsView,
  FinanceRpc,
  type ListPayoutsRequest,
  type PayoutView,
  type RecordedPayoutView,
  type RecordPayoutRequest,
  type RpcRequest,
} from '@haven/contracts';
import { actorOf } from '@haven/common';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { financeReader } from '../finance-access';
import { PayoutsService } from './payouts.service';

@Controller()
export class PayoutsController {
  constructor(private readonly payouts: PayoutsService) {}

  @RpcHandler(FinanceRpc.listPayouts)
  list(@Payload() request: RpcRequest<ListPayoutsRequest>): Promise<PayoutView[]> {
    financeReader(request);
    return this.payouts.list(request.body);
  }

  @RpcHandler(FinanceRpc.recordPayout)
  record(@Payload() request: RpcRequest<RecordPayoutRequest>): Promise<RecordedPayoutView> {
    return this.payouts.record(actorOf(request), request.body);
  }

  @RpcHandler(FinanceRpc.earnings)
  earnings(@Payload() request: RpcRequest<EarningsRequest>): Promise<EarningsView> {
    return this.payouts.earnings(actorOf(request), request.body);
  }
}
