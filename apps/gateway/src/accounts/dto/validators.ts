import { ACCOUNTS_LIMITS, normalizePhone } from '@haven/contracts';
import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/** An e-mail address; surrounding whitespace is tolerated (the service trims and lower-cases). */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.trim().length <= ACCOUNTS_LIMITS.maxEmailLength && isEmail(value.trim()),
        defaultMessage: () => 'must be an e-mail address',
      },
    },
    options,
  );
}

/** A phone number as the accounts service takes it: `+`, country code and number; spaces, dots, dashes and parentheses allowed. */
export function IsPhoneNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPhoneNumber',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizePhone(value) !== undefined,
        defaultMessage: () => 'must be an international phone number such as +919876543210',
      },
    },
    options,
  );
}
