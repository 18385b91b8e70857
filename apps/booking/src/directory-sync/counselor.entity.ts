import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type CounselorStatus = 'active' | 'suspended';

/** The booking service's copy of a counselor's vetting status, fed by directory events. */
@Entity({ name: 'counselors' })
export class CounselorEntity {
  @PrimaryColumn({ name: 'counselor_id', type: 'uuid' })
  counselorId: string;

  @Column('text')
  status: CounselorStatus;

  /** From `counselor.approved`; what booking events call the counselor. */
  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @Column({ name: 'status_at', type: 'timestamptz' })
  statusAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
