import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/api/client';
import { showApiErrors } from '@/lib/form-errors';

/**
 * Like `showApiErrors`, for forms whose fields are not named like the API's: `rename` turns the
 * API's field name (`registration.number`, `weekly[2].end`) into the form's, or undefined.
 */
export function showRenamedApiErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  rename: (apiField: string) => string | undefined,
  setError: UseFormSetError<T>,
): void {
  const renamed =
    error instanceof ApiError && error.body.details
      ? new ApiError(error.status, {
          ...error.body,
          details: error.body.details.map((detail) => ({ ...detail, field: rename(detail.field) ?? detail.field })),
        })
      : error;
  showApiErrors(renamed, fields, setError);
}
