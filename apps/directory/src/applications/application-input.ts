import { type ApplicationInput, DIRECTORY_LIMITS as L } from '@haven/contracts';
import { FieldErrors } from '@haven/common';
import { bio, displayName, languages, specialtyList } from '../common/profile-fields';

const FIELDS = [
  'displayName',
  'bio',
  'qualifications',
  'registration',
  'yearsExperience',
  'languages',
  'specialties',
  'gender',
] as const;

/**
 * Validates and normalises an application (trimmed text, de-duplicated lists). `partial` checks only
 * the fields present (a resubmission); otherwise every required field must be there. Every bad field
 * is reported at once.
 */
export function cleanApplicationInput(
  input: unknown,
  knownSpecialties: ReadonlySet<string>,
  { partial }: { partial: boolean },
): Partial<ApplicationInput> {
  const errors = new FieldErrors();
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const result: Partial<ApplicationInput> = {};
  for (const field of FIELDS) {
    const value = source[field];
    if (value === undefined || (field === 'gender' && value === null)) {
      if (!partial && field !== 'gender') errors.add(field, 'is required');
      continue;
    }
    switch (field) {
      case 'displayName':
        result.displayName = displayName(value, errors);
        break;
      case 'bio':
        result.bio = bio(value, errors);
        break;
      case 'qualifications':
        result.qualifications = errors.textList(value, field, {
          maxItems: L.maxQualifications,
          maxLength: L.maxQualificationLength,
        });
        break;
      case 'registration':
        result.registration = registration(value, errors);
        break;
      case 'yearsExperience':
        result.yearsExperience = errors.integer(value, field, { min: 0, max: L.maxYearsExperience });
        break;
      case 'languages':
        result.languages = languages(value, errors);
        break;
      case 'specialties':
        result.specialties = specialtyList(value, field, errors, knownSpecialties);
        break;
      case 'gender':
        result.gender = errors.text(value, field, { max: L.maxGenderLength });
        break;
    }
  }
  errors.throwIfAny();
  return result;
}

function registration(value: unknown, errors: FieldErrors): ApplicationInput['registration'] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.add('registration', 'must be an object with body and number');
    return undefined;
  }
  const { body, number } = value as Record<string, unknown>;
  const cleanBody = errors.text(body, 'registration.body', { max: L.maxRegistrationLength });
  const cleanNumber = errors.text(number, 'registration.number', { max: L.maxRegistrationLength });
  return cleanBody !== undefined && cleanNumber !== undefined ? { body: cleanBody, number: cleanNumber } : undefined;
}
