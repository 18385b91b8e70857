import type { FieldError } from '@haven/contracts';
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';

/**
 * Rejects unknown fields and wrong types, converting query strings to the declared types, and
 * names every bad field both in `message` and in `details`.
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = errors.flatMap((error) => flatten(error));
      return new BadRequestException({
        message: details.map((detail) => `${detail.field}: ${detail.message}`).join('; ') || 'Invalid request',
        details,
        code: 'validation_failed',
      });
    },
  });
}

function flatten(error: ValidationError, parent?: string): FieldError[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({
    field,
    message: message.startsWith('property ') ? 'is not allowed' : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
