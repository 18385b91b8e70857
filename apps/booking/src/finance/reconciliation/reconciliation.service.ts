import {
  type Actor,
  BookingEvents,
  type Page,
  type ReconciliationCsv,
  type ReconciliationItemView,
  type ReconciliationStatus,
  type ReconciliationSummary,
  type ReconciliationView,
  type StartReconciliationRequest,
} from '@haven/contracts';
import { DomainError, pageOf, uuidOrNotFound } from '@haven/common';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { capturedPayment, HoldsService } from '../../payments/holds.service';
import { RazorpayPayments } from '../../payments/razorpay/razorpay-payments';
import { type InstantRange, parseReconciliationRange, previousIstDay } from '../finance-period';
import { FinanceQueue } from '../finance-queue';
import { reconciliationCsv } from './reconciliation-csv';
import { type ReconciliationItem, summarize } from './reconciliation-matching';
import { Reconciler } from './reconciler';

/** Discrepancies shown in a reconciliation's JSON; the CSV has every item. */
const ITEMS_IN_VIEW = 1_000;
const INSERT_CHUNK = 5_000;
/** A reconciliation still `running` this long after it started is checked for a job that went missing. */
export const RECONCILIATION_STALL_AFTER_SECONDS = 120;

interface ReconciliationRow {
  id: string;
  period_from: Date;
  period_to: Date;
  status: ReconciliationStatus;
  trigger: 'manual' | 'daily';
  summary: ReconciliationSummary;
  error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

interface ItemRow {
  kind: ReconciliationItem['kind'];
  entity: ReconciliationItem['entity'];
  razorpay_payment_id: string | null;
  razorpay_refund_id: string | null;
  booking_id: string | null;
  payment_id: string | null;
  refund_id: string | null;
  ledger_paise: string | null;
  provider_paise: string | null;
  ledger_status: string | null;
  provider_status: string | null;
  settlement_id: string | null;
  note: string;
}

/**
 * Reconciliation runs: started by finance (a job; the answer is `running`) or by the daily job
 * for the previous IST day. A run stores one item per match or discrepancy and publishes
 * `reconciliation.completed` in the same transaction. A capture Razorpay has for one of our
 * orders that the ledger never heard of is applied then and there (confirm or refund by the
 * bookings policy), and still reported as missing in the ledger.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);
  private readonly reconciler: Reconciler;

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly razorpay: RazorpayPayments,
    private readonly holds: HoldsService,
    private readonly outbox: OutboxService,
    private readonly queue: FinanceQueue,
  ) {
    this.reconciler = new Reconciler(dataSource, razorpay);
  }

  async start(actor: Actor, input: StartReconciliationRequest, now = new Date()): Promise<ReconciliationView> {
    const period = parseReconciliationRange(input, now);
    const [row]: ReconciliationRow[] = await this.dataSource.query(
      `INSERT INTO "booking"."reconciliations" ("period_from", "period_to", "status", "trigger", "requested_by")
       VALUES ($1, $2, 'running', 'manual', $3) RETURNING *`,
      [period.from, period.to, actor.userId],
    );
    try {
      await this.queue.reconcile(row.id);
    } catch (error) {
      this.logger.error({ reconciliationId: row.id, error: (error as Error).message }, 'reconciliation not queued');
      await this.markFailed(row.id, 'the job queue is unavailable');
      throw DomainError.unavailable('job_queue_unavailable', 'Reconciliation could not be started; try again');
    }
    this.logger.log({ reconciliationId: row.id, requestedBy: actor.userId }, 'reconciliation started');
    return toView(row, []);
  }

  async list(input: { page?: number; limit?: number }): Promise<Page<ReconciliationView>> {
    const { page, limit } = pageOf(input);
    const rows: ReconciliationRow[] = await this.dataSource.query(
      `SELECT * FROM "booking"."reconciliations" ORDER BY "created_at" DESC, "id" LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS "total" FROM "booking"."reconciliations"`,
    );
    return { items: rows.map((row) => toView(row, [])), total, page, limit };
  }

  async get(id: unknown): Promise<ReconciliationView> {
    const row = await this.find(id);
    const items: ItemRow[] = await this.dataSource.query(
      `SELECT * FROM "booking"."reconciliation_items" WHERE "reconciliation_id" = $1 AND "kind" <> 'matched'
        ORDER BY "id" LIMIT ${ITEMS_IN_VIEW}`,
      [row.id],
    );
    return toView(row, items);
  }

  async csv(id: unknown): Promise<ReconciliationCsv> {
    const row = await this.find(id);
    if (row.status === 'running') {
      throw DomainError.conflict('reconciliation_running', 'The reconciliation is still running');
    }
    const items: ItemRow[] = await this.dataSource.query(
      `SELECT * FROM "booking"."reconciliation_items" WHERE "reconciliation_id" = $1 ORDER BY "id"`,
      [row.id],
    );
    const day = (at: Date) => at.toISOString().slice(0, 10);
    return {
      filename: `reconciliation-${day(row.period_from)}-${day(row.period_to)}-${row.id.slice(0, 8)}.csv`,
      csv: reconciliationCsv(items.map(toItem)),
    };
  }

  /** Opens the daily run of the IST day before `now`, unless it exists already; its id when it is to run. */
  async openDaily(now = new Date()): Promise<string | null> {
    const period = previousIstDay(now);
    await this.dataSource.query(
      `INSERT INTO "booking"."reconciliations" ("period_from", "period_to", "status", "trigger")
       VALUES ($1, $2, 'running', 'daily')
       ON CONFLICT ("period_from") WHERE "trigger" = 'daily' DO NOTHING`,
      [period.from, period.to],
    );
    const [row]: ReconciliationRow[] = await this.dataSource.query(
      `SELECT * FROM "booking"."reconciliations" WHERE "trigger" = 'daily' AND "period_from" = $1`,
      [period.from],
    );
    return row.status === 'running' ? row.id : null;
  }

