import type { DataSource } from 'typeorm';
import type { RazorpayPayments } from '../../payments/razorpay/razorpay-payments';
import type { InstantRange } from '../finance-period';
import { LedgerRecords } from './ledger-records';
import { inBatches, ProviderRecords, type ReconEntry } from './provider-records';
import {
  type LedgerPayment,
  type LedgerRefund,
  matchRecords,
  type ProviderPayment,
  type ProviderRefund,
  type ReconciliationItem,
} from './reconciliation-matching';

const LOOKUP_CONCURRENCY = 8;

/**
 * Gathers both sides of a period and matches them. A record near the period's edge can be on one
 * side's list and not the other's (Razorpay lists by creation, the ledger by capture or decision),
 * so before anything is called missing it is looked up on the other side by id.
 */
export class Reconciler {
  private readonly ledger: LedgerRecords;
  private readonly provider: ProviderRecords;

  constructor(dataSource: DataSource, razorpay: RazorpayPayments) {
    this.ledger = new LedgerRecords(dataSource);
    this.provider = new ProviderRecords(razorpay);
  }

  async reconcile(period: InstantRange): Promise<ReconciliationItem[]> {
    const [ledgerPayments, ledgerRefunds, providerPayments, providerRefunds, recon] = await Promise.all([
      this.ledger.paymentsIn(period),
      this.ledger.refundsIn(period),
      this.provider.paymentsIn(period),
      this.provider.refundsIn(period),
      this.provider.reconIn(period),
    ]);
    const theirPayments = new Map(providerPayments.map((payment) => [payment.id, payment]));
    const theirRefunds = new Map(providerRefunds.map((refund) => [refund.id, refund]));
    const ourPayments = new Map(ledgerPayments.map((payment) => [payment.razorpayPaymentId, payment]));
    const ourRefunds = new Map<string, LedgerRefund>();
    for (const refund of ledgerRefunds) ourRefunds.set(refund.razorpayRefundId ?? refund.refundId, refund);

    await this.fetchMissingAtProvider(theirPayments, theirRefunds, ledgerPayments, ledgerRefunds, recon);
    await this.fetchMissingInLedger(ourPayments, ourRefunds, theirPayments, theirRefunds);

    return matchRecords(
      { payments: [...ourPayments.values()], refunds: [...ourRefunds.values()] },
      {
        payments: [...theirPayments.values()].map((payment) => withRecon(payment, recon)),
        refunds: [...theirRefunds.values()].map((refund) => withRecon(refund, recon)),
      },
    );
  }

  /** Our records and recon rows whose Razorpay record the period's lists did not carry. */
  private async fetchMissingAtProvider(
    theirPayments: Map<string, ProviderPayment>,
    theirRefunds: Map<string, ProviderRefund>,
    ledgerPayments: LedgerPayment[],
    ledgerRefunds: LedgerRefund[],
    recon: Map<string, ReconEntry>,
  ): Promise<void> {
    const paymentIds = new Set(ledgerPayments.map((payment) => payment.razorpayPaymentId));
    const refundIds = new Set(
      ledgerRefunds.flatMap((refund) => (refund.razorpayRefundId ? [refund.razorpayRefundId] : [])),
    );
    for (const [id, entry] of recon) {
      if (entry.type === 'payment') paymentIds.add(id);
      if (entry.type === 'refund') refundIds.add(id);
    }
    await inBatches(
      [...paymentIds].filter((id) => !theirPayments.has(id)),
      LOOKUP_CONCURRENCY,
      async (id) => {
        const payment = await this.provider.payment(id);
        if (payment) theirPayments.set(id, payment);
      },
    );
    await inBatches(
      [...refundIds].filter((id) => !theirRefunds.has(id)),
      LOOKUP_CONCURRENCY,
      async (id) => {
        const refund = await this.provider.refund(id);
        if (refund) theirRefunds.set(id, refund);
      },
    );
  }

  /** Razorpay's records of the period that the ledger has, but outside the period. */
  private async fetchMissingInLedger(
    ourPayments: Map<string, LedgerPayment>,
    ourRefunds: Map<string, LedgerRefund>,
    theirPayments: Map<string, ProviderPayment>,
    theirRefunds: Map<string, ProviderRefund>,
  ): Promise<void> {
    const paymentIds = [...theirPayments.keys()].filter((id) => !ourPayments.has(id));
    for (const payment of await this.ledger.paymentsByRazorpayId(paymentIds)) {
      ourPayments.set(payment.razorpayPaymentId, payment);
    }
    const refundIds = [...theirRefunds.keys()].filter((id) => !ourRefunds.has(id));
    for (const refund of await this.ledger.refundsByRazorpayId(refundIds)) {
      ourRefunds.set(refund.razorpayRefundId!, refund);
    }
  }
}

function withRecon<T extends ProviderPayment | ProviderRefund>(record: T, recon: Map<string, ReconEntry>): T {
  const entry = recon.get(record.id);
  return entry ? { ...record, reconAmountPaise: entry.amountPaise, settlementId: entry.settlementId } : record;
}
