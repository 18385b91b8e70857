import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { OrderRow, PaymentRow } from '../store/entities';
import { newRazorpayId } from '../store/razorpay-ids';
import { SANDBOX_SCHEMA } from '../store/schema';
import { createdWithin } from './created-within';
import { collection, orderView, paymentView } from './entity-views';
import { unknownId } from './razorpay-api-error';
import type { ListQuery, OrderCreateRequest } from './request-validation';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(OrderRow, SANDBOX_SCHEMA) private readonly orders: Repository<OrderRow>,
    @InjectRepository(PaymentRow, SANDBOX_SCHEMA) private readonly paymentRows: Repository<PaymentRow>,
  ) {}

  async create(request: OrderCreateRequest) {
    const order = this.orders.create({
      id: newRazorpayId('order'),
      amount: request.amount,
      amountPaid: 0,
      currency: request.currency,
      receipt: request.receipt,
      notes: request.notes,
      partialPayment: request.partialPayment,
      status: 'created',
      attempts: 0,
      createdAt: new Date(),
    });
    return orderView(await this.orders.save(order));
  }

  async fetch(id: string) {
    return orderView(await this.find(id));
  }

  async list(query: ListQuery, receipt: string | null) {
    const where: FindOptionsWhere<OrderRow> = { ...createdWithin(query) };
    if (receipt !== null) where.receipt = receipt;
    const orders = await this.orders.find({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.skip,
      take: query.count,
    });
    return collection(orders.map(orderView));
  }

  /** Every payment attempted on the order, authorised or failed, oldest first. */
  async payments(orderId: string) {
    await this.find(orderId);
    const payments = await this.paymentRows.find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return collection(payments.map(paymentView));
  }

  private async find(id: string): Promise<OrderRow> {
    const order = await this.orders.findOneBy({ id });
    if (!order) throw unknownId();
    return order;
  }
}
