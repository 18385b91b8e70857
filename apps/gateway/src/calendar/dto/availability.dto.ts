import { AVAILABILITY_LIMITS, type Availability, WEEKDAYS, type Weekday } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIanaTimeZone, OptionalNotNull } from './validators';

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TimeWindowDto {
  @ApiProperty({ example: '09:00', description: 'Wall-clock time HH:mm in the counselor’s zone (00:00–23:59)' })
  @IsString()
  @Matches(START, { message: '$property must be a time HH:mm from 00:00 to 23:59' })
  start: string;

  @ApiProperty({ example: '13:00', description: 'HH:mm after start; 24:00 = midnight at the end of the day' })
  @IsString()
  @Matches(END, { message: '$property must be a time HH:mm up to 24:00' })
  end: string;
}

export class WeeklyWindowDto extends TimeWindowDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'mon' })
  @IsIn(WEEKDAYS, { message: `$property must be one of ${WEEKDAYS.join(', ')}` })
  day: Weekday;
}

export class DateOverrideDto {
  @ApiProperty({ example: '2026-12-25', description: 'A date in the counselor’s zone' })
  @IsString()
  @Matches(DATE, { message: '$property must be a date YYYY-MM-DD' })
  date: string;

  @ApiProperty({ type: [TimeWindowDto], description: 'Replaces the weekly windows of that date; empty = day off' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  windows: TimeWindowDto[];
}

/**
 * Body of PUT /counselor/availability. Omitted fields keep their current value; overlapping
 * windows, duplicate dates and the like are checked by the booking service (400 naming the field).
 */
export class AvailabilityDto implements Partial<Availability> {
  @ApiPropertyOptional({ example: 'Asia/Kolkata', description: 'IANA time zone of the windows' })
  @OptionalNotNull()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ type: [WeeklyWindowDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  weekly?: WeeklyWindowDto[];

  @ApiPropertyOptional({ type: [DateOverrideDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => DateOverrideDto)
  overrides?: DateOverrideDto[];

  @ApiPropertyOptional({ minimum: 0, maximum: 120, example: 10, description: 'Rest after each session (minutes)' })
  @OptionalNotNull()
  @IsInt()
  @Min(AVAILABILITY_LIMITS.bufferMinutes.min)
  @Max(AVAILABILITY_LIMITS.bufferMinutes.max)
  bufferMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 43200, example: 120 })
  @OptionalNotNull()
  @IsInt()
  @Min(AVAILABILITY_LIMITS.minNoticeMinutes.min)
  @Max(AVAILABILITY_LIMITS.minNoticeMinutes.max)
  minNoticeMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, example: 30, description: 'How far ahead clients may book' })
  @OptionalNotNull()
  @IsInt()
  @Min(AVAILABILITY_LIMITS.maxAdvanceDays.min)
  @Max(AVAILABILITY_LIMITS.maxAdvanceDays.max)
  maxAdvanceDays?: number;

  @ApiPropertyOptional({
    minimum: 5,
    maximum: 240,
    nullable: true,
    example: null,
    description: 'Grid step of slot starts; null = the offering’s duration',
  })
  @IsOptional()
  @IsInt()
  @Min(AVAILABILITY_LIMITS.slotIntervalMinutes.min)
  @Max(AVAILABILITY_LIMITS.slotIntervalMinutes.max)
  slotIntervalMinutes?: number | null;
}

/** Response shape of the availability endpoints (documentation only). */
export class AvailabilityResponseDto {
  @ApiProperty({ example: 'Asia/Kolkata' }) timezone: string;
  @ApiProperty({ type: [WeeklyWindowDto] }) weekly: WeeklyWindowDto[];
  @ApiProperty({ type: [DateOverrideDto] }) overrides: DateOverrideDto[];
  @ApiProperty({ example: 10 }) bufferMinutes: number;
  @ApiProperty({ example: 120 }) minNoticeMinutes: number;
  @ApiProperty({ example: 30 }) maxAdvanceDays: number;
  @ApiProperty({ nullable: true, example: null, type: Number }) slotIntervalMinutes: number | null;
}
