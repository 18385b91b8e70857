import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { OrdersService } from './orders.service';
import { PaymentsService } from './payments.service';
import { RazorpayApiGuard } from './razorpay-api.guard';
import { ReconService } from './recon.service';
import { RefundsService } from './refunds.service';
import { SettlementsService } from './settlements.service';
import {
  parseCapture,
  parseIdempotencyKey,
  parseListQuery,
  parseOrderCreate,
  parseReconQuery,
  parseRefundCreate,
  parseStringFilter,
} from './request-validation';

type QueryParams = Record<string, unknown>;

/** Razorpay's Orders API (the subset the platform uses). */
@Controller('v1/orders')
@UseGuards(RazorpayApiGuard)
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @HttpCode(200)
  create(@Body() body: unknown) {
    return this.orders.create(parseOrderCreate(body));
  }

  @Get()
  list(@Query() query: QueryParams) {
    return this.orders.list(parseListQuery(query), parseStringFilter(query.receipt, 'receipt'));
  }

  @Get(':id')
  fetch(@Param('id') id: string) {
    return this.orders.fetch(id);
  }

  @Get(':id/payments')
  payments(@Param('id') id: string) {
    return this.orders.payments(id);
  }
}

/** Razorpay's Payments API: fetch, list, capture, and refunds of a payment. */
@Controller('v1/payments')
@UseGuards(RazorpayApiGuard)
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly refunds: RefundsService,
  ) {}

  @Get()
  list(@Query() query: QueryParams) {
    return this.payments.list(parseListQuery(query));
  }

  @Get(':id')
  fetch(@Param('id') id: string) {
    return this.payments.fetch(id);
  }

  @Post(':id/capture')
  @HttpCode(200)
  capture(@Param('id') id: string, @Body() body: unknown) {
    return this.payments.captureAuthorized(id, parseCapture(body).amount);
  }

  @Post(':id/refund')
  @HttpCode(200)
  refund(@Param('id') id: string, @Body() body: unknown, @Headers('x-refund-idempotency') idempotency?: string) {
    return this.refunds.create(id, parseRefundCreate(body), parseIdempotencyKey(idempotency));
  }

  @Get(':id/refunds')
  refundsOf(@Param('id') id: string, @Query() query: QueryParams) {
    return this.refunds.forPayment(id, parseListQuery(query));
  }

  @Get(':id/refunds/:refundId')
  refundOf(@Param('id') id: string, @Param('refundId') refundId: string) {
    return this.refunds.fetchForPayment(id, refundId);
  }
}

@Controller('v1/refunds')
@UseGuards(RazorpayApiGuard)
export class RefundsController {
  constructor(private readonly refunds: RefundsService) {}

  @Get()
  list(@Query() query: QueryParams) {
    return this.refunds.list(parseListQuery(query), parseStringFilter(query.payment_id, 'payment_id'));
  }

  @Get(':id')
  fetch(@Param('id') id: string) {
    return this.refunds.fetch(id);
  }
}

@Controller('v1/settlements')
@UseGuards(RazorpayApiGuard)
export class SettlementsController {
  constructor(
    private readonly recon: ReconService,
    private readonly settlements: SettlementsService,
  ) {}

  @Get('recon/combined')
  combined(@Query() query: QueryParams) {
    return this.recon.combined(parseReconQuery(query));
  }

  @Get()
  list(@Query() query: QueryParams) {
    return this.settlements.list(parseListQuery(query));
  }

  @Get(':id')
  fetch(@Param('id') id: string) {
    return this.settlements.fetch(id);
  }
}
