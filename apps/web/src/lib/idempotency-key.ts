/**
 * A key per intended action, so a retry after a lost answer (double tap, flaky network) returns
 * the first result instead of acting twice.
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
