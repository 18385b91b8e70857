import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/** `+`, country code and number; spaces, dots, dashes and parentheses allowed (dropped by the service). */
export const PHONE_PATTERN = /^\s*\+[1-9][\d\s().-]{6,24}$/;

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
