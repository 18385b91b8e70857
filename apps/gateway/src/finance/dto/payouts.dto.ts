import {
  type EarningsView,
  FINANCE_LIMITS,
  PAYOUT_REFERENCE_PATTERN,
  type PayoutView,
  PERIOD_PATTERN,
  type RecordedPayoutView,
} from '@haven/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches } from 'class-validator';
import { IsWholeNumber, Trim } from '../../common/dto/validators';

export class RecordPayoutDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be a counselor id (UUID)' })
  counselorId: string;

  @ApiProperty({ example: '2026-12', description: 'The IST month paid for' })
  @Matches(PERIOD_PATTERN, { message: '$property must be a month as YYYY-MM, such as 2026-12' })
  period: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: FINANCE_LIMITS.maxPayoutPaise })
  @IsWholeNumber({ min: 1, max: FINANCE_LIMITS.maxPayoutPaise })
  amountPaise: number;

  @ApiProperty({ example: 'UTR2026120412345', description: 'Bank reference; the same one again records nothing new' })
  @Trim()
  @IsString()
  @Matches(PAYOUT_REFERENCE_PATTERN, {
    message: '$property must be the bank reference: 4–64 letters, digits, / _ . -',
  })
  reference: string;
}

export class PayoutDto implements PayoutView {
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty({ example: '2026-12' }) period: string;
  @ApiProperty({ type: 'integer', description: 'Payments captured in the month' }) grossPaise: number;
  @ApiProperty({ type: 'integer', description: 'Refunds decided in the month' }) refundsPaise: number;
  @ApiProperty({ type: 'integer', description: 'round((gross − refunds) × 20 %)' }) commissionPaise: number;
  @ApiProperty({ type: 'integer', description: 'gross − refunds − commission' }) netPaise: number;
  @ApiProperty({ type: 'integer' }) paidOutPaise: number;
  @ApiProperty({ type: 'integer', description: 'net − paid out, never below 0' }) owedPaise: number;
  @ApiProperty({ type: 'integer', description: 'Paid bookings captured in the month' }) sessions: number;
}

export class RecordedPayoutDto implements RecordedPayoutView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty({ example: '2026-12' }) period: string;
  @ApiProperty({ type: 'integer' }) amountPaise: number;
  @ApiProperty({ example: 'INR' }) currency: 'INR';
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EarningsDto implements EarningsView {
  @ApiProperty({ example: '2026-12' }) period: string;
  @ApiProperty({ type: 'integer' }) grossPaise: number;
  @ApiProperty({ type: 'integer' }) commissionPaise: number;
  @ApiProperty({ type: 'integer' }) refundsPaise: number;
  @ApiProperty({ type: 'integer' }) netPaise: number;
  @ApiProperty({ type: 'integer' }) paidOutPaise: number;
  @ApiProperty({ type: 'integer' }) sessions: number;
}
