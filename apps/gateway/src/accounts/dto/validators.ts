import { isEmail, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

/*
 * These validators deliberately need no class-transformer decorators (no @Type/@Transform): they
 * accept what arrives over HTTP as it is and the service normalizes. That keeps them independent of
 * which copy of class-transformer the ValidationPipe loaded.
 */

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
/** `+`, country code and number; spaces, dots, dashes and parentheses allowed (dropped by the service). */
export const PHONE_PATTERN = /^\s*\+[1-9][\d\s().-]{6,24}$/;
const WHOLE_NUMBER = /^\d{1,9}$/;

/** An IANA time zone name such as `Asia/Kolkata` (offsets like `+05:30` are not zones). */
export function IsIanaTimezone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimezone',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && ZONE_SHAPE.test(value) && IANAZone.isValidZone(value),
        defaultMessage: () => 'must be an IANA time zone such as Asia/Kolkata',
      },
    },
    options,
  );
}

/** An e-mail address; surrounding whitespace is tolerated (the service trims and lower-cases). */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= 320 && isEmail(value.trim()),
        defaultMessage: () => 'must be an e-mail address',
      },
    },
    options,
  );
}

/** A whole number within [min, max], given as a number or, in a query string, as digits. */
export function IsWholeNumber(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWholeNumber',
      validator: {
        validate: (value: unknown) => {
          const number = typeof value === 'string' && WHOLE_NUMBER.test(value) ? Number(value) : value;
          return typeof number === 'number' && Number.isInteger(number) && number >= min && number <= max;
        },
        defaultMessage: () => `must be a whole number from ${min} to ${max}`,
      },
    },
    options,
  );
}

/** The number behind a validated `IsWholeNumber` field, or the default when it was not given. */
export function wholeNumber(value: number | string | undefined, fallback: number): number {
  return value === undefined || value === '' ? fallback : Number(value);
}

/**
 * A query parameter that may be left out or sent empty (`?role=&q=` from a form): either way it is
 * not checked and counts as absent.
 */
export const OptionalQuery = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null && value !== '');

/** A query string value, with empty meaning absent. */
export function presentOrUndefined<T>(value: T | '' | null | undefined): T | undefined {
  return value === '' || value === null ? undefined : value;
}
