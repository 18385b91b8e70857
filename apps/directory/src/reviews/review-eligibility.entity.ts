import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A completed booking its client may review once; written from `booking.completed` events. */
@Entity({ name: 'review_eligibility' })
export class ReviewEligibilityEntity {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid' })
  bookingId: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'counselor_id', type: 'uuid' })
  counselorId: string;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
