import type { EventEnvelope } from '@haven/contracts';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { InboxMessage } from './inbox-message.entity';

/**
 * Applies an event's effect at most once per consumer: the inbox row and the effect commit in one
 * transaction, so a redelivered event finds its row and is skipped.
 */
export class InboxService {
  private readonly logger = new Logger(InboxService.name);

  constructor(private readonly dataSource: DataSource) {}

  /** Returns false when the event had already been processed by this consumer. */
  async process(
    event: EventEnvelope,
    consumer: string,
    effect: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(InboxMessage)
        .values({ eventId: event.id, consumer })
        .orIgnore()
        .returning(['event_id'])
        .execute();
      if (inserted.raw.length === 0) {
        this.logger.debug(`skipping ${event.type} ${event.id}: already processed by ${consumer}`);
        return false;
      }
      await effect(manager);
      return true;
    });
  }
}
