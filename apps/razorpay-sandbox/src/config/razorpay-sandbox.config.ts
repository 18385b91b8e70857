import {
  DEFAULT_RAZORPAY_SANDBOX_PORT,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
  SANDBOX_RAZORPAY_WEBHOOK_SECRET,
} from '@haven/common';
import { PublicUrlConfig } from '@haven/infrastructure';
import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const HTTP_URL = /^https?:\/\/[^\s]+$/;

/** The Razorpay stand-in: the credentials it accepts and signs with, where it sends webhooks, its timings. */
export class RazorpaySandboxConfig extends PublicUrlConfig {
  @Expose()
  @IsString()
  @MinLength(1)
  RAZORPAY_KEY_ID: string = SANDBOX_RAZORPAY_KEY_ID;

  @Expose()
  @IsString()
  @MinLength(1)
  RAZORPAY_KEY_SECRET: string = SANDBOX_RAZORPAY_KEY_SECRET;

  @Expose()
  @IsString()
  @MinLength(1)
  RAZORPAY_WEBHOOK_SECRET: string = SANDBOX_RAZORPAY_WEBHOOK_SECRET;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  RAZORPAY_SANDBOX_PORT: number = DEFAULT_RAZORPAY_SANDBOX_PORT;

  /** Where webhooks go; defaults to the gateway's intake under PUBLIC_URL. */
  @Expose()
  @IsOptional()
  @Matches(HTTP_URL, { message: 'must be an http(s) URL' })
  RAZORPAY_SANDBOX_WEBHOOK_URL?: string;

  /** First retry of a failed webhook delivery; each further retry waits twice as long. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  RAZORPAY_SANDBOX_WEBHOOK_RETRY_BASE_MS: number = 5_000;

  /** Longest wait between two retries (Razorpay keeps retrying for 24 h from the event). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  RAZORPAY_SANDBOX_WEBHOOK_RETRY_MAX_MS: number = 30 * 60_000;

  /** How long a refund stays `pending` before it is `processed` (with a refund.processed webhook). */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  RAZORPAY_SANDBOX_REFUND_PROCESSING_MS: number = 5_000;

  /** How often the sandbox looks for due webhook deliveries and refunds. */
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(60_000)
  RAZORPAY_SANDBOX_POLL_MS: number = 250;

  get webhookUrl(): string {
    if (this.RAZORPAY_SANDBOX_WEBHOOK_URL) return this.RAZORPAY_SANDBOX_WEBHOOK_URL;
    return `${this.publicUrl}/api/v1/webhooks/razorpay`;
  }
}
