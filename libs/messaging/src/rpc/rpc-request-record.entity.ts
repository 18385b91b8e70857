import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Proof that a creating request was carried out; written in the same transaction as its creation. */
@Entity({ name: 'rpc_requests' })
export class RpcRequestRecord {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  /** Past this (the request's deadline) the request is never executed again, so the record can go. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
