import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A counselor's secret ICS feed. Only a hash of the token is stored. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'counselor_id', type: 'uuid' })
  counselorId: string;

  @Column('text')
  nonce: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;
}
