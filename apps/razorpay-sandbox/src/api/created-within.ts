import { Between, type FindOperator, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { ListQuery } from './request-validation';

/** `from`/`to` (inclusive) of a Razorpay list query as a condition on `createdAt`. */
export function createdWithin(query: ListQuery): { createdAt?: FindOperator<Date> } {
  if (query.from && query.to) return { createdAt: Between(query.from, query.to) };
  if (query.from) return { createdAt: MoreThanOrEqual(query.from) };
  if (query.to) return { createdAt: LessThanOrEqual(query.to) };
  return {};
}
