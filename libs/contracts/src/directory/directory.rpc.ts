import type { Page } from '../pagination';
import { defineRpc } from '../rpc/define';
import type { OfferingMode } from './directory.events';
import type {
  ApplicationInput,
  ApplicationStatus,
  ApplicationView,
  CounselorSearchPage,
  CounselorView,
  CreatedReviewView,
  OfferingView,
  ReviewView,
  SearchSort,
  SpecialtyView,
} from './directory.types';

export interface ListApplicationsRequest {
  status?: ApplicationStatus;
  userId?: string;
  page: number;
  limit: number;
}

export interface DecideApplicationRequest {
  id: string;
  /** Approval: an optional note. Rejection and change request: the reason, required. */
  note?: string;
  reason?: string;
}

export interface CounselorStatusRequest {
  id: string;
  reason?: string;
}

export interface SearchCounselorsRequest {
  q?: string;
  specialty?: string;
  language?: string;
  mode?: OfferingMode;
  maxPricePaise?: number;
  /** ISO 8601 instants: only counselors with an open slot starting in [availableFrom, availableTo). */
  availableFrom?: string;
  availableTo?: string;
  sort?: SearchSort;
  page: number;
  limit: number;
}

export interface UpdateProfileRequest {
  displayName?: string;
  bio?: string;
  languages?: string[];
  specialties?: string[];
  /** null removes the photo. */
  photoUrl?: string | null;
}

export interface CreateOfferingRequest {
  title: string;
  mode: OfferingMode;
  durationMinutes: number;
  pricePaise: number;
}

export interface UpdateOfferingRequest {
  id: string;
  title?: string;
  pricePaise?: number;
  active?: boolean;
}

export interface CreateReviewRequest {
  bookingId: string;
  clientId: string;
  rating: number;
  comment?: string;
}

/**
 * Served by the directory service. Calls that act "as me" use the request's actor; admin calls
 * need the actor to hold `admin`, counselor calls `counselor`.
 */
export const DirectoryRpc = {
  submitApplication: defineRpc<ApplicationInput, ApplicationView>('directory', 'directory.v1.applications.submit'),
  getMyApplication: defineRpc<Record<string, never>, ApplicationView>('directory', 'directory.v1.applications.mine'),
  /** Only while `changes_requested`; the application goes back to `submitted`. */
  updateMyApplication: defineRpc<Partial<ApplicationInput>, ApplicationView>(
    'directory',
    'directory.v1.applications.update-mine',
  ),
  listApplications: defineRpc<ListApplicationsRequest, Page<ApplicationView>>(
    'directory',
    'directory.v1.applications.list',
  ),
  approveApplication: defineRpc<DecideApplicationRequest, ApplicationView>(
    'directory',
    'directory.v1.applications.approve',
  ),
  rejectApplication: defineRpc<DecideApplicationRequest, ApplicationView>(
    'directory',
    'directory.v1.applications.reject',
  ),
  requestApplicationChanges: defineRpc<DecideApplicationRequest, ApplicationView>(
    'directory',
    'directory.v1.applications.request-changes',
  ),

  suspendCounselor: defineRpc<CounselorStatusRequest, CounselorView>('directory', 'directory.v1.counselors.suspend'),
  reinstateCounselor: defineRpc<CounselorStatusRequest, CounselorView>(
    'directory',
    'directory.v1.counselors.reinstate',
  ),

  /** Public: active counselors only. */
  searchCounselors: defineRpc<SearchCounselorsRequest, CounselorSearchPage>(
    'directory',
    'directory.v1.counselors.search',
  ),
  /** Public: not_found unless the counselor is active. */
  getCounselor: defineRpc<{ id: string }, CounselorView>('directory', 'directory.v1.counselors.get'),
  /** Public: not_found unless the counselor is active. */
  listReviews: defineRpc<{ counselorId: string; page: number; limit: number }, Page<ReviewView>>(
    'directory',
    'directory.v1.counselors.reviews',
  ),
  listSpecialties: defineRpc<Record<string, never>, SpecialtyView[]>('directory', 'directory.v1.specialties.list'),

  updateMyProfile: defineRpc<UpdateProfileRequest, CounselorView>('directory', 'directory.v1.profile.update'),
  listMyOfferings: defineRpc<Record<string, never>, OfferingView[]>('directory', 'directory.v1.offerings.mine'),
  createOffering: defineRpc<CreateOfferingRequest, OfferingView>('directory', 'directory.v1.offerings.create'),
  updateOffering: defineRpc<UpdateOfferingRequest, OfferingView>('directory', 'directory.v1.offerings.update'),

  /**
   * One review per completed booking (eligibility comes from `booking.completed`): conflict for a
   * second review, unprocessable when the booking is not completed (or not the client's).
   */
  createReview: defineRpc<CreateReviewRequest, CreatedReviewView>('directory', 'directory.v1.create-review'),
} as const;
