/** Limits every caller of the directory agrees on (the gateway validates with them, the service enforces them). */
export const DIRECTORY_LIMITS = {
  minDurationMinutes: 15,
  maxDurationMinutes: 120,
  /** Razorpay's smallest charge is Rs 1; 0 means a free offering. */
  minPaidPricePaise: 100,
  maxPricePaise: 10_000_000,
  maxYearsExperience: 70,
  /** The widest "has a free slot between A and B" window a search may ask for. */
  maxAvailabilityRangeDays: 31,
  minRating: 1,
  maxRating: 5,
  maxDisplayNameLength: 80,
  maxBioLength: 5000,
  maxQualifications: 20,
  maxQualificationLength: 200,
  maxRegistrationLength: 100,
  maxLanguages: 20,
  maxSpecialties: 15,
  maxSpecialtySlugLength: 60,
  maxGenderLength: 40,
  maxPhotoUrlLength: 2048,
  maxOfferingTitleLength: 120,
  maxReasonLength: 2000,
  maxCommentLength: 2000,
  maxSearchTextLength: 200,
  /** Offerings a counselor may have on offer at once (a profile stays readable and bookable). */
  maxActiveOfferings: 20,
  /** Offerings a counselor may keep, inactive ones included (they cannot be deleted, only deactivated). */
  maxOfferings: 50,
} as const;
