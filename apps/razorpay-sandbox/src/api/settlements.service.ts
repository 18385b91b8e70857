import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { SettlementRow } from '../store/entities';
import { newRazorpayId } from '../store/razorpay-ids';
import { SANDBOX_SCHEMA } from '../store/schema';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { collection, settlementView } from './entity-views';
import { createdWithin } from './created-within';
import { invalidInput, unknownId } from './razorpay-api-error';
import type { ListQuery } from './request-validation';

/**
 * Settlements. Razorpay settles T+2 on its own; the sandbox settles when asked
 * (POST /sandbox/settlements): every captured payment (less its fee) and every refund not yet in a
 * settlement, with a settlement.processed webhook.
 */
@Injectable()
export class SettlementsService {
  constructor(
    @InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource,
    @InjectRepository(SettlementRow, SANDBOX_SCHEMA) private readonly settlements: Repository<SettlementRow>,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async settleNow() {
    return this.dataSource.transaction(async (manager) => {
      const payments = (await manager.query(
        `SELECT "id", "amount" - COALESCE("fee", 0) AS "net" FROM "razorpay_sandbox"."payments"
          WHERE "captured" AND "settlement_id" IS NULL FOR UPDATE`,
      )) as { id: string; net: string }[];
      const refunds = (await manager.query(
        `SELECT "id", "amount" FROM "razorpay_sandbox"."refunds" WHERE "settlement_id" IS NULL FOR UPDATE`,
      )) as { id: string; amount: string }[];
      if (payments.length === 0 && refunds.length === 0) throw invalidInput('There is nothing to settle');
      const amount =
        payments.reduce((sum, row) => sum + Number(row.net), 0) -
        refunds.reduce((sum, row) => sum + Number(row.amount), 0);
      const settlement = await manager.save(
        manager.create(SettlementRow, {
          id: newRazorpayId('setl'),
          amount,
          utr: `SANDBOXUTR${randomInt(10 ** 9, 10 ** 10)}`,
          createdAt: new Date(),
        }),
      );
      await manager.query(`UPDATE "razorpay_sandbox"."payments" SET "settlement_id" = $1 WHERE "id" = ANY($2)`, [
        settlement.id,
        payments.map((row) => row.id),
      ]);
      await manager.query(`UPDATE "razorpay_sandbox"."refunds" SET "settlement_id" = $1 WHERE "id" = ANY($2)`, [
        settlement.id,
        refunds.map((row) => row.id),
      ]);
      await this.webhooks.enqueue(manager, [
        { event: 'settlement.processed', entities: { settlement: settlementView(settlement) } },
      ]);
      return settlementView(settlement);
    });
  }

  async fetch(id: string) {
    const settlement = await this.settlements.findOneBy({ id });
    if (!settlement) throw unknownId();
    return settlementView(settlement);
  }

  async list(query: ListQuery) {
    const settlements = await this.settlements.find({
      where: createdWithin(query),
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: query.skip,
      take: query.count,
    });
    return collection(settlements.map(settlementView));
  }
}
