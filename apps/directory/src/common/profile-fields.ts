import { DIRECTORY_LIMITS as L } from '@haven/contracts';
import type { FieldErrors } from '@haven/common';

/** Specialty slugs, each one of `known`; duplicates dropped. */
export function specialtyList(
  value: unknown,
  field: string,
  errors: FieldErrors,
  known: ReadonlySet<string>,
): string[] | undefined {
  const items = errors.textList(value, field, { maxItems: L.maxSpecialties, maxLength: L.maxSpecialtySlugLength });
  if (!items) return undefined;
  const unknown = items.filter((slug) => !known.has(slug));
  if (unknown.length > 0) {
    errors.add(field, `unknown specialty ${unknown.map((slug) => `"${slug}"`).join(', ')} (see GET /specialties)`);
    return undefined;
  }
  return items;
}

export const displayName = (value: unknown, errors: FieldErrors): string | undefined =>
  errors.text(value, 'displayName', { min: 2, max: L.maxDisplayNameLength });

export const bio = (value: unknown, errors: FieldErrors): string | undefined =>
  errors.text(value, 'bio', { max: L.maxBioLength });

export const languages = (value: unknown, errors: FieldErrors): string[] | undefined =>
  errors.languageList(value, 'languages', { maxItems: L.maxLanguages });
