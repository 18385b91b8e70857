import { BOOKING_STATUSES, type BookingStatus } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page.dto';
import { IsInstant, Trim } from '../../common/dto/validators';

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be an offering id (UUID)' })
  offeringId: string;

  @ApiProperty({ example: '2026-12-10T04:30:00.000Z', description: 'One of the offering’s open slots' })
  @IsInstant()
  startsAt: string;
}

export class VerifyPaymentDto {
  @ApiProperty({ example: 'order_Nx1a2b3c4d5e6f' })
  @IsString()
  @Matches(/^order_[A-Za-z0-9]{1,40}$/, { message: '$property must be a Razorpay order id (order_…)' })
  razorpayOrderId: string;

  @ApiProperty({ example: 'pay_Nx1a2b3c4d5e6f' })
  @IsString()
  @Matches(/^pay_[A-Za-z0-9]{1,40}$/, { message: '$property must be a Razorpay payment id (pay_…)' })
  razorpayPaymentId: string;

  @ApiProperty({ description: 'What Checkout returned: lowercase hex HMAC-SHA256' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be 64 lowercase hex characters' })
  razorpaySignature: string;
}

export class CancelBookingDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class RescheduleBookingDto {
  @ApiProperty({ example: '2026-12-12T04:30:00.000Z', description: 'Another open slot of the same offering' })
  @IsInstant()
  startsAt: string;
}

export class ReviewBookingDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class BookingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['client', 'counselor'], default: 'client' })
  @IsOptional()
  @IsIn(['client', 'counselor'], { message: '$property must be client or counselor' })
  role?: 'client' | 'counselor';

  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES, { message: `$property must be one of ${BOOKING_STATUSES.join(', ')}` })
  status?: BookingStatus;

  @ApiPropertyOptional({ description: 'Bookings starting at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Bookings starting before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
