import type { FieldError } from '@haven/contracts';
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';

/**
 * Rejects unknown fields and wrong types, converting query strings to the declared types, and
 * names every bad field once, both in `message` and in `details`: `limit: must be a whole number
 * from 1 to 100`, `title: is required`.
 *
 * The pipe is handed the very class-transformer and class-validator our DTOs were decorated with:
 * left to load its own, it can get a second copy (CommonJS beside ESM, as under Vitest) whose
 * metadata store has never seen our `@Type()` decorators.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transformerPackage: classTransformer,
    validatorPackage: classValidator,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // A value a transform turns into undefined (an empty query parameter) leaves the DTO's default.
    transformOptions: { exposeUnsetFields: false },
    forbidUnknownValues: true,
    // The value is read below to tell a missing field from a bad one; it never reaches the response.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const details = errors.flatMap((error) => fieldErrors(error));
      return new BadRequestException({
        message: details.map((detail) => `${detail.field}: ${detail.message}`).join('; ') || 'Invalid request',
        details,
        code: 'validation_failed',
      });
    },
  });
}

/**
 * Rules that say what kind of value a field takes. When one of them fails, the others (lengths,
 * ranges) say nothing useful, so it is the one reported.
 */
const TYPE_RULES = [
  'whitelistValidation',
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
];

/** One message per bad field, nested fields named by path (`registration.number`, `weekly[2].end`). */
export function fieldErrors(error: ValidationError, parent?: string): FieldError[] {
  const field = parent === undefined ? error.property : childField(parent, error.property);
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  const own: FieldError[] = [];
  if (names.length > 0) {
    own.push({ field, message: fieldMessage(error, names, constraints) });
  }
  // A field that is wrong as a whole is not also reported entry by entry.
  if (own.length > 0 && names.some((name) => TYPE_RULES.includes(name))) return own;
  return [...own, ...(error.children ?? []).flatMap((child) => fieldErrors(child, field))];
}

function fieldMessage(error: ValidationError, names: string[], constraints: Record<string, string>): string {
  if (names.includes('whitelistValidation')) return 'is not allowed';
  if (error.value === undefined) return 'is required';
  if (error.value === null) return 'must not be null';
  const chosen = TYPE_RULES.find((name) => names.includes(name)) ?? names[0];
  return plainWording(constraints[chosen], error.property);
}

function childField(parent: string, property: string): string {
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/** class-validator's stock phrases, without the field name in front and in the API's wording. */
const REWORDINGS: [RegExp, string][] = [
  [/^must be longer than or equal to (\d+) characters?$/, 'must be at least $1 characters'],
  [/^must be shorter than or equal to (\d+) characters?$/, 'must be at most $1 characters'],
  [/^must be an integer number$/, 'must be a whole number'],
  [/^must not be less than (.+)$/, 'must be at least $1'],
  [/^must not be greater than (.+)$/, 'must be at most $1'],
  [/^should not be empty$/, 'must not be empty'],
  [/^must contain at least (\d+) elements$/, 'must have at least $1 entries'],
  [/^must contain no more than (\d+) elements$/, 'must have at most $1 entries'],
  [/^must be a boolean value$/, 'must be true or false'],
  [/^must be an object$/, 'must be an object'],
  [/^must be a UUID$/, 'must be an id (UUID)'],
];

export function plainWording(message: string, property: string): string {
  let text = message;
  const eachPrefix = `each value in ${property} `;
  const each = text.startsWith(eachPrefix);
  if (each) text = text.slice(eachPrefix.length);
  else if (text.startsWith(`${property} `)) text = text.slice(property.length + 1);
  for (const [pattern, replacement] of REWORDINGS) {
    if (pattern.test(text)) {
      text = text.replace(pattern, replacement);
      break;
    }
  }
  return each ? `each entry ${text}` : text;
}
