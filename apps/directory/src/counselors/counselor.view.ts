import type { CounselorView, OfferingView } from '@haven/contracts';
import type { OfferingEntity } from '../offerings/offering.entity';
import type { CounselorEntity } from './counselor.entity';

export function offeringView(offering: OfferingEntity): OfferingView {
  return {
    id: offering.id,
    counselorId: offering.counselorId,
    title: offering.title,
    mode: offering.mode,
    durationMinutes: offering.durationMinutes,
    pricePaise: offering.pricePaise,
    currency: 'INR',
    active: offering.active,
  };
}

/**
 * A counselor's profile as anyone may see it: the issuing body of the registration but never its
 * number, and no contact data (the directory holds none). `offerings` are the active ones only.
 * `nextAvailableAt` is left out when the booking service could not be asked.
 */
export function counselorView(
  counselor: CounselorEntity,
  offerings: OfferingEntity[],
  nextAvailableAt?: string | null,
): CounselorView {
  return {
    id: counselor.id,
    displayName: counselor.displayName,
    bio: counselor.bio,
    languages: counselor.languages,
    specialties: counselor.specialties,
    yearsExperience: counselor.yearsExperience,
    qualifications: counselor.qualifications,
    registration: { body: counselor.registrationBody },
    status: counselor.status,
    rating: Math.round(Number(counselor.rating) * 10) / 10,
    reviewCount: counselor.reviewCount,
    offerings: offerings.filter((offering) => offering.active).map(offeringView),
    ...(nextAvailableAt !== undefined ? { nextAvailableAt } : {}),
    ...(counselor.gender ? { gender: counselor.gender } : {}),
    ...(counselor.photoUrl ? { photoUrl: counselor.photoUrl } : {}),
  };
}
