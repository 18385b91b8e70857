import { DomainError } from '@haven/common';

/** The DomainError `run` throws; any other error is rethrown, and throwing nothing fails the test. */
export function domainErrorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The DomainError `promise` rejects with (an RPC's domain failure arrives as one). */
export async function domainRejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** The fields, in order, of the validation error `run` throws. */
export function fieldsNamedBy(run: () => unknown): string[] {
  const error = domainErrorOf(run);
  if (error.kind !== 'validation') throw new Error(`expected a validation error, got ${error.kind}: ${error.message}`);
  return (error.details ?? []).map((detail) => detail.field);
}
