import type { RpcMeta } from '@haven/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@haven/common';
import { RpcRequestRecord } from './rpc-request-record.entity';

/** A request without a deadline (an older caller) is remembered this long. */
const DEFAULT_RETENTION_MS = 24 * 3_600_000;
/** Records are deleted this long after their deadline, leaving room for clock skew between hosts. */
const CLEANUP_GRACE_MS = 3_600_000;
const CLEANUP_EVERY_MS = 3_600_000;

export interface CreateOnce<T> {
  /** Creates the thing with the given id, in the given transaction, and answers. */
  create(manager: EntityManager, id: string): Promise<T>;
  /** Answers for a thing an earlier delivery of the same request already created with that id. */
  replay(manager: EntityManager, id: string): Promise<T>;
}

/**
 * Makes creating RPCs safe to redeliver. RPC requests are acked only after they are answered, so a
 * replica that dies after committing a creation but before acking hands the request to another
 * replica. The created thing takes the request's id (`meta.requestId`, set by the RPC client), and
 * the transaction that creates it first records the request in `rpc_requests`: a redelivery waits
 * for that transaction (same primary key), then finds the record and answers from what was created
 * instead of creating it again. A failed creation rolls its record back, so a retry may succeed.
 */
export class RpcRequestLedger {
  private readonly logger = new Logger(RpcRequestLedger.name);
  private lastCleanup = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** The id the thing a request creates gets: the request's own id. */
  static createdIdOf(meta: Partial<RpcMeta> | undefined): string | undefined {
    return isUuid(meta?.requestId) ? meta.requestId.toLowerCase() : undefined;
  }

  async createOnce<T>(meta: Partial<RpcMeta> | undefined, work: CreateOnce<T>): Promise<T> {
    const requestId = RpcRequestLedger.createdIdOf(meta);
    const result = await this.dataSource.transaction(async (manager) => {
      // A request from a caller that sends no id cannot be recognised when redelivered.
      if (!requestId) return work.create(manager, randomUUID());
      const deadline = typeof meta?.deadline === 'number' ? meta.deadline : Date.now() + DEFAULT_RETENTION_MS;
      const recorded = await manager
        .createQueryBuilder()
        .insert()
        .into(RpcRequestRecord)
        .values({ requestId, expiresAt: new Date(deadline) })
        .orIgnore()
        .returning(['request_id'])
        .execute();
      if (recorded.raw.length === 0) {
        this.logger.log({ requestId }, 'redelivered creating request: answering from what it already created');
        return work.replay(manager, requestId);
      }
      return work.create(manager, requestId);
    });
    await this.forgetExpiredOccasionally();
    return result;
  }

  private async forgetExpiredOccasionally(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(RpcRequestRecord)
      .where('expires_at < :before', { before: new Date(Date.now() - CLEANUP_GRACE_MS) })
      .execute()
      .catch((error: Error) => this.logger.warn(`could not forget expired RPC requests: ${error.message}`));
  }
}
