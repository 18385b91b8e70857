import {
  type Actor,
  type EarningsView,
  FINANCE_LIMITS,
  type ListPayoutsRequest,
  PAYOUT_REFERENCE_PATTERN,
  type PayoutView,
  type RecordedPayoutView,
  type RecordPayoutRequest,
} from '@haven/contracts';
import { DomainError, FieldErrors } from '@haven/common';
import { isUniqueViolation, lockForTransaction } from '@haven/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BookingConfig } from '../../config/booking.config';
import { LedgerService } from '../../ledger/ledger.service';
import { payoutPostings } from '../../ledger/postings';
import { counselorIdOf } from '../finance-access';
import { type MonthPeriod, parseMonthPeriod } from '../finance-period';
import { type CounselorMonth, payoutFigures, payoutRefusal } from './payout-maths';

interface MonthRow {
  counselor_id: string;
  gross: string;
  sessions: number;
  refunds: string;
  paid_out: string;
}

interface PayoutRow {
  id: string;
  counselor_id: string;
  period: string;
  amount_paise: string;
  reference: string;
  recorded_by: string;
  created_at: Date;
}

/**
 * Counselor payouts per IST month: gross (captures in the month), refunds (decided in the month),
 * the commission policy, and payouts recorded against the month. Recording one posts it to the
 * ledger; one bank reference is one payout, however often it is sent.
 */