  /** Runs a reconciliation that is `running`: match, pick up lost captures, store, publish. */
  async run(id: string): Promise<void> {
    const row = await this.find(id);
    if (row.status !== 'running') return;
    const period: InstantRange = { from: row.period_from, to: row.period_to };
    const started = Date.now();
    const items = await this.reconciler.reconcile(period);
    await this.pickUpLostCaptures(items);
    const summary = summarize(items);
    await this.dataSource.transaction(async (manager) => {
      // A second run of the same reconciliation (a retried job that had in fact finished) stores nothing.
      const [current]: { status: ReconciliationStatus }[] = await manager.query(
        `SELECT "status" FROM "booking"."reconciliations" WHERE "id" = $1 FOR UPDATE`,
        [id],
      );
      if (current?.status !== 'running') return;
      await manager.query(`DELETE FROM "booking"."reconciliation_items" WHERE "reconciliation_id" = $1`, [id]);
      await insertItems(manager, id, items);
      const [[updated]]: [ReconciliationRow[]] = await manager.query(
        `UPDATE "booking"."reconciliations" SET "status" = 'done', "summary" = $2, "completed_at" = now()
          WHERE "id" = $1 RETURNING *`,
        [id, JSON.stringify(summary)],
      );
      await this.publish(manager, updated);
    });
    this.logger.log({ reconciliationId: id, summary, ms: Date.now() - started }, 'reconciliation done');
  }

  /**
   * Maintenance: a reconciliation left `running` whose job Redis no longer has (lost in a restart)
   * is queued again, and one whose job failed for good without saying so is marked failed. One
   * whose job still waits or runs is left alone, however long it takes. Returns how many it resumed.
   */
  async resumeStalled(): Promise<number> {
    const stalled: { id: string }[] = await this.dataSource.query(
      `SELECT "id" FROM "booking"."reconciliations"
        WHERE "status" = 'running' AND "created_at" < now() - make_interval(secs => $1)
        ORDER BY "created_at" LIMIT 20`,
      [RECONCILIATION_STALL_AFTER_SECONDS],
    );
    let resumed = 0;
    for (const { id } of stalled) {
      const job = await this.queue.reconcileJob(id);
      if (!job) {
        await this.queue.reconcile(id);
        this.logger.warn({ reconciliationId: id }, 'reconciliation job lost (Redis restarted?); queued again');
        resumed += 1;
      } else if (await job.isFailed()) {
        await this.markFailed(id, job.failedReason || 'the reconciliation job failed');
      }
    }
    return resumed;
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [updated]: [ReconciliationRow[]] = await manager.query(
        `UPDATE "booking"."reconciliations" SET "status" = 'failed', "error" = $2, "completed_at" = now()
          WHERE "id" = $1 AND "status" = 'running' RETURNING *`,
        [id, error],
      );
      if (updated.length > 0) await this.publish(manager, updated[0]);
    });
    this.logger.error({ reconciliationId: id, error }, 'reconciliation failed');
  }

  /**
   * Captures Razorpay has for orders of our bookings that no webhook or client reported (the
   * hold-expiry check catches most; this catches the rest): the platform applies them as if the
   * webhook had come, which confirms the booking or refunds the payment in full.
   */
  private async pickUpLostCaptures(items: ReconciliationItem[]): Promise<void> {
    const lost = items.filter(
      (item) => item.kind === 'missingInLedger' && item.entity === 'payment' && item.razorpayOrderId,
    );
    if (lost.length === 0) return;
    const ours: { id: string; razorpay_order_id: string }[] = await this.dataSource.query(
      `SELECT "id", "razorpay_order_id" FROM "booking"."bookings" WHERE "razorpay_order_id" = ANY($1)`,
      [lost.map((item) => item.razorpayOrderId)],
    );
    const bookingOf = new Map(ours.map((row) => [row.razorpay_order_id, row.id]));
    for (const item of lost) {
      const bookingId = bookingOf.get(item.razorpayOrderId!);
      if (!bookingId) {
        item.note += '; the order is not one of our bookings';
        continue;
      }
      item.bookingId = bookingId;
      try {
        const payment = await this.razorpay.fetchPayment(item.razorpayPaymentId!);
        const booking = await this.holds.applyCapture(capturedPayment(payment));
        item.note +=
          booking?.status === 'confirmed'
            ? '; recorded now: the booking is confirmed'
            : `; recorded now and refunded in full (the booking is ${booking?.status ?? 'gone'})`;
        this.logger.warn({ bookingId, razorpayPaymentId: item.razorpayPaymentId }, 'lost capture picked up');
      } catch (error) {
        item.note += `; not recorded yet: ${(error as Error).message}`;
      }
    }
  }

  private async publish(manager: EntityManager, row: ReconciliationRow): Promise<void> {
    const summary = row.summary;
    await this.outbox.add(manager, BookingEvents.reconciliationCompleted, {
      reconciliationId: row.id,
      from: row.period_from.toISOString(),
      to: row.period_to.toISOString(),
      status: row.status === 'failed' ? 'failed' : 'done',
      summary,
      discrepancies:
        summary.amountMismatch + summary.missingAtProvider + summary.missingInLedger + summary.statusMismatch,
    });
  }

  private async find(id: unknown): Promise<ReconciliationRow> {
    const [row]: ReconciliationRow[] = await this.dataSource.query(
      `SELECT * FROM "booking"."reconciliations" WHERE "id" = $1`,
      [uuidOrNotFound(id, 'reconciliation_not_found')],
    );
    if (!row) throw DomainError.notFound('reconciliation_not_found');
    return row;
  }
}

