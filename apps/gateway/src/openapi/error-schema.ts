import type { SchemaObject } from '@nestjs/swagger';

/** api.md's error body, the one error schema of the document. */
export const ERROR_SCHEMA_NAME = 'ErrorBody';
export const FIELD_ERROR_SCHEMA_NAME = 'FieldError';

export const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: {
    field: {
      type: 'string',
      example: 'pricePaise',
      description: 'Path of the field: `registration.number`, `weekly[2].end`',
    },
    message: { type: 'string', example: 'must be 0 (free) or a whole number of paise from 100 (Rs 1) to 10000000' },
  },
};

export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    error: { type: 'string', example: 'Bad Request', description: 'The status code’s reason phrase' },
    message: {
      type: 'string',
      example: 'pricePaise: must be 0 (free) or a whole number of paise from 100 (Rs 1) to 10000000',
      description: 'For people: one `field: problem` per bad field, separated by `; `',
    },
    code: {
      type: 'string',
      example: 'validation_failed',
      description: 'For programs: a stable reason (`validation_failed`, `token_stale`, `calendar_cap_reached`, …)',
    },
    details: {
      type: 'array',
      items: { $ref: `#/components/schemas/${FIELD_ERROR_SCHEMA_NAME}` },
      description: 'One entry per bad field',
    },
  },
};
