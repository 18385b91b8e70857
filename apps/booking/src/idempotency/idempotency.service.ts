import { BOOKING_LIMITS, isRpcErrorPayload, type RpcErrorPayload } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

/** How long a key is remembered. */
const KEY_TTL_HOURS = 24;
/** How long a repeat waits for the first request with its key to finish. */
const WAIT_FOR_FIRST_MS = 8_000;
const POLL_MS = 50;

/** Errors that describe the request, and so are the answer to every repeat of it. */
const FINAL_ERROR_KINDS = new Set(['validation', 'not_found', 'conflict', 'unprocessable', 'forbidden']);

type StoredResponse = { ok: unknown } | { error: RpcErrorPayload };

/**
 * `Idempotency-Key` (api.md): per user, the first response to a key is stored in PostgreSQL and
 * every repeat with the same body gets it again; another body with the key is refused (422). The
 * key row is claimed before the work starts, so two concurrent requests with one key have one
 * effect: the second waits for the first's answer.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource('booking') private readonly dataSource: DataSource) {}

  async run<T>(
    userId: string,
    key: string | undefined,
    operation: string,
    body: unknown,
    work: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined || key === null) return work();
    if (typeof key !== 'string' || key.length === 0 || key.length > BOOKING_LIMITS.maxIdempotencyKeyLength) {
      throw DomainError.invalidField(
        'Idempotency-Key',
        `must be 1–${BOOKING_LIMITS.maxIdempotencyKeyLength} characters`,
      );
    }
    // Flat bodies: sorting the keys makes the same fields in another order the same request.
    const canonical = JSON.stringify(body, Object.keys(body ?? {}).sort());
    const hash = createHash('sha256').update(`${operation}\n${canonical}`).digest('hex');
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO "booking"."idempotency_keys" ("user_id", "key", "request_hash", "expires_at")
       VALUES ($1, $2, $3, now() + make_interval(hours => ${KEY_TTL_HOURS}))
       ON CONFLICT ("user_id", "key") DO UPDATE
         SET "request_hash" = EXCLUDED."request_hash", "response" = NULL,
             "created_at" = now(), "expires_at" = EXCLUDED."expires_at"
         WHERE "idempotency_keys"."expires_at" < now()
       RETURNING "key"`,
      [userId, key, hash],
    );
    if (claimed.length === 0) return this.replay<T>(userId, key, hash);
    try {
      const result = await work();
      await this.store(userId, key, { ok: result ?? null });
      return result;
    } catch (error) {
      if (error instanceof DomainError && FINAL_ERROR_KINDS.has(error.kind)) {
        await this.store(userId, key, { error: error.toPayload() });
      } else {
        // A fault, not an answer: free the key so the client's retry runs again.
        await this.dataSource.query(`DELETE FROM "booking"."idempotency_keys" WHERE "user_id" = $1 AND "key" = $2`, [
          userId,
          key,
        ]);
      }
      throw error;
    }
  }

  /** Sweep: forget expired keys. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM "booking"."idempotency_keys" WHERE "expires_at" < now()`);
  }

  private async store(userId: string, key: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE "booking"."idempotency_keys" SET "response" = $3 WHERE "user_id" = $1 AND "key" = $2`,
      [userId, key, JSON.stringify(response)],
    );
  }

  private async replay<T>(userId: string, key: string, hash: string): Promise<T> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const rows: { request_hash: string; response: StoredResponse | null }[] = await this.dataSource.query(
        `SELECT "request_hash", "response" FROM "booking"."idempotency_keys" WHERE "user_id" = $1 AND "key" = $2`,
        [userId, key],
      );
      const row = rows[0];
      if (row && row.request_hash !== hash) {
        throw DomainError.unprocessable(
          'idempotency_key_reused',
          'This Idempotency-Key was used with a different request',
        );
      }
      if (row?.response) {
        if ('error' in row.response && isRpcErrorPayload(row.response.error)) {
          throw DomainError.fromPayload(row.response.error);
        }
        return (row.response as { ok: T }).ok;
      }
      if (!row || Date.now() > deadline) {
        throw DomainError.conflict(
          'idempotency_request_in_progress',
          'A request with this Idempotency-Key is still in progress; retry shortly',
        );
      }
      await sleep(POLL_MS);
    }
  }
}
