import { BOOKING_STATUSES, type BookingStatus } from '@haven/contracts';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/dto/page.dto';
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
