import type { Role } from '@haven/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Trimmed and lower-cased; unique (a unique index on lower(email) backs it). */
  @Column('text')
  email: string;

  /** argon2id; never leaves this service. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column('text')
  timezone: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column('boolean')
  active: boolean;

  /** Raised with every change of roles or active flag; access tokens carry it (see `RightsVersions`). */
  @Column({ name: 'rights_version', type: 'integer', default: 0 })
  rightsVersion: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
