import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A pending "forgot password" request. Its single-use token is minted when the mail is sent
 * (`AccountsRpc.issuePasswordResetToken`), and only the token's SHA-256 hash is kept.
 */
@Entity({ name: 'password_reset_requests' })
export class PasswordResetRequestEntity {
  /** The `requestId` of `user.password-reset-requested`. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** Null until the token is issued; replaced when it is issued again. */
  @Column({ name: 'token_hash', type: 'text', nullable: true })
  tokenHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
