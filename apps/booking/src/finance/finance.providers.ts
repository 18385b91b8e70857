import { FinanceQueue } from './finance-queue';
import { FinanceWorker } from './finance-worker';
import { LedgerViewController } from './ledger-view/ledger-view.controller';
import { LedgerViewService } from './ledger-view/ledger-view.service';
import { PaymentsViewController } from './payments-view/payments-view.controller';
import { PaymentsViewService } from './payments-view/payments-view.service';
import { PayoutsController } from './payouts/payouts.controller';
import { PayoutsService } from './payouts/payouts.service';
import { ReconciliationController } from './reconciliation/reconciliation.controller';
import { ReconciliationService } from './reconciliation/reconciliation.service';

/**
 * Finance, part of the booking service (it owns payments, refunds and the ledger): the payments,
 * refunds and ledger views, reconciliation against Razorpay, payouts and counselors' earnings.
 */
export const FINANCE_CONTROLLERS = [
  PaymentsViewController,
  LedgerViewController,
  ReconciliationController,
  PayoutsController,
];

export const FINANCE_PROVIDERS = [
  PaymentsViewService,
  LedgerViewService,
  ReconciliationService,
  PayoutsService,
  FinanceQueue,
  FinanceWorker,
];
