import type { BookingStatus, CancelledBy, OfferingMode } from '@haven/contracts';
import { bigintNumber } from '@haven/database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A booking. `[starts_at, blocked_until)` of `pending_payment` and `confirmed` bookings of one
 * counselor never overlap (exclusion constraint `bookings_no_overlap`); `blocked_until` is
 * `ends_at + buffer_minutes`, maintained by a trigger.
 */
@Entity({ name: 'bookings' })
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'counselor_id', type: 'uuid' })
  counselorId: string;

  @Column({ name: 'offering_id', type: 'uuid' })
  offeringId: string;

  @Column('text')
  mode: OfferingMode;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'buffer_minutes', type: 'integer' })
  bufferMinutes: number;

  /** Set by the database. */
  @Column({ name: 'blocked_until', type: 'timestamptz', insert: false, update: false })
  blockedUntil: Date;

  @Column('text')
  status: BookingStatus;

  @Column({ name: 'price_paise', type: 'bigint', transformer: bigintNumber })
  pricePaise: number;

  @Column('text')
  currency: 'INR';

  /** Copied when booked, for events: the offering's title and the counselor's display name. */
  @Column({ name: 'offering_title', type: 'text' })
  offeringTitle: string;

  @Column({ name: 'counselor_name', type: 'text' })
  counselorName: string;

  /** The Razorpay order of a paid booking. */
  @Column({ name: 'razorpay_order_id', type: 'text', nullable: true })
  razorpayOrderId: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'meeting_url', type: 'text', nullable: true })
  meetingUrl: string | null;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy: CancelledBy | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** The start time before the (only) reschedule. */
  @Column({ name: 'rescheduled_from', type: 'timestamptz', nullable: true })
  rescheduledFrom: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
