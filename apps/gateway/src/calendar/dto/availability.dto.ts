import { AVAILABILITY_LIMITS, type Availability, WEEKDAYS, type Weekday } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { IsIanaTimeZone, OptionalNotNull } from '../../common/dto/validators';

const MAX_WEEKLY_WINDOWS = 200;
const MAX_OVERRIDES = 400;
const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Documentation of a window (the booking service checks each one and names the bad field). */
export class TimeWindowDto {
  @ApiProperty({
    example: '09:00',
    pattern: START.source,
    description: 'Wall-clock time HH:mm in the counselor’s zone (00:00–23:59)',
  })
  start: string;

  @ApiProperty({
    example: '13:00',
    pattern: END.source,
    description: 'HH:mm after start; 24:00 = midnight at the end of the day',
  })
  end: string;
}

export class WeeklyWindowDto extends TimeWindowDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'mon' })
  day: Weekday;
}

export class DateOverrideDto {
  @ApiProperty({ example: '2026-12-25', format: 'date', description: 'A date in the counselor’s zone' })
  date: string;

  @ApiProperty({ type: [TimeWindowDto], description: 'Replaces the weekly windows of that date; empty = day off' })
  windows: TimeWindowDto[];
}

/**
 * Body of PUT /counselor/availability. Omitted fields keep their current value. The entries of
 * `weekly` and `overrides` are checked one by one by the booking service, which names the exact
 * field (`weekly[2].end`, `overrides[0].windows[1].start`) for malformed, inverted or overlapping
 * windows, unknown days and bad or duplicate dates; the classes above document their shape.
 */
export class AvailabilityDto implements Partial<Availability> {
  @ApiPropertyOptional({ example: 'Asia/Kolkata', description: 'IANA time zone of the windows' })
  @OptionalNotNull()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ type: [WeeklyWindowDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_WEEKLY_WINDOWS)
  @IsObject({ each: true, message: 'each entry of $property must be an object {day, start, end}' })
  weekly?: WeeklyWindowDto[];

  @ApiPropertyOptional({ type: [DateOverrideDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_OVERRIDES)
  @IsObject({ each: true, message: 'each entry of $property must be an object {date, windows}' })
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