/** Stores items in a few multi-row statements: a month of payments is tens of thousands of rows. */
export async function insertItems(manager: EntityManager, reconciliationId: string, items: ReconciliationItem[]) {
  for (let start = 0; start < items.length; start += INSERT_CHUNK) {
    const chunk = items.slice(start, start + INSERT_CHUNK);
    const column = <K extends keyof ReconciliationItem>(key: K) => chunk.map((item) => item[key] ?? null);
    await manager.query(
      `INSERT INTO "booking"."reconciliation_items"
         ("reconciliation_id", "kind", "entity", "razorpay_payment_id", "razorpay_refund_id", "booking_id", "payment_id",
          "refund_id", "ledger_paise", "provider_paise", "ledger_status", "provider_status", "settlement_id", "note")
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[],
                                $9::bigint[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[])`,
      [
        reconciliationId,
        column('kind'),
        column('entity'),
        column('razorpayPaymentId'),
        column('razorpayRefundId'),
        column('bookingId'),
        column('paymentId'),
        column('refundId'),
        column('ledgerPaise'),
        column('providerPaise'),
        column('ledgerStatus'),
        column('providerStatus'),
        column('settlementId'),
        column('note'),
      ],
    );
  }
}

function toItem(row: ItemRow): ReconciliationItem {
  return {
    kind: row.kind,
    entity: row.entity,
    razorpayPaymentId: row.razorpay_payment_id,
    razorpayRefundId: row.razorpay_refund_id,
    bookingId: row.booking_id,
    paymentId: row.payment_id,
    refundId: row.refund_id,
    ledgerPaise: row.ledger_paise === null ? null : Number(row.ledger_paise),
    providerPaise: row.provider_paise === null ? null : Number(row.provider_paise),
    ledgerStatus: row.ledger_status,
    providerStatus: row.provider_status,
    settlementId: row.settlement_id,
    note: row.note,
  };
}

function toItemView(row: ItemRow): ReconciliationItemView {
  const item = toItem(row);
  const view: ReconciliationItemView = { kind: item.kind, entity: item.entity, note: item.note };
  if (item.razorpayPaymentId) view.paymentId = item.razorpayPaymentId;
  if (item.razorpayRefundId) view.refundId = item.razorpayRefundId;
  if (item.bookingId) view.bookingId = item.bookingId;
  if (item.paymentId) view.ledgerPaymentId = item.paymentId;
  if (item.refundId) view.ledgerRefundId = item.refundId;
  if (item.ledgerPaise !== null) view.ledgerPaise = item.ledgerPaise;
  if (item.providerPaise !== null) view.providerPaise = item.providerPaise;
  if (item.ledgerStatus) view.ledgerStatus = item.ledgerStatus;
  if (item.providerStatus) view.providerStatus = item.providerStatus;
  if (item.settlementId) view.settlementId = item.settlementId;
  return view;
}

function toView(row: ReconciliationRow, items: ItemRow[]): ReconciliationView {
  return {
    id: row.id,
    from: row.period_from.toISOString(),
    to: row.period_to.toISOString(),
    status: row.status,
    trigger: row.trigger,
    summary: row.summary,
    items: items.map(toItemView),
    ...(row.error ? { error: row.error } : {}),
    createdAt: row.created_at.toISOString(),
    ...(row.completed_at ? { completedAt: row.completed_at.toISOString() } : {}),
  };
}
