import { Module } from '@nestjs/common';
import { FinanceRecordsController } from './finance-records.controller';
import { EarningsController, PayoutsController } from './payouts.controller';
import { ReconciliationsController } from './reconciliations.controller';

/** Finance (booking service): payments, refunds, ledger, reconciliations, payouts; counselors' earnings. */
@Module({
  controllers: [FinanceRecordsController, ReconciliationsController, PayoutsController, EarningsController],
})
export class FinanceGatewayModule {}
