import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Deletes refresh and password-reset requests that expired a while ago (kept a week, then useless).
 * Idempotent, so every replica may run it; nothing depends on it running on time.
 */
@Injectable()
export class TokenCleanupService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TokenCleanupService.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource('accounts') private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM "accounts"."refresh_tokens" WHERE "expires_at" < now() - interval '7 days'`,
      );
      await this.dataSource.query(
        `DELETE FROM "accounts"."password_reset_requests" WHERE "expires_at" < now() - interval '7 days'`,
      );
    } catch (error) {
      this.logger.warn(`token cleanup failed, will retry: ${(error as Error).message}`);
    }
  }
}
