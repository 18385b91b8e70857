import {
  ConfigError,
  CoreConfig,
  DEFAULT_RAZORPAY_SANDBOX_PORT,
  isSandboxRazorpayKey,
  resolveRazorpayApiUrl,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
  SANDBOX_RAZORPAY_WEBHOOK_SECRET,
} from '@haven/common';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
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
    return {
      keyId: this.RAZORPAY_KEY_ID ?? SANDBOX_RAZORPAY_KEY_ID,
      keySecret: this.RAZORPAY_KEY_SECRET ?? SANDBOX_RAZORPAY_KEY_SECRET,
      webhookSecret: this.RAZORPAY_WEBHOOK_SECRET ?? SANDBOX_RAZORPAY_WEBHOOK_SECRET,
      apiUrl: resolveRazorpayApiUrl(this),
      timeoutMs: this.RAZORPAY_TIMEOUT_MS,
      retry: { attempts: this.RAZORPAY_RETRY_ATTEMPTS, baseDelayMs: this.RAZORPAY_RETRY_BASE_MS, maxDelayMs: 5_000 },
    };
  }
}
