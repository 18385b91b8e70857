import { BOOKING_LIMITS, type SlotsView } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../../common/dto/validators';

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
    description: `Slots starting before this instant; default from + 7 days; at most ${BOOKING_LIMITS.maxSlotRangeDays} days after from`,
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
