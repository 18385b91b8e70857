import { AVAILABILITY_LIMITS, type Availability, CALENDAR_CAPS, WEEKDAYS, type Weekday } from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

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

  @ApiProperty({
    type: [TimeWindowDto],
    maxItems: CALENDAR_CAPS.maxWindowsPerOverride,
    description: 'Replaces the weekly windows of that date; empty = day off',
  })
  windows: TimeWindowDto[];
}

/**
 * Body of PUT /counselor/availability. Omitted fields keep their current value. The booking service
 * checks the whole body in one pass, structure and meaning, and names every bad field
 * (`bufferMinutes`, `weekly[2].end`, `overrides[0].windows[1].start`): checking part of it here
 * would make a person fix their input in two rounds. The decorators below only document it.
 */
export class AvailabilityDto implements Partial<Availability> {
  @ApiPropertyOptional({ example: 'Asia/Kolkata', description: 'IANA time zone of the windows' })
  @Allow()
  timezone?: string;

  @ApiPropertyOptional({
    type: [WeeklyWindowDto],
    maxItems: CALENDAR_CAPS.maxWeeklyWindows,
    description: `At most ${CALENDAR_CAPS.maxWeeklyWindows} windows (422 beyond); windows of one day must not overlap`,
  })
  @Allow()
  weekly?: WeeklyWindowDto[];

  @ApiPropertyOptional({
    type: [DateOverrideDto],
    maxItems: CALENDAR_CAPS.maxOverrides,
    description: `At most ${CALENDAR_CAPS.maxOverrides} dates (422 beyond), each date once`,
  })
  @Allow()
  overrides?: DateOverrideDto[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: AVAILABILITY_LIMITS.bufferMinutes.min,
    maximum: AVAILABILITY_LIMITS.bufferMinutes.max,
    example: 10,
    description: 'Rest after each session (minutes)',
  })
  @Allow()
  bufferMinutes?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: AVAILABILITY_LIMITS.minNoticeMinutes.min,
    maximum: AVAILABILITY_LIMITS.minNoticeMinutes.max,
    example: 120,
  })
  @Allow()
  minNoticeMinutes?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: AVAILABILITY_LIMITS.maxAdvanceDays.min,
    maximum: AVAILABILITY_LIMITS.maxAdvanceDays.max,
    example: 30,
    description: 'How far ahead clients may book',
  })
  @Allow()
  maxAdvanceDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: AVAILABILITY_LIMITS.slotIntervalMinutes.min,
    maximum: AVAILABILITY_LIMITS.slotIntervalMinutes.max,
    nullable: true,
    example: null,
    description: 'Grid step of slot starts; null = the offering’s duration',
  })
  @Allow()
  slotIntervalMinutes?: number | null;
}

/** Response shape of the availability endpoints (documentation only). */
export class AvailabilityResponseDto {
  @ApiProperty({ example: 'Asia/Kolkata' }) timezone: string;
  @ApiProperty({ type: [WeeklyWindowDto] }) weekly: WeeklyWindowDto[];
  @ApiProperty({ type: [DateOverrideDto] }) overrides: DateOverrideDto[];
  @ApiProperty({ type: 'integer', example: 10 }) bufferMinutes: number;
  @ApiProperty({ type: 'integer', example: 120 }) minNoticeMinutes: number;
  @ApiProperty({ type: 'integer', example: 30 }) maxAdvanceDays: number;
  @ApiProperty({ type: 'integer', nullable: true, example: null }) slotIntervalMinutes: number | null;
}
