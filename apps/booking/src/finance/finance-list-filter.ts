import { FieldErrors, pageOf } from '@haven/common';
import { counselorIdOf } from './finance-access';
import { optionalRange } from './finance-period';

export interface FinanceListFilter {
  page: number;
  limit: number;
  from?: Date;
  to?: Date;
  counselorId?: string;
}

/**
 * The paging, period and counselor of a finance list. `errors` may already hold the caller's own
 * problems (a bad status): all of them are reported together.
 */
export function readListFilter(
  input: { page?: unknown; limit?: unknown; from?: unknown; to?: unknown; counselorId?: unknown },
  errors = new FieldErrors(),
): FinanceListFilter {
  const { paging, range, counselorId } = errors.checkAll({
    paging: () => pageOf(input),
    range: () => optionalRange(input),
    counselorId: () => (input.counselorId === undefined ? undefined : counselorIdOf(input.counselorId)),
  });
  return { ...paging, ...range, counselorId };
}
