import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type {
  EarningsRequest,
  EarningsView,
  FinancePaymentView,
  FinanceRefundView,
  LedgerEntryView,
  ListFinancePaymentsRequest,
  ListFinanceRefundsRequest,
  ListLedgerRequest,
  ListPayoutsRequest,
  ListReconciliationsRequest,
  PayoutView,
  ReconciliationCsv,
  ReconciliationView,
  RecordedPayoutView,
  RecordPayoutRequest,
  StartReconciliationRequest,
} from './finance.types';

/**
 * Served by the booking service. Reads need the `finance` or `admin` role, recording a payout the
 * `finance` role; earnings are the calling counselor's own.
 */
export const FinanceRpc = {
  listPayments: defineRpc<ListFinancePaymentsRequest, Page<FinancePaymentView>>(
    'booking',
    'booking.v1.finance.payments.list',
  ),
  listRefunds: defineRpc<ListFinanceRefundsRequest, Page<FinanceRefundView>>(
    'booking',
    'booking.v1.finance.refunds.list',
  ),
  listLedger: defineRpc<ListLedgerRequest, Page<LedgerEntryView>>('booking', 'booking.v1.finance.ledger.list'),
  startReconciliation: defineRpc<StartReconciliationRequest, ReconciliationView>(
    'booking',
    'booking.v1.finance.reconciliations.start',
  ),
  listReconciliations: defineRpc<ListReconciliationsRequest, Page<ReconciliationView>>(
    'booking',
    'booking.v1.finance.reconciliations.list',
  ),
  getReconciliation: defineRpc<{ id: string }, ReconciliationView>('booking', 'booking.v1.finance.reconciliations.get'),
  reconciliationCsv: defineRpc<{ id: string }, ReconciliationCsv>('booking', 'booking.v1.finance.reconciliations.csv'),
  listPayouts: defineRpc<ListPayoutsRequest, PayoutView[]>('booking', 'booking.v1.finance.payouts.list'),
  recordPayout: defineRpc<RecordPayoutRequest, RecordedPayoutView>('booking', 'booking.v1.finance.payouts.record'),
  earnings: defineRpc<EarningsRequest, EarningsView>('booking', 'booking.v1.counselor.earnings'),
} as const;
