import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { OrdersService } from '../api/orders.service';
import { RazorpayApiError } from '../api/razorpay-api-error';
import { PaymentsService } from '../api/payments.service';
import { RefundsService } from '../api/refunds.service';
import { SettlementsService } from '../api/settlements.service';
import { escapeHtml, renderCheckoutPage } from '../checkout/checkout-page';
import { SANDBOX_SCHEMA } from '../store/schema';
import { FaultsService, NO_FAULTS } from './faults.service';
import { parseAmountOverride, parseFaults, parsePayRequest } from './sandbox-requests';

/** Endpoints Razorpay does not have: what a customer does in Checkout, fault injection, inspection. */
@Controller('sandbox')
export class SandboxController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly orders: OrdersService,
    private readonly faults: FaultsService,
    private readonly settlements: SettlementsService,
    private readonly refunds: RefundsService,
    @InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource,
  ) {}

  @Post('orders/:orderId/pay')
  @HttpCode(200)
  pay(@Param('orderId') orderId: string, @Body() body: unknown) {
    const { outcome, method } = parsePayRequest(body);
    return this.payments.pay(orderId, outcome, method);
  }

  @Get('faults')
  currentFaults() {
    return this.faults.current();
  }

  @Post('faults')
  @HttpCode(204)
  async setFaults(@Body() body: unknown): Promise<void> {
    await this.faults.set(parseFaults(body));
  }

  @Delete('faults')
  @HttpCode(204)
  async clearFaults(): Promise<void> {
    await this.faults.set(NO_FAULTS);
  }

  /** The latest webhook deliveries, newest first: what was sent, dropped, or is still being retried. */
  @Get('webhook-deliveries')
  async deliveries(@Query('event_id') eventId?: string) {
    const rows = (await this.dataSource.query(
      `SELECT d."id"::int AS "id", d."event_id", e."event", d."status", d."attempts", d."url",
              d."next_attempt_at", d."delivered_at", d."last_error", d."created_at"
         FROM "razorpay_sandbox"."webhook_deliveries" d
         JOIN "razorpay_sandbox"."webhook_events" e ON e."id" = d."event_id"
        WHERE $1::text IS NULL OR d."event_id" = $1
        ORDER BY d."id" DESC LIMIT 200`,
      [eventId ?? null],
    )) as unknown[];
    return { entity: 'collection', count: rows.length, items: rows };
  }

  /** Settles now what Razorpay would settle T+2: captures less fees, less refunds, not yet settled. */
  @Post('settlements')
  @HttpCode(200)
  settle() {
    return this.settlements.settleNow();
  }

  @Post('payments/:paymentId/amount')
  @HttpCode(200)
  overrideAmount(@Param('paymentId') paymentId: string, @Body() body: unknown) {
    return this.payments.overrideRecordedAmount(paymentId, parseAmountOverride(body));
  }

  @Delete('refunds/:refundId')
  @HttpCode(204)
  async forgetRefund(@Param('refundId') refundId: string): Promise<void> {
    await this.refunds.forget(refundId);
  }

  @Get('checkout/:orderId')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async checkout(
    @Param('orderId') orderId: string,
    @Query('callback_url') callbackUrl: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    if (callbackUrl !== undefined && !isHttpUrl(callbackUrl)) {
      response.status(400);
      return errorPage('callback_url must be an http(s) URL.');
    }
    const order = await this.orders.fetch(orderId).catch((error: unknown) => {
      if (error instanceof RazorpayApiError) return undefined;
      throw error;
    });
    if (!order) {
      response.status(404);
      return errorPage(`There is no order ${orderId}.`);
    }
    return renderCheckoutPage({
      orderId: order.id,
      amount: order.amount_due > 0 ? order.amount_due : order.amount,
      currency: order.currency,
      receipt: order.receipt,
      paid: order.status === 'paid',
      callbackUrl: callbackUrl ?? null,
    });
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Razorpay sandbox checkout</title></head>
<body><main><h1>Razorpay sandbox checkout</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}