@Injectable()
export class PayoutsService {
  private readonly logger = new Logger(PayoutsService.name);

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly config: BookingConfig,
  ) {}

  async list(input: ListPayoutsRequest): Promise<PayoutView[]> {
    const month = parseMonthPeriod(input.period);
    const counselorId = input.counselorId === undefined ? undefined : counselorIdOf(input.counselorId);
    const rows = await this.monthRows(this.dataSource.manager, month, counselorId);
    return rows.map((row) => this.view(month.period, row));
  }

  async earnings(actor: Actor, input: { period?: unknown }): Promise<EarningsView> {
    if (!actor.roles.includes('counselor')) throw DomainError.forbidden('This needs the counselor role');
    const month = parseMonthPeriod(input.period);
    const [row] = await this.monthRows(this.dataSource.manager, month, actor.userId);
    const { grossPaise, commissionPaise, refundsPaise, netPaise, paidOutPaise, sessions } = this.view(
      month.period,
      row ?? emptyMonth(actor.userId),
    );
    return { period: month.period, grossPaise, commissionPaise, refundsPaise, netPaise, paidOutPaise, sessions };
  }

  async record(actor: Actor, input: RecordPayoutRequest): Promise<RecordedPayoutView> {
    if (!actor.roles.includes('finance')) throw DomainError.forbidden('Only finance records payouts');
    const { counselorId, month, amountPaise, reference } = new FieldErrors().checkAll({
      counselorId: () => counselorIdOf(input.counselorId),
      month: () => parseMonthPeriod(input.period),
      amountPaise: () => payoutAmount(input.amountPaise),
      reference: () => payoutReference(input.reference),
    });
    const request = { counselorId, period: month.period, amountPaise, reference };
    const earlier = await this.byReference(request);
    if (earlier) return earlier;
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Payouts of one counselor's month are decided one at a time, so two cannot both fit.
        await lockForTransaction(manager, {
          schema: 'booking',
          subject: 'payout',
          id: `${counselorId}:${month.period}`,
        });
        const [row] = await this.monthRows(manager, month, counselorId);
        const refusal = payoutRefusal(this.figures(row ?? emptyMonth(counselorId)), amountPaise);
        if (refusal) throw DomainError.unprocessable('payout_exceeds_owed', refusal);
        const [payout]: PayoutRow[] = await manager.query(
          `INSERT INTO "booking"."payouts" ("counselor_id", "period", "amount_paise", "reference", "recorded_by")
           VALUES ($1, $2, $3, $4, $5) RETURNING *`,
          [counselorId, month.period, amountPaise, request.reference, actor.userId],
        );
        await this.ledger.post(
          manager,
          payoutPostings(amountPaise),
          { payoutId: payout.id },
          `payout ${request.reference} to counselor ${counselorId} for ${month.period}`,
        );
        this.logger.log({ payoutId: payout.id, counselorId, period: month.period, amountPaise }, 'payout recorded');
        return payoutView(payout);
      });
    } catch (error) {
      // The same reference raced in from another request: it was recorded once, by that one.
      if (isUniqueViolation(error)) {
        const winner = await this.byReference(request);
        if (winner) return winner;
      }
      throw error;
    }
  }

  /** The payout already recorded under the reference; another payout under it is a conflict. */
  private async byReference(request: RecordPayoutRequest): Promise<RecordedPayoutView | null> {
    const [row]: PayoutRow[] = await this.dataSource.query(`SELECT * FROM "booking"."payouts" WHERE "reference" = $1`, [
      request.reference,
    ]);
    if (!row) return null;
    const payout = payoutView(row);
    if (
      payout.counselorId !== request.counselorId ||
      payout.period !== request.period ||
      payout.amountPaise !== request.amountPaise
    ) {
      throw DomainError.conflict('payout_reference_used', 'This bank reference is already recorded for another payout');
    }
    return payout;
  }

  private async monthRows(manager: EntityManager, month: MonthPeriod, counselorId?: string): Promise<MonthRow[]> {
    return manager.query(
      `WITH gross AS (
         SELECT b."counselor_id", sum(p."amount_paise") AS gross, count(*)::int AS sessions
           FROM "booking"."payments" p JOIN "booking"."bookings" b ON b."id" = p."booking_id"
          WHERE p."captured_at" >= $1 AND p."captured_at" < $2
          GROUP BY b."counselor_id"
       ), refunds AS (
         SELECT b."counselor_id", sum(r."amount_paise") AS refunds
           FROM "booking"."refunds" r JOIN "booking"."bookings" b ON b."id" = r."booking_id"
          WHERE r."created_at" >= $1 AND r."created_at" < $2 AND r."status" <> 'failed'
          GROUP BY b."counselor_id"
       ), paid AS (
         SELECT "counselor_id", sum("amount_paise") AS paid_out FROM "booking"."payouts"
          WHERE "period" = $3 GROUP BY "counselor_id"
       ), counselors AS (
         SELECT "counselor_id" FROM gross UNION SELECT "counselor_id" FROM refunds UNION SELECT "counselor_id" FROM paid
       )
       SELECT c."counselor_id", COALESCE(g.gross, 0) AS gross, COALESCE(g.sessions, 0) AS sessions,
              COALESCE(r.refunds, 0) AS refunds, COALESCE(p.paid_out, 0) AS paid_out
         FROM counselors c
         LEFT JOIN gross g ON g."counselor_id" = c."counselor_id"
         LEFT JOIN refunds r ON r."counselor_id" = c."counselor_id"
         LEFT JOIN paid p ON p."counselor_id" = c."counselor_id"
        WHERE $4::uuid IS NULL OR c."counselor_id" = $4::uuid
        ORDER BY c."counselor_id"`,
      [month.from, month.to, month.period, counselorId ?? null],
    );
  }

  private figures(row: MonthRow) {
    const month: CounselorMonth = {
      grossPaise: Number(row.gross),
      refundsPaise: Number(row.refunds),
      paidOutPaise: Number(row.paid_out),
    };
    return payoutFigures(month, this.config.PLATFORM_COMMISSION_PERCENT);
  }

  private view(period: string, row: MonthRow): PayoutView {
    const figures = this.figures(row);
    return {
      counselorId: row.counselor_id,
      period,
      grossPaise: figures.grossPaise,
      refundsPaise: figures.refundsPaise,
      commissionPaise: figures.commissionPaise,
      netPaise: figures.netPaise,
      paidOutPaise: figures.paidOutPaise,
      owedPaise: figures.owedPaise,
      sessions: row.sessions,
    };
  }
}

function emptyMonth(counselorId: string): MonthRow {
  return { counselor_id: counselorId, gross: '0', sessions: 0, refunds: '0', paid_out: '0' };
}

function payoutView(row: PayoutRow): RecordedPayoutView {
  return {
    id: row.id,
    counselorId: row.counselor_id,
    period: row.period,
    amountPaise: Number(row.amount_paise),
    currency: 'INR',
    reference: row.reference,
    recordedBy: row.recorded_by,
    createdAt: row.created_at.toISOString(),
  };
}

function payoutAmount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > FINANCE_LIMITS.maxPayoutPaise) {
    throw DomainError.invalidField(
      'amountPaise',
      `must be a whole number of paise from 1 to ${FINANCE_LIMITS.maxPayoutPaise}`,
    );
  }
  return value;
}

function payoutReference(value: unknown): string {
  if (typeof value !== 'string' || !PAYOUT_REFERENCE_PATTERN.test(value)) {
    throw DomainError.invalidField('reference', 'must be the bank reference: 4–64 letters, digits, / _ . -');
  }
  return value;
}
