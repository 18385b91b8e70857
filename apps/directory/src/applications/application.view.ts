import type { ApplicationView } from '@haven/contracts';
import type { ApplicationEntity } from './application.entity';

/** What the applicant and admins see of an application. */
export function applicationView(application: ApplicationEntity): ApplicationView {
  return {
    id: application.id,
    userId: application.userId,
    status: application.status,
    displayName: application.displayName,
    bio: application.bio,
    qualifications: application.qualifications,
    registration: { body: application.registrationBody, number: application.registrationNumber },
    yearsExperience: application.yearsExperience,
    languages: application.languages,
    specialties: application.specialties,
    ...(application.gender ? { gender: application.gender } : {}),
    ...(application.reviewerNote ? { reviewerNote: application.reviewerNote } : {}),
    submittedAt: application.submittedAt.toISOString(),
    ...(application.decidedAt ? { decidedAt: application.decidedAt.toISOString() } : {}),
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}
