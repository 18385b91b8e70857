import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
/** `+`, country code and number; spaces, dots, dashes and parentheses allowed (dropped by the service). */
export const PHONE_PATTERN = /^\+[1-9][\d\s().-]{6,24}$/;

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

/** Trims surrounding whitespace of strings (other values pass through for the type checks). */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
