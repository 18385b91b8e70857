import {
  NOTIFICATION_TYPES,
  type NotificationPreferences,
  type NotificationType,
  type NotificationView,
  REMINDER_LIMITS,
} from '@haven/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { pageDto, PageQueryDto } from '../../common/dto/page.dto';
import { EmptyAsAbsent, IsWholeNumber, OptionalNotNull } from '../../common/dto/validators';

export class NotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only messages not yet read' })
  @EmptyAsAbsent()
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  unread?: 'true' | 'false';
}

export class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES, example: 'booking.confirmed' }) type: NotificationType;
  @ApiProperty({ example: 'Session confirmed: Tuesday, 1 December 2026, 10:00 am IST (Asia/Kolkata)' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { bookingId: '…' } })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export const NotificationPageDto = pageDto(NotificationDto);

const REMINDER_RANGE = { min: REMINDER_LIMITS.minMinutes, max: REMINDER_LIMITS.maxMinutes };

/** Body of PUT /me/notification-preferences: the fields given replace the current ones. */
export class NotificationPreferencesDto implements Partial<NotificationPreferences> {
  @ApiPropertyOptional({ example: true })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  email?: boolean;

  @ApiPropertyOptional({ example: false })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  sms?: boolean;

  @ApiPropertyOptional({ example: true })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  inApp?: boolean;

  @ApiPropertyOptional({
    type: [Number],
    example: [1440, 60],
    maxItems: REMINDER_LIMITS.maxCount,
    description: `Minutes before a session (${REMINDER_RANGE.min}–${REMINDER_RANGE.max}), at most ${REMINDER_LIMITS.maxCount}`,
  })
  @OptionalNotNull()
  @IsArray({ message: 'must be an array of minutes before the session' })
  @ArrayMaxSize(REMINDER_LIMITS.maxCount, { message: `must hold at most ${REMINDER_LIMITS.maxCount} entries` })
  @IsWholeNumber(REMINDER_RANGE, { each: true })
  reminders?: number[];
}

export class NotificationPreferencesResponseDto implements NotificationPreferences {
  @ApiProperty({ example: true }) email: boolean;
  @ApiProperty({ example: false }) sms: boolean;
  @ApiProperty({ example: true }) inApp: boolean;
  @ApiProperty({ type: [Number], example: [1440, 60] }) reminders: number[];
}
