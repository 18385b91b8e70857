import { CoreConfig } from '@haven/common';
import { Expose } from 'class-transformer';
import { IsOptional, MinLength } from 'class-validator';

export class BookingConfig extends CoreConfig {
  /**
   * Key from which counselors' calendar-feed tokens are derived (HMAC). Required in production;
   * development and tests use a fixed key. Changing it revokes every feed URL.
   */
  @Expose()
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters' })
  CALENDAR_FEED_SECRET?: string;

  get calendarFeedSecret(): string {
    if (this.CALENDAR_FEED_SECRET) return this.CALENDAR_FEED_SECRET;
    if (this.NODE_ENV === 'production') throw new Error('CALENDAR_FEED_SECRET must be set in production');
    return 'haven-development-calendar-feed-secret-not-for-production';
  }
}
