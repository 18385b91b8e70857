import { defineEvent } from '../events/envelope';

export type OfferingMode = 'chat' | 'audio' | 'video';

export interface OfferingSnapshot {
  id: string;
  counselorId: string;
  title: string;
  mode: OfferingMode;
  durationMinutes: number;
  pricePaise: number;
  currency: 'INR';
  active: boolean;
}

export interface CounselorApplicationDecision {
  applicationId: string;
  /** The applicant's user id, which is also the counselor's id once approved. */
  userId: string;
  reviewerId: string;
  /** Why an application was rejected or sent back for changes. */
  reason?: string;
  /** The admin's optional note on an approval. */
  note?: string;
}

export interface CounselorStatusChange {
  counselorId: string;
  actorId: string;
  reason?: string;
}

/** Published by the directory service. */
export const DirectoryEvents = {
  applicationSubmitted: defineEvent<{ applicationId: string; userId: string; resubmission: boolean }>(
    'counselor.application-submitted',
  ),
  approved: defineEvent<CounselorApplicationDecision & { displayName: string }>('counselor.approved'),
  rejected: defineEvent<CounselorApplicationDecision>('counselor.rejected'),
  changesRequested: defineEvent<CounselorApplicationDecision>('counselor.changes-requested'),
  suspended: defineEvent<CounselorStatusChange>('counselor.suspended'),
  reinstated: defineEvent<CounselorStatusChange>('counselor.reinstated'),
  /** Any create or update of an offering; carries the whole offering as it now is. */
  offeringChanged: defineEvent<{ offering: OfferingSnapshot }>('offering.changed'),
  /**
   * The counselor's public view changed in a way no event above announces: their own profile
   * edit, a review that moved the rating, or their account being deactivated or reactivated.
   */
  profileChanged: defineEvent<{ counselorId: string }>('counselor.profile-changed'),
} as const;
