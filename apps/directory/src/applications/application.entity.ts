import type { ApplicationStatus } from '@haven/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'applications' })
export class ApplicationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column('text')
  status: ApplicationStatus;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column('text')
  bio: string;

  @Column('text', { array: true })
  qualifications: string[];

  @Column({ name: 'registration_body', type: 'text' })
  registrationBody: string;

  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber: string;

  @Column({ name: 'years_experience', type: 'integer' })
  yearsExperience: number;

  @Column('text', { array: true })
  languages: string[];

  @Column('text', { array: true })
  specialties: string[];

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ name: 'reviewer_note', type: 'text', nullable: true })
  reviewerNote: string | null;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
