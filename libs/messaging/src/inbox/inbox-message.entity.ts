import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Proof that a consumer already applied an event; written in the same transaction as the effect. */
@Entity({ name: 'inbox' })
export class InboxMessage {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn('text')
  consumer: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
