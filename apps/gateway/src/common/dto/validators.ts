import { isIanaTimeZone, isInstant } from '@haven/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/*
 * Messages say what is wrong, not where: the validation pipe puts the field in front
 * (`limit: must be a whole number from 1 to 100`), the way the services word their own 400s.
 */

const DIGITS = /^\d{1,15}$/;

/** An IANA time zone name the tz database knows (Asia/Kolkata, Europe/London). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => isIanaTimeZone(value),
        defaultMessage: () => 'must be an IANA time zone such as Asia/Kolkata',
      },
    },
    options,
  );
}

/** An instant exactly as the services read one: ISO 8601 with `Z` or an offset, or a bare date (midnight UTC). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: () => 'must be an ISO 8601 instant such as 2026-12-01T04:30:00Z',
      },
    },
    options,
  );
}

/** A whole number (a safe integer) within the range; pair with `QueryWholeNumber` in query DTOs. */
export function IsWholeNumber(range: { min: number; max?: number }, options?: ValidationOptions): PropertyDecorator {
  const bounds = range.max === undefined ? `≥ ${range.min}` : `from ${range.min} to ${range.max}`;
  return ValidateBy(
    {
      name: 'isWholeNumber',
      constraints: [range],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isSafeInteger(value) &&
          value >= range.min &&
          (range.max === undefined || value <= range.max),
        defaultMessage: () => `must be a whole number ${bounds}`,
      },
    },
    options,
  );
}

/** The field may be left out, but not sent as null. */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** A query parameter sent empty (`?role=` from a form) counts as absent. */
export const EmptyAsAbsent = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/**
 * A number in a query string: decimal digits become a number, anything else (`1e3`, `0x10`, ` 2`)
 * stays as sent for the validators to refuse, and an empty value counts as absent.
 */
export const QueryWholeNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (value === '') return undefined;
    return typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  });

/** Trims surrounding whitespace of strings (other values pass through to the type checks). */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims each string of an array. */
export const TrimEach = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value,
  );
