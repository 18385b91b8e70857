import { BOOKING_STATUSES, type BookingStatus } from '@haven/contracts';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsInstant, IsWholeNumber } from './validators';

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsWholeNumber({ min: 1 })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsWholeNumber({ min: 1, max: 100 })
  limit: number = 20;
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
