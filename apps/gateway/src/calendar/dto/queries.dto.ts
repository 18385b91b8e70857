import {
  BOOKING_STATUSES,
  type BookingStatus,
  type BookingView,
  type CancelledBy,
  OFFERING_MODES,
  type OfferingMode,
  type SlotsView,
} from '@haven/contracts';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
import { IsInstant } from '../../common/dto/validators';

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

export class TimeOffQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Time off ending after this instant; default now' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Time off starting before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class SlotsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '$property must be an offering id (UUID)' })
  offeringId: string;

  @ApiPropertyOptional({
    description: 'Slots starting at or after this instant; default now',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'Slots starting before this instant; default from + 7 days; at most 31 days after from',
    example: '2026-12-08T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}

class SlotDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T04:30:00.000Z' }) startsAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T05:20:00.000Z' }) endsAt: string;
}

/** Response of GET /counselors/:id/slots. */
export class SlotsDto implements SlotsView {
  @ApiProperty({ format: 'uuid' }) counselorId: string;
  @ApiProperty({ format: 'uuid' }) offeringId: string;
  @ApiProperty({ type: [SlotDto], description: 'Open starts in time order, UTC' }) slots: SlotDto[];
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
  @ApiPropertyOptional({ format: 'uuid' }) rescheduledFrom?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BookingPageDto extends pageDto(BookingDto) {}
