import {
  BOOKING_LIMITS,
  BOOKING_STATUSES,
  type BookingStatus,
  type BookingView,
  type CancelledBy,
  type CreatedReviewView,
  DIRECTORY_LIMITS,
  OFFERING_MODES,
  type OfferingMode,
} from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
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
  @ApiPropertyOptional({ maxLength: BOOKING_LIMITS.maxCancelReasonLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(BOOKING_LIMITS.maxCancelReasonLength)
  reason?: string;
}

export class RescheduleBookingDto {
  @ApiProperty({ example: '2026-12-12T04:30:00.000Z', description: 'Another open slot of the same offering' })
  @IsInstant()
  startsAt: string;
}

export class ReviewBookingDto {
  @ApiProperty({ minimum: DIRECTORY_LIMITS.minRating, maximum: DIRECTORY_LIMITS.maxRating })
  @IsInt()
  @Min(DIRECTORY_LIMITS.minRating)
  @Max(DIRECTORY_LIMITS.maxRating)
  rating: number;

  @ApiPropertyOptional({ maxLength: DIRECTORY_LIMITS.maxCommentLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(DIRECTORY_LIMITS.maxCommentLength)
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

export class CounselorBookingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Bookings starting at or after this instant', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Bookings starting before this instant', example: '2027-01-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES, { message: `$property must be one of ${BOOKING_STATUSES.join(', ')}` })
  status?: BookingStatus;
}

class BookingPaymentDto {
  @ApiProperty({ enum: ['razorpay'] }) provider: 'razorpay';
  @ApiProperty({ description: 'Razorpay key id for Checkout (never the secret)' }) keyId: string;
  @ApiProperty() orderId: string;
  @ApiProperty({ type: 'integer' }) amountPaise: number;
  @ApiProperty({ example: 'INR' }) currency: 'INR';
  @ApiPropertyOptional({
    format: 'uri',
    description: 'Sandbox only: its Checkout page for this order; absent means load Razorpay checkout.js',
  })
  checkoutUrl?: string;
}

class BookingRefundDto {
  @ApiProperty({ type: 'integer' }) amountPaise: number;
  @ApiProperty({ enum: ['pending', 'processed', 'failed'] }) status: 'pending' | 'processed' | 'failed';
}

class BookingClientTermsDto {
  @ApiProperty({ format: 'date-time', description: 'A client cancelling before this gets a full refund' })
  fullRefundBefore: string;
  @ApiProperty({ format: 'date-time', description: '… before this, `partialRefundPaise`; later nothing' })
  partialRefundBefore: string;
  @ApiProperty({ type: 'integer' }) partialRefundPaise: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Latest reschedule; absent once rescheduled' })
  rescheduleBefore?: string;
}

/** `booking` of the API, as a counselor sees it in their calendar. */
export class BookingDto implements BookingView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty({ enum: OFFERING_MODES }) mode: OfferingMode;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty({ type: 'integer', minimum: 0 }) pricePaise: number;
  @ApiProperty({ example: 'INR' }) currency: 'INR';
  @ApiPropertyOptional({ format: 'date-time', description: 'pending_payment only: when the hold ends' })
  expiresAt?: string;
  @ApiPropertyOptional({ format: 'uri', description: 'confirmed only' }) meetingUrl?: string;
  @ApiPropertyOptional({ enum: ['client', 'counselor', 'admin', 'system'] }) cancelledBy?: CancelledBy;
  @ApiPropertyOptional() cancelReason?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The start before the reschedule' })
  rescheduledFrom?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: BookingPaymentDto, description: 'pending_payment with an order' })
  payment?: BookingPaymentDto;
  @ApiPropertyOptional({ type: BookingRefundDto }) refund?: BookingRefundDto;
  @ApiPropertyOptional({ type: BookingClientTermsDto, description: 'confirmed: what a client cancel/reschedule gets' })
  clientTerms?: BookingClientTermsDto;
}

export class BookingPageDto extends pageDto(BookingDto) {}

/** The review a client just wrote about a completed session. */
export class CreatedReviewDto implements CreatedReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bookingId: string;
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty({ type: 'string', nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** What the webhook intake answers once the event is stored. */
export class WebhookReceivedDto {
  @ApiProperty({ enum: [true] }) received: true;
}
