import { BookingRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import {
  BadRequestException,
  Controller,
  Headers,
  HttpCode,
  HttpStatus,
  Post,
  type RawBodyRequest,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/auth.decorators';
import { WebhookReceivedDto } from './dto/bookings.dto';

/** Razorpay answers a delivery as failed after 5 s; the booking service must answer well before. */
const WEBHOOK_RPC_TIMEOUT_MS = 4_000;

/**
 * Razorpay's webhooks: the exact bytes go to the booking service, which checks the signature,
 * stores the event by its id and only then answers 200. Anything else (bad signature 400, the
 * service down 503/504) is not a 2xx, so Razorpay delivers again.
 */
@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @Post('razorpay')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Razorpay webhook intake (raw JSON, X-Razorpay-Signature, X-Razorpay-Event-Id)' })
  @ApiOkResponse({ type: WebhookReceivedDto, description: 'Stored; acted on right after' })
  @ApiServiceUnavailableResponse({ description: 'The booking service is unreachable: nothing stored, deliver again' })
  @ApiBadRequestResponse({ description: 'Bad signature: nothing stored' })
  async razorpay(
    @Req() request: RawBodyRequest<Request>,
    @Headers('x-razorpay-signature') signature?: string,
    @Headers('x-razorpay-event-id') eventId?: string,
  ): Promise<{ received: true }> {
    if (!request.rawBody) throw new BadRequestException('A JSON body is required');
    return this.rpc.send(
      BookingRpc.razorpayWebhook,
      { rawBodyBase64: request.rawBody.toString('base64'), signature, eventId },
      { timeoutMs: WEBHOOK_RPC_TIMEOUT_MS },
    );
  }
}
