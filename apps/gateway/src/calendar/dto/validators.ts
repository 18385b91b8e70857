import { ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

/** An IANA time zone name the tz database knows (Asia/Kolkata, Europe/London). */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Asia/Kolkata', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value) },
    });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?))?$/i;

/**
 * An ISO 8601 instant with `Z` or an offset (a bare date means midnight UTC). A local time without
 * an offset names no instant and is refused.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 instant such as 2026-12-01T04:30:00Z', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
      },
    });
}

/** The field may be left out, but not sent as null. */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * A whole number in range, also when it arrives as a string of digits (query parameters; the
 * booking service converts). Does not depend on class-transformer having converted it first.
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
          const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
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
