import type { RefundStatus } from '@haven/contracts';
import { bigintNumber } from '@haven/database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A refund we owe: `pending` from the moment it is decided (same transaction as the cancellation),
 * sent to Razorpay with this row's id as idempotency key (retried while Razorpay is down), and
 * `processed` / `failed` as Razorpay reports by webhook or when polled.
 */
@Entity({ name: 'refunds' })
export class RefundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId: string;

  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Column({ name: 'amount_paise', type: 'bigint', transformer: bigintNumber })
  amountPaise: number;

  @Column('text')
  status: RefundStatus;

  @Column('text')
  reason: string;

  @Column({ name: 'razorpay_refund_id', type: 'text', nullable: true })
  razorpayRefundId: string | null;

  @Column('integer')
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
