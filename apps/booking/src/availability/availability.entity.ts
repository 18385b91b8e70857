import type { DateOverride, WeeklyWindow } from '@haven/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A counselor's availability as last saved with PUT /counselor/availability. */
@Entity({ name: 'availability' })
export class AvailabilityEntity {
  @PrimaryColumn({ name: 'counselor_id', type: 'uuid' })
  counselorId: string;

  @Column('text')
  timezone: string;

  @Column('jsonb')
  weekly: WeeklyWindow[];

  @Column('jsonb')
  overrides: DateOverride[];

  @Column({ name: 'buffer_minutes', type: 'integer' })
  bufferMinutes: number;

  @Column({ name: 'min_notice_minutes', type: 'integer' })
  minNoticeMinutes: number;

  @Column({ name: 'max_advance_days', type: 'integer' })
  maxAdvanceDays: number;

  @Column({ name: 'slot_interval_minutes', type: 'integer', nullable: true })
  slotIntervalMinutes: number | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
