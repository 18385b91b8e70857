import type { OutboxBacklog } from '@haven/contracts';
import type { DataSource } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/** How many events wait in the outbox, and for how long the oldest has (served by its partial index). */
export async function outboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const row = await dataSource
    .getRepository(OutboxMessage)
    .createQueryBuilder('outbox')
    .select('count(*)::int', 'unpublished')
    .addSelect('floor(extract(epoch FROM now() - min(outbox.created_at)))::int', 'oldest')
    .where('outbox.published_at IS NULL')
    .getRawOne<{ unpublished: number; oldest: number | null }>();
  return { unpublished: row?.unpublished ?? 0, oldestAgeSeconds: row?.oldest ?? null };
}
