import type { OfferingMode } from '@haven/contracts';
import { bigintNumber } from '@haven/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'offerings' })
export class OfferingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'counselor_id', type: 'uuid' })
  counselorId: string;

  @Column('text')
  title: string;

  @Column('text')
  mode: OfferingMode;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ name: 'price_paise', type: 'bigint', transformer: bigintNumber })
  pricePaise: number;

  @Column('text')
  currency: 'INR';

  @Column('boolean')
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
