import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api/client';

/**
 * Puts each API field error (`details: [{field, message}]`) beside the form field it names; what
 * names no field of this form goes to the form's root error.
 */
export function showApiErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): void {
  if (!(error instanceof ApiError)) {
    setError('root', { message: 'Could not reach Haven. Check your connection and try again.' });
    return;
  }
  const unplaced: string[] = [];
  for (const detail of error.body.details ?? []) {
    const field = fields.find((name) => name === detail.field);
    if (field) setError(field, { type: 'server', message: sentence(detail.message) });
    else unplaced.push(detail.message);
  }
  if (!error.body.details?.length || unplaced.length) {
    setError('root', { type: 'server', message: unplaced.length ? unplaced.join('. ') : error.message });
  }
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
