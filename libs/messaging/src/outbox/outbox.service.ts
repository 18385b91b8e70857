import type { EventContract, EventEnvelope, ServiceName } from '@haven/contracts';
import { currentCorrelationId } from '@haven/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { OutboxMessage } from './outbox-message.entity';

/** Marks a query runner whose transaction wrote outbox rows, so its commit wakes the relay. */
export const OUTBOX_WRITTEN = 'haven:outboxWritten';

/**
 * Records events in the caller's transaction. Call it with the EntityManager that writes the
 * state change: if that transaction rolls back, the event was never written.
 */
export class OutboxService {
  constructor(private readonly producer: ServiceName) {}

  async add<TData>(manager: EntityManager, contract: EventContract<TData>, data: TData): Promise<EventEnvelope<TData>> {
    const envelope: EventEnvelope<TData> = {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      producer: this.producer,
      correlationId: currentCorrelationId() ?? randomUUID(),
      data,
    };
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        `Outbox write for ${contract.type} outside a transaction: the event could outlive a rolled-back change`,
      );
    }
    manager.queryRunner.data[OUTBOX_WRITTEN] = true;
    await manager.insert(OutboxMessage, {
      id: envelope.id,
      type: envelope.type,
      // jsonb payloads are opaque to TypeORM's deep-partial typing.
      envelope: envelope as QueryDeepPartialEntity<EventEnvelope>,
      publishedAt: null,
    });
    return envelope;
  }
}
