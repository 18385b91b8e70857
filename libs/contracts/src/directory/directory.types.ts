import type { Page } from '../pagination';
import type { OfferingMode, OfferingSnapshot } from './directory.events';

export const APPLICATION_STATUSES = ['submitted', 'changes_requested', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** An application that still waits for the applicant or an admin; a user has at most one. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'changes_requested'];

export const COUNSELOR_STATUSES = ['active', 'suspended'] as const;
export type CounselorStatus = (typeof COUNSELOR_STATUSES)[number];

export const OFFERING_MODES: readonly OfferingMode[] = ['chat', 'audio', 'video'];

export const SEARCH_SORTS = ['relevance', 'price', 'rating', 'availability'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface RegistrationDetails {
  /** Issuing body, for example RCI. Public. */
  body: string;
  /** Registration number. Seen only by the applicant and admins, never on a public profile. */
  number: string;
}

export interface ApplicationInput {
  displayName: string;
  bio: string;
  qualifications: string[];
  registration: RegistrationDetails;
  yearsExperience: number;
  /** ISO 639-1 codes, lowercase. */
  languages: string[];
  /** Specialty slugs (GET /specialties). */
  specialties: string[];
  gender?: string;
}

export interface ApplicationView extends ApplicationInput {
  id: string;
  userId: string;
  status: ApplicationStatus;
  /** The admin's note on approval, or the reason for a rejection or a change request. */
  reviewerNote?: string;
  submittedAt: string;
  decidedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export type OfferingView = OfferingSnapshot;

/** A counselor as the public sees them: never an email, a phone or a registration number. */
/**
 * A page of search results. Past `SEARCH_COUNTED_AHEAD` matches beyond the page the rest are not
 * counted: `total` is then a lower bound and `totalExact` false ("500+").
 */
export interface CounselorSearchPage extends Page<CounselorView> {
  totalExact: boolean;
}

/** How many matches past the page's start a search counts before it stops (`totalExact: false`). */
export const SEARCH_COUNTED_AHEAD = 500;

export interface CounselorView {
  /** The counselor's user id. */
  id: string;
  displayName: string;
  bio: string;
  languages: string[];
  specialties: string[];
  yearsExperience: number;
  qualifications: string[];
  registration: { body: string };
  status: CounselorStatus;
  /** Average review rating, 0–5 with one decimal; 0 without reviews. */
  rating: number;
  reviewCount: number;
  /** Active offerings only. */
  offerings: OfferingView[];
  /** Start of the first open slot; null when the booking service knows of none, absent when it could not be asked. */
  nextAvailableAt?: string | null;
  gender?: string;
  photoUrl?: string;
}

export interface SpecialtyView {
  slug: string;
  name: string;
}

export interface ReviewView {
  id: string;
  rating: number;
  comment: string | null;
  createdAt: string;
  /** The client's first name only; null when it could not be looked up. */
  clientName: string | null;
}

export interface CreatedReviewView {
  id: string;
  bookingId: string;
  counselorId: string;
  clientId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
}
