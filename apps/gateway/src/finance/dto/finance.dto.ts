import {
  FINANCE_LIMITS,
  FINANCE_PAYMENT_STATUSES,
  type FinancePaymentStatus,
  type FinancePaymentView,
  type FinanceRefundView,
  LEDGER_ACCOUNT_NAMES,
  type LedgerAccountName,
  type LedgerEntryView,
  RECONCILIATION_ITEM_KINDS,
  RECONCILIATION_STATUSES,
  type ReconciliationItemKind,
  type ReconciliationItemView,
  type ReconciliationStatus,
  type ReconciliationSummary,
  type ReconciliationView,
  type RefundStatus,
  PERIOD_PATTERN,
} from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
import { EmptyAsAbsent, IsInstant } from '../../common/dto/validators';

const REFUND_STATUSES: RefundStatus[] = ['pending', 'processed', 'failed'];
const PERIOD_MESSAGE = '$property must be a month as YYYY-MM, such as 2026-12';

/** `?from=&to=` of the finance lists: instants, from inclusive, to exclusive. */
class PeriodQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'At or after this instant', example: '2026-12-01T00:00:00Z' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (after from)', example: '2027-01-01T00:00:00Z' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class FinancePaymentsQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: FINANCE_PAYMENT_STATUSES })
  @EmptyAsAbsent()
  @IsOptional()
  @IsIn(FINANCE_PAYMENT_STATUSES, { message: `$property must be one of ${FINANCE_PAYMENT_STATUSES.join(', ')}` })
  status?: FinancePaymentStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: '$property must be a counselor id (UUID)' })
  counselorId?: string;
}

export class FinanceRefundsQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: REFUND_STATUSES })
  @EmptyAsAbsent()
  @IsOptional()
  @IsIn(REFUND_STATUSES, { message: `$property must be one of ${REFUND_STATUSES.join(', ')}` })
  status?: RefundStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: '$property must be a counselor id (UUID)' })
  counselorId?: string;
}

export class LedgerQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: LEDGER_ACCOUNT_NAMES })
  @EmptyAsAbsent()
  @IsOptional()
  @IsIn(LEDGER_ACCOUNT_NAMES, { message: `$property must be one of ${LEDGER_ACCOUNT_NAMES.join(', ')}` })
  account?: LedgerAccountName;
}

export class StartReconciliationDto {
  @ApiProperty({ example: '2026-12-01T00:00:00Z', description: 'Start of the period (inclusive)' })
  @IsInstant()
  from: string;

  @ApiProperty({
    example: '2026-12-02T00:00:00Z',
    description: `End of the period (exclusive); at most ${FINANCE_LIMITS.maxReconciliationDays} days after from`,
  })
  @IsInstant()
  to: string;
}

export class PeriodQueryOnlyDto {
  @ApiProperty({ example: '2026-12', description: 'A month in IST, YYYY-MM' })
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period: string;
}

export class PayoutsQueryDto extends PeriodQueryOnlyDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsUUID('all', { message: '$property must be a counselor id (UUID)' })
  counselorId?: string;
}

export class FinancePaymentDto implements FinancePaymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ example: 'order_Nx1a2b3c4d5e6f' }) razorpayOrderId: string;
  @ApiProperty({ example: 'pay_Nx1a2b3c4d5e6f' }) razorpayPaymentId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) amountPaise: number;
  @ApiProperty({ example: 'INR' }) currency: 'INR';
  @ApiProperty({ enum: FINANCE_PAYMENT_STATUSES }) status: FinancePaymentStatus;
  @ApiProperty({ format: 'date-time' }) capturedAt: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Refunds Razorpay has processed' }) refundedPaise: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Refunds decided, not yet processed' })
  refundPendingPaise: number;
}
export class FinancePaymentPageDto extends pageDto(FinancePaymentDto) {}

export class FinanceRefundDto implements FinanceRefundView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ format: 'uuid' }) paymentId: string;
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty() razorpayPaymentId: string;
  @ApiProperty({ type: 'string', nullable: true }) razorpayRefundId: string | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) amountPaise: number;
  @ApiProperty({ example: 'INR' }) currency: 'INR';
  @ApiProperty({ enum: REFUND_STATUSES }) status: RefundStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) processedAt: string | null;
}
export class FinanceRefundPageDto extends pageDto(FinanceRefundDto) {}

export class LedgerEntryDto implements LedgerEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'uuid', description: 'Entries of one transaction share it; debits = credits' })
  transactionId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: LEDGER_ACCOUNT_NAMES }) account: LedgerAccountName;
  @ApiProperty({ type: 'integer', minimum: 0 }) debitPaise: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) creditPaise: number;
  @ApiPropertyOptional({ format: 'uuid' }) bookingId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) paymentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) refundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) payoutId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) counselorId?: string;
  @ApiProperty() memo: string;
}
export class LedgerPageDto extends pageDto(LedgerEntryDto) {}

class ReconciliationSummaryDto implements ReconciliationSummary {
  @ApiProperty({ type: 'integer', minimum: 0 }) matched: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) amountMismatch: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) missingAtProvider: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) missingInLedger: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) statusMismatch: number;
}

class ReconciliationItemDto implements ReconciliationItemView {
  @ApiProperty({ enum: RECONCILIATION_ITEM_KINDS }) kind: ReconciliationItemKind;
  @ApiProperty({ enum: ['payment', 'refund'] }) entity: 'payment' | 'refund';
  @ApiPropertyOptional({ description: 'Razorpay payment id (pay_…)' }) paymentId?: string;
  @ApiPropertyOptional({ description: 'Razorpay refund id (rfnd_…)' }) refundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) bookingId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) ledgerPaymentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) ledgerRefundId?: string;
  @ApiPropertyOptional({ type: 'integer' }) ledgerPaise?: number;
  @ApiPropertyOptional({ type: 'integer' }) providerPaise?: number;
  @ApiPropertyOptional() ledgerStatus?: string;
  @ApiPropertyOptional() providerStatus?: string;
  @ApiPropertyOptional({ description: 'Razorpay settlement (setl_…)' }) settlementId?: string;
  @ApiProperty() note: string;
}

export class ReconciliationDto implements ReconciliationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ enum: RECONCILIATION_STATUSES }) status: ReconciliationStatus;
  @ApiProperty({ enum: ['manual', 'daily'] }) trigger: 'manual' | 'daily';
  @ApiProperty({ type: ReconciliationSummaryDto }) summary: ReconciliationSummaryDto;
  @ApiProperty({ type: [ReconciliationItemDto], description: 'One per discrepancy (the first 1000); the CSV has all' })
  items: ReconciliationItemDto[];
  @ApiPropertyOptional({ description: 'Why a failed run failed' }) error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;
}
export class ReconciliationPageDto extends pageDto(ReconciliationDto) {}
