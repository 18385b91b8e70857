import { bigintNumber } from '@haven/database';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Notes = Record<string, string | number>;

@Entity({ name: 'orders' })
export class OrderRow {
  @PrimaryColumn('text')
  id: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ name: 'amount_paid', type: 'bigint', transformer: bigintNumber })
  amountPaid: number;

  @Column('text')
  currency: string;

  @Column({ type: 'text', nullable: true })
  receipt: string | null;

  @Column('jsonb')
  notes: Notes;

  @Column({ name: 'partial_payment', type: 'boolean' })
  partialPayment: boolean;

  @Column('text')
  status: 'created' | 'attempted' | 'paid';

  @Column('integer')
  attempts: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'payments' })
export class PaymentRow {
  @PrimaryColumn('text')
  id: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column('text')
  currency: string;

  @Column('text')
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';

  @Column('text')
  method: 'upi' | 'card';

  @Column('boolean')
  captured: boolean;

  @Column({ name: 'amount_refunded', type: 'bigint', transformer: bigintNumber })
  amountRefunded: number;

  @Column({ name: 'refund_status', type: 'text', nullable: true })
  refundStatus: 'partial' | 'full' | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  fee: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  tax: number | null;

  @Column('text')
  email: string;

  @Column('text')
  contact: string;

  @Column({ type: 'text', nullable: true })
  vpa: string | null;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode: string | null;

  @Column({ name: 'error_description', type: 'text', nullable: true })
  errorDescription: string | null;

  @Column({ name: 'error_source', type: 'text', nullable: true })
  errorSource: string | null;

  @Column({ name: 'error_step', type: 'text', nullable: true })
  errorStep: string | null;

  @Column({ name: 'error_reason', type: 'text', nullable: true })
  errorReason: string | null;

  @Column('jsonb')
  notes: Notes;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'captured_at', type: 'timestamptz', nullable: true })
  capturedAt: Date | null;

  @Column({ name: 'settlement_id', type: 'text', nullable: true })
  settlementId: string | null;
}

@Entity({ name: 'refunds' })
export class RefundRow {
  @PrimaryColumn('text')
  id: string;

  @Column({ name: 'payment_id', type: 'text' })
  paymentId: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column('text')
  currency: string;

  @Column('jsonb')
  notes: Notes;

  @Column({ type: 'text', nullable: true })
  receipt: string | null;

  @Column('text')
  status: 'pending' | 'processed' | 'failed';

  @Column({ name: 'speed_requested', type: 'text' })
  speedRequested: 'normal' | 'optimum';

  @Column({ name: 'speed_processed', type: 'text', nullable: true })
  speedProcessed: 'normal' | 'instant' | null;

  @Column({ type: 'text', nullable: true })
  arn: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'request_fingerprint', type: 'text', nullable: true })
  requestFingerprint: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'process_at', type: 'timestamptz' })
  processAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ name: 'settlement_id', type: 'text', nullable: true })
  settlementId: string | null;
}

/** Money paid out to the merchant's bank: captures less fees, less refunds, since the last one. */
@Entity({ name: 'settlements' })
export class SettlementRow {
  @PrimaryColumn('text')
  id: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column('text')
  utr: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const SANDBOX_ENTITIES = [OrderRow, PaymentRow, RefundRow, SettlementRow];
