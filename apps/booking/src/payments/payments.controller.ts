import { RpcHandler } from '@haven/messaging';
import { BookingRpc, type RazorpayWebhookRequest, type RpcRequest } from '@haven/contracts';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { WebhooksService } from './webhooks.service';

/** RPC handlers of payments: Razorpay's webhooks as the gateway received them. */
@Controller()
export class PaymentsController {
  constructor(private readonly webhooks: WebhooksService) {}

  @RpcHandler(BookingRpc.razorpayWebhook)
  razorpayWebhook(@Payload() request: RpcRequest<RazorpayWebhookRequest>): Promise<{ received: true }> {
    return this.webhooks.intake(request.body);
  }
}
