import { DIRECTORY_LIMITS } from '@haven/contracts';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

/** The field may be left out, but not sent as null. */
export const OptionalField = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Trims surrounding whitespace of strings (other values pass through to the type checks). */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims each string of an array. */
export const TrimEach = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value,
  );

/** 0 (free) or at least Rs 1 in paise: Razorpay's smallest charge. */
export function IsPricePaise(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPricePaise',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be 0 (free) or a whole number of paise from ${DIRECTORY_LIMITS.minPaidPricePaise} to ${DIRECTORY_LIMITS.maxPricePaise}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isInteger(value) &&
          (value === 0 || (value >= DIRECTORY_LIMITS.minPaidPricePaise && value <= DIRECTORY_LIMITS.maxPricePaise)),
      },
    });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?))?$/i;

/** An ISO 8601 instant with `Z` or an offset (a bare date means midnight UTC). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 instant such as 2026-12-01T04:30:00Z', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value),
      },
    });
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A whole number in range, from JSON or a query string. Query values are converted by `@Type(() =>
 * Number)` as well; this accepts the digits either way, so validation does not hinge on which copy of
 * class-transformer ran (the directory service converts and checks again).
 */
export function IsWholeNumber(range: { min: number; max?: number }, options?: ValidationOptions): PropertyDecorator {
  const bounds = range.max === undefined ? `≥ ${range.min}` : `from ${range.min} to ${range.max}`;
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWholeNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a whole number ${bounds}`, ...options },
      validator: {
        validate: (value: unknown) => {
          const number = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
          return (
            typeof number === 'number' &&
            Number.isSafeInteger(number) &&
            number >= range.min &&
            (range.max === undefined || number <= range.max)
          );
        },
      },
    });
}
