import { bigintNumber } from '@haven/database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A captured Razorpay payment of a booking; one row per Razorpay payment id, however often we hear of it. */
@Entity({ name: 'payments' })
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'booking_id', type: 'uuid' })
  bookingId: string;

  @Column({ name: 'razorpay_order_id', type: 'text' })
  razorpayOrderId: string;

  @Column({ name: 'razorpay_payment_id', type: 'text' })
  razorpayPaymentId: string;

  @Column({ name: 'amount_paise', type: 'bigint', transformer: bigintNumber })
  amountPaise: number;

  @Column('text')
  currency: 'INR';

  @Column({ name: 'refunded_paise', type: 'bigint', transformer: bigintNumber })
  refundedPaise: number;

  @Column({ name: 'captured_at', type: 'timestamptz' })
  capturedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
