import { DIRECTORY_LIMITS } from '@haven/contracts';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** 0 (free) or at least Rs 1 in paise: Razorpay's smallest charge. */
export function IsPricePaise(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPricePaise',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [{ min: 0, max: DIRECTORY_LIMITS.maxPricePaise }],
      options: {
        message: `must be 0 (free) or a whole number of paise from ${DIRECTORY_LIMITS.minPaidPricePaise} (Rs 1) to ${DIRECTORY_LIMITS.maxPricePaise}`,
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

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
