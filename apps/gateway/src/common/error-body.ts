import type { FieldError, HttpErrorCode } from '@haven/contracts';
import { STATUS_CODES } from 'node:http';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: HttpErrorCode;
  details?: FieldError[];
}

export function errorBody(
  statusCode: number,
  message: string,
  extra: Pick<ErrorBody, 'code' | 'details'> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}
