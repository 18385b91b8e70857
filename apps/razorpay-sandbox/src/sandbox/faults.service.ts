import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SANDBOX_SCHEMA } from '../store/schema';

export interface Faults {
  webhookDuplicates: number;
  webhookDelayMs: number;
  webhookShuffle: boolean;
  webhookDrop: boolean;
  apiFailNext: number;
}

export const NO_FAULTS: Faults = {
  webhookDuplicates: 0,
  webhookDelayMs: 0,
  webhookShuffle: false,
  webhookDrop: false,
  apiFailNext: 0,
};

/**
 * Injected faults, kept in the database so every sandbox replica applies the same ones and the
 * API-failure countdown is shared. Webhook faults stay until changed or cleared.
 */
@Injectable()
export class FaultsService {
  constructor(@InjectDataSource(SANDBOX_SCHEMA) private readonly dataSource: DataSource) {}

  async set(faults: Faults): Promise<void> {
    await this.dataSource.query(
      `UPDATE "razorpay_sandbox"."faults"
          SET "webhook_duplicates" = $1, "webhook_delay_ms" = $2, "webhook_shuffle" = $3,
              "webhook_drop" = $4, "api_fail_next" = $5
        WHERE "id" = 1`,
      [faults.webhookDuplicates, faults.webhookDelayMs, faults.webhookShuffle, faults.webhookDrop, faults.apiFailNext],
    );
  }

  async current(manager: EntityManager = this.dataSource.manager): Promise<Faults> {
    const [row] = (await manager.query(`SELECT * FROM "razorpay_sandbox"."faults" WHERE "id" = 1`)) as {
      webhook_duplicates: number;
      webhook_delay_ms: number;
      webhook_shuffle: boolean;
      webhook_drop: boolean;
      api_fail_next: number;
    }[];
    return {
      webhookDuplicates: row.webhook_duplicates,
      webhookDelayMs: row.webhook_delay_ms,
      webhookShuffle: row.webhook_shuffle,
      webhookDrop: row.webhook_drop,
      apiFailNext: row.api_fail_next,
    };
  }

  /** Uses up one injected API failure; true when this call must fail like an outage. */
  async consumeApiFailure(): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE "razorpay_sandbox"."faults" SET "api_fail_next" = "api_fail_next" - 1
        WHERE "id" = 1 AND "api_fail_next" > 0 RETURNING "id"`,
    )) as [unknown[], number] | unknown[];
    return affectedRows(rows) > 0;
  }
}

/** TypeORM's postgres driver answers UPDATE ... RETURNING with `[rows, count]`. */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[1];
  }
  return Array.isArray(result) ? result.length : 0;
}
