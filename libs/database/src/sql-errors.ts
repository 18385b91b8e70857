import { QueryFailedError } from 'typeorm';

/** SQLSTATE of the PostgreSQL error behind a failed query, if any. */
export function sqlState(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: unknown } | undefined;
  return typeof driverError?.code === 'string' ? driverError.code : undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const EXCLUSION_VIOLATION = '23P01';
export const FOREIGN_KEY_VIOLATION = '23503';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== UNIQUE_VIOLATION) return false;
  if (!constraint) return true;
  return ((error as QueryFailedError).driverError as { constraint?: string }).constraint === constraint;
}

export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === EXCLUSION_VIOLATION;
}
