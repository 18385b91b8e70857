import { RpcHandler } from '@haven/messaging';
import {
  FinanceRpc,
  type FinancePaymentView,
  type FinanceRefundView,
  type ListFinancePaymentsRequest,
  type ListFinanceRefundsRequest,
  type Page,
  type RpcRequest,
} from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { financeReader } from '../finance-access';
import { PaymentsViewService } from './payments-view.service';

@Controller()
export class PaymentsViewController {
  constructor(private readonly payments: PaymentsViewService) {}

  @RpcHandler(FinanceRpc.listPayments)
  listPayments(@Payload() request: RpcRequest<ListFinancePaymentsRequest>): Promise<Page<FinancePaymentView>> {
    financeReader(request);
    return this.payments.payments(request.body);
  }

  @RpcHandler(FinanceRpc.listRefunds)
  listRefunds(@Payload() request: RpcRequest<ListFinanceRefundsRequest>): Promise<Page<FinanceRefundView>> {
    financeReader(request);
    return this.payments.refunds(request.body);
  }
}
