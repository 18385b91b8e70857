import { BookingEvents, type CounselorOpenings, OPENINGS_HORIZON_DAYS } from '@haven/contracts';
import { OutboxService } from '@haven/messaging';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { SlotsService } from '../slots/slots.service';

const POLL_INTERVAL_MS = 250;
/** Counselors per refresh transaction and per event (an event carries ~2 KB per counselor). */
const BATCH_SIZE = 50;
/** Openings are recomputed at least this often: days come into the booking window as time passes. */
const MAX_AGE_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps search's copy of every counselor's openings current. Calendar changes mark a counselor
 * stale (database triggers, see the CounselorOpenings migration), and so does time: once the first
 * open start comes within the counselor's notice, or the openings age. Each pass recomputes stale
 * counselors in batches and publishes `counselor.openings-changed` through the outbox. Replicas may
 * both refresh a counselor; the directory keeps the newest result.
 */
@Injectable()
export class OpeningsRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OpeningsRefresher.name);
  private running = false;
  private loop?: Promise<void>;

  constructor(
    @InjectDataSource('booking') private readonly dataSource: DataSource,
    private readonly slots: SlotsService,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Marks counselors whose openings time has made wrong; returns how many. */
  async markDue(): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO "booking"."openings_stale" ("counselor_id")
       SELECT "counselor_id" FROM "booking"."counselor_openings" WHERE "refresh_at" <= now()
       ON CONFLICT ("counselor_id") DO NOTHING
       RETURNING "counselor_id"`,
    );
    return rows.length;
  }

  /** Recomputes one batch of stale counselors and publishes their openings; returns how many marks it cleared. */
  async refreshBatch(now = new Date()): Promise<number> {
    const stale: { counselor_id: string; mark: string; counselor: boolean }[] = await this.dataSource.query(
      `SELECT s."counselor_id", s."mark",
              EXISTS (SELECT 1 FROM "booking"."counselors" c WHERE c."counselor_id" = s."counselor_id") AS "counselor"
       FROM "booking"."openings_stale" s ORDER BY s."mark" LIMIT $1`,
      [BATCH_SIZE],
    );
    if (stale.length === 0) return 0;
    // Marks of clients (their zone or account changed) are cleared without a computation.
    const computed = await this.slots.openings(
      stale.filter((row) => row.counselor).map((row) => row.counselor_id),
      OPENINGS_HORIZON_DAYS,
      now,
    );
    await this.dataSource.transaction(async (manager) => {
      if (computed.length > 0) {
        await manager.query(
          `INSERT INTO "booking"."counselor_openings" ("counselor_id", "next_available_at", "computed_at", "refresh_at")
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[])
           ON CONFLICT ("counselor_id") DO UPDATE SET "next_available_at" = EXCLUDED."next_available_at",
             "computed_at" = EXCLUDED."computed_at", "refresh_at" = EXCLUDED."refresh_at"`,
          [
            computed.map(({ openings }) => openings.counselorId),
            computed.map(({ openings }) => openings.nextAvailableAt),
            computed.map(({ openings }) => openings.computedAt),
            computed.map(({ staleAt }) => new Date(Math.min(staleAt.getTime(), now.getTime() + MAX_AGE_MS))),
          ],
        );
        const counselors: CounselorOpenings[] = computed.map(({ openings }) => openings);
        await this.outbox.add(manager, BookingEvents.openingsChanged, { counselors });
      }
      // A mark that changed meanwhile (a newer calendar change) stays for the next pass.
      await manager.query(
        `DELETE FROM "booking"."openings_stale" s USING unnest($1::uuid[], $2::bigint[]) AS seen("id", "mark")
         WHERE s."counselor_id" = seen."id" AND s."mark" = seen."mark"`,
        [stale.map((row) => row.counselor_id), stale.map((row) => row.mark)],
      );
    });
    return stale.length;
  }

  private async run(): Promise<void> {
    let failing = false;
    while (this.running) {
      try {
        await this.markDue();
        while (this.running && (await this.refreshBatch()) === BATCH_SIZE);
        if (failing) this.logger.log('openings refresh works again');
        failing = false;
      } catch (error) {
        if (!failing) this.logger.warn(`openings refresh failed, will retry: ${(error as Error).message}`);
        failing = true;
      }
      await sleep(failing ? POLL_INTERVAL_MS * 8 : POLL_INTERVAL_MS);
    }
  }
}
