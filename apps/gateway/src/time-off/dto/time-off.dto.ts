import { BOOKING_LIMITS as L } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto, pageDto } from '../../common/dto/page.dto';
import { IsInstant } from '../../common/dto/validators';

export class CreateTimeOffDto {
  @ApiProperty({ example: '2026-12-24T00:00:00Z' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ example: '2026-12-27T00:00:00Z', description: 'After startsAt' })
  @IsInstant()
  endsAt: string;

  @ApiPropertyOptional({ example: 'Holiday', maxLength: L.maxTimeOffReasonLength })
  @IsOptional()
  @IsString()
  @MaxLength(L.maxTimeOffReasonLength)
  reason?: string;
}

export class TimeOffResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-24T00:00:00.000Z' }) startsAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-27T00:00:00.000Z' }) endsAt: string;
  @ApiPropertyOptional() reason?: string;
}

export class TimeOffPageDto extends pageDto(TimeOffResponseDto) {}

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
