import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One admin (or reviewer) action; written in the same transaction as the change it records. */
@Entity({ name: 'audit_log' })
export class AuditLogEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Insertion order, for a stable newest-first listing. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column('text')
  action: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'timestamptz', insert: false, update: false, default: () => 'now()' })
  at: Date;

  @Column('jsonb')
  detail: Record<string, unknown>;
}
