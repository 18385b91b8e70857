import { RazorpayAuthenticationError, RazorpayRequestError } from '../../payments/razorpay/razorpay-errors';
import type { RazorpayPayments } from '../../payments/razorpay/razorpay-payments';
import type {
  RazorpayCollection,
  RazorpayPayment,
  RazorpayReconRow,
  RazorpayRefund,
} from '../../payments/razorpay/razorpay-types';
import { type InstantRange, istDaysOf } from '../finance-period';
import type { ProviderPayment, ProviderRefund } from './reconciliation-matching';

/** Razorpay's largest page of payments and refunds, and of the recon report. */
const LIST_PAGE = 100;
const RECON_PAGE = 1000;
/** Requests in flight at once: quick for a month of payments, gentle on Razorpay's rate limits. */
const CONCURRENCY = 4;

/** A recon row, reduced to what matching needs. */
export interface ReconEntry {
  type: 'payment' | 'refund' | string;
  /** When Razorpay captured the payment or created the refund. */
  createdAt: Date;
  amountPaise: number;
  settlementId: string | null;
}

/**
 * Razorpay's side of a reconciliation, through the payments adapter (the SDK): payments and
 * refunds created in the period, the settlement recon report of the IST days it touches, and
 * single records the lists missed.
 */
export class ProviderRecords {
  constructor(private readonly razorpay: RazorpayPayments) {}

  async paymentsIn(period: InstantRange): Promise<ProviderPayment[]> {
    const payments = await pages((skip) =>
      this.razorpay.listPayments({ ...razorpayWindow(period), count: LIST_PAGE, skip }),
    );
    return unique(payments.map(toProviderPayment));
  }

  async refundsIn(period: InstantRange): Promise<ProviderRefund[]> {
    const refunds = await pages((skip) =>
      this.razorpay.listRefunds({ ...razorpayWindow(period), count: LIST_PAGE, skip }),
    );
    return unique(refunds.map(toProviderRefund));
  }

  /** The settlement recon rows of the period (asked for by the IST days it touches), by entity id. */
  async reconIn(period: InstantRange): Promise<Map<string, ReconEntry>> {
    const entries = new Map<string, ReconEntry>();
    await inBatches(istDaysOf(period), CONCURRENCY, async (day) => {
      for (let skip = 0; ; skip += RECON_PAGE) {
        const page = await this.razorpay.settlementRecon({ ...day, count: RECON_PAGE, skip });
        for (const row of page.items) {
          const entry = toReconEntry(row);
          if (within(entry.createdAt, period)) entries.set(row.entity_id, entry);
        }
        if (page.items.length < RECON_PAGE) break;
      }
    });
    return entries;
  }

  /** One payment by id; null when Razorpay does not know it. */
  async payment(id: string): Promise<ProviderPayment | null> {
    return unknownAsNull(async () => toProviderPayment(await this.razorpay.fetchPayment(id)));
  }

  async refund(id: string): Promise<ProviderRefund | null> {
    return unknownAsNull(async () => toProviderRefund(await this.razorpay.fetchRefund(id)));
  }
}

/** Razorpay's times are whole seconds: a record of the period's first or last second counts. */
function within(at: Date, period: InstantRange): boolean {
  return at.getTime() >= Math.floor(period.from.getTime() / 1000) * 1000 && at < period.to;
}

/** Razorpay's `from`/`to` are whole seconds, both inclusive. */
function razorpayWindow(period: InstantRange): { from: Date; to: Date } {
  return { from: period.from, to: new Date(period.to.getTime() - 1) };
}

/** Every page of a list, CONCURRENCY pages at a time, until a short page. */
async function pages<T>(fetchPage: (skip: number) => Promise<RazorpayCollection<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let first = 0; ; first += CONCURRENCY) {
    const batch = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, index) => fetchPage((first + index) * LIST_PAGE)),
    );
    for (const page of batch) items.push(...page.items);
    if (batch.some((page) => page.items.length < LIST_PAGE)) return items;
  }
}

export async function inBatches<T>(values: readonly T[], size: number, work: (value: T) => Promise<void>) {
  for (let index = 0; index < values.length; index += size) {
    await Promise.all(values.slice(index, index + size).map(work));
  }
}

/** Pages fetched while new records arrive can overlap: keep each id once. */
function unique<T extends { id: string }>(records: T[]): T[] {
  return [...new Map(records.map((record) => [record.id, record])).values()];
}

async function unknownAsNull<T>(fetch: () => Promise<T>): Promise<T | null> {
  try {
    return await fetch();
  } catch (error) {
    if (error instanceof RazorpayRequestError && !(error instanceof RazorpayAuthenticationError)) return null;
    throw error;
  }
}

function toProviderPayment(payment: RazorpayPayment): ProviderPayment {
  return {
    id: payment.id,
    orderId: payment.order_id ?? null,
    amountPaise: Number(payment.amount),
    status: payment.status,
  };
}

function toProviderRefund(refund: RazorpayRefund): ProviderRefund {
  return {
    id: refund.id,
    paymentId: refund.payment_id,
    amountPaise: Number(refund.amount),
    status: refund.status,
  };
}

function toReconEntry(row: RazorpayReconRow): ReconEntry {
  return {
    type: row.type,
    createdAt: new Date(Number(row.created_at) * 1000),
    amountPaise: Number(row.amount),
    settlementId: row.settlement_id ?? null,
  };
}
