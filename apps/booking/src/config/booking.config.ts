import {
  DEFAULT_RAZORPAY_SANDBOX_PORT,
  isSandboxRazorpayKey,
  resolveRazorpayApiUrl,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
  SANDBOX_RAZORPAY_WEBHOOK_SECRET,
} from '@haven/common';
import { ConfigError, CoreConfig } from '@haven/infrastructure';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import type { BookingPolicy } from '../bookings/booking-rules';
import type { RazorpaySettings } from '../payments/razorpay/razorpay-payments';

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

  // Razorpay. Unset in development and tests: the sandbox's credentials, and the local sandbox.
  @Expose()
  @IsOptional()
  @Matches(/^rzp_(test|live)_[A-Za-z0-9]+$/, { message: 'must look like rzp_test_… or rzp_live_…' })
  RAZORPAY_KEY_ID?: string;

  @Expose()
  @IsOptional()
  @IsString()
  RAZORPAY_KEY_SECRET?: string;

  @Expose()
  @IsOptional()
  @IsString()
  RAZORPAY_WEBHOOK_SECRET?: string;

  /** Where the SDK sends API calls (the sandbox); unset with a real key means Razorpay itself. */
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  RAZORPAY_API_URL?: string;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  RAZORPAY_SANDBOX_PORT: number = DEFAULT_RAZORPAY_SANDBOX_PORT;

  /**
   * Where a browser reaches the sandbox (its Checkout page), when that differs from
   * RAZORPAY_API_URL (docker compose: the services use the container name). Sandbox keys only.
   */
  @Expose()
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  RAZORPAY_SANDBOX_PUBLIC_URL?: string;

  /** Timeout of each call to Razorpay. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  RAZORPAY_TIMEOUT_MS: number = 10_000;

  /** Tries of each call that is safe to repeat (first included), and the first wait between them. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  RAZORPAY_RETRY_ATTEMPTS: number = 3;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  RAZORPAY_RETRY_BASE_MS: number = 300;

  /** How long a payment hold lasts before the booking expires and the slot is free again. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  BOOKING_HOLD_TTL_SECONDS: number = 600;

  /** At most this many unpaid holds per client at once. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  BOOKING_MAX_PENDING_HOLDS: number = 3;

  /**
   * How often the maintenance sweep runs (one run across replicas): holds a lost Redis did not
   * expire, stored webhooks not yet acted on, refunds to retry or poll, sessions to auto-complete.
   */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3_600)
  BOOKING_SWEEP_INTERVAL_SECONDS: number = 30;

  /** A confirmed session becomes `completed` this long after its end unless marked otherwise. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  BOOKING_AUTO_COMPLETE_HOURS: number = 2;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  BOOKING_FULL_REFUND_HOURS: number = 24;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  BOOKING_PARTIAL_REFUND_HOURS: number = 2;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  BOOKING_PARTIAL_REFUND_PERCENT: number = 50;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(720)
  BOOKING_RESCHEDULE_MIN_HOURS: number = 12;

  /** The platform's share of what it keeps of a payment. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  PLATFORM_COMMISSION_PERCENT: number = 20;

  /** Base of the meeting link a confirmed booking gets; an unguessable room name is appended. */
  @Expose()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
  MEETING_BASE_URL: string = 'https://meet.jit.si';

  get bookingPolicy(): BookingPolicy {
    return {
      fullRefundHours: this.BOOKING_FULL_REFUND_HOURS,
      partialRefundHours: this.BOOKING_PARTIAL_REFUND_HOURS,
      partialRefundPercent: this.BOOKING_PARTIAL_REFUND_PERCENT,
      rescheduleMinHours: this.BOOKING_RESCHEDULE_MIN_HOURS,
    };
  }

  /**
   * Credentials and endpoint for the payments adapter. Production refuses the sandbox's public
   * credentials and requires every secret; a real key anywhere requires its secrets too.
   */
  get razorpay(): RazorpaySettings {
    const sandboxKey = isSandboxRazorpayKey(this.RAZORPAY_KEY_ID);
    const problems: string[] = [];
    if (this.NODE_ENV === 'production') {
      if (sandboxKey) problems.push('RAZORPAY_KEY_ID: must be a real Razorpay key in production, not the sandbox key');
      if (!this.RAZORPAY_KEY_SECRET || this.RAZORPAY_KEY_SECRET === SANDBOX_RAZORPAY_KEY_SECRET) {
        problems.push('RAZORPAY_KEY_SECRET: must be set in production');
      }
      if (!this.RAZORPAY_WEBHOOK_SECRET || this.RAZORPAY_WEBHOOK_SECRET === SANDBOX_RAZORPAY_WEBHOOK_SECRET) {
        problems.push('RAZORPAY_WEBHOOK_SECRET: must be set in production');
      }
    } else if (!sandboxKey) {
      if (!this.RAZORPAY_KEY_SECRET) problems.push('RAZORPAY_KEY_SECRET: must be set with a real RAZORPAY_KEY_ID');
      if (!this.RAZORPAY_WEBHOOK_SECRET)
        problems.push('RAZORPAY_WEBHOOK_SECRET: must be set with a real RAZORPAY_KEY_ID');
    }
    if (problems.length > 0) throw new ConfigError(problems);
    const apiUrl = resolveRazorpayApiUrl(this);
    return {
      keyId: this.RAZORPAY_KEY_ID ?? SANDBOX_RAZORPAY_KEY_ID,
      keySecret: this.RAZORPAY_KEY_SECRET ?? SANDBOX_RAZORPAY_KEY_SECRET,
      webhookSecret: this.RAZORPAY_WEBHOOK_SECRET ?? SANDBOX_RAZORPAY_WEBHOOK_SECRET,
      apiUrl,
      sandboxCheckoutUrl:
        sandboxKey && apiUrl
          ? `${(this.RAZORPAY_SANDBOX_PUBLIC_URL ?? apiUrl).replace(/\/$/, '')}/sandbox/checkout/`
          : undefined,
      timeoutMs: this.RAZORPAY_TIMEOUT_MS,
      retry: { attempts: this.RAZORPAY_RETRY_ATTEMPTS, baseDelayMs: this.RAZORPAY_RETRY_BASE_MS, maxDelayMs: 5_000 },
    };
  }
}
