import { invalidInput } from '../api/razorpay-api-error';
import { refuseUnknown, requireBody } from '../api/request-validation';
import type { PayMethod, PayOutcome } from '../api/payments.service';
import type { Faults } from './faults.service';

/** POST /sandbox/orders/:orderId/pay `{outcome, method?}`. */
export function parsePayRequest(input: unknown): { outcome: PayOutcome; method: PayMethod } {
  const body = requireBody(input);
  refuseUnknown(body, ['outcome', 'method']);
  if (body.outcome !== 'success' && body.outcome !== 'failure') {
    throw invalidInput('outcome must be "success" or "failure"', 'outcome');
  }
  const method = body.method ?? 'upi';
  if (method !== 'upi' && method !== 'card') throw invalidInput('method must be "upi" or "card"', 'method');
  return { outcome: body.outcome, method };
}

/** POST /sandbox/faults: the whole fault set; a field left out is off. */
export function parseFaults(input: unknown): Faults {
  const body = requireBody(input);
  refuseUnknown(body, ['webhookDuplicates', 'webhookDelayMs', 'webhookShuffle', 'webhookDrop', 'apiFailNext']);
  return {
    webhookDuplicates: count(body.webhookDuplicates, 'webhookDuplicates', 10),
    webhookDelayMs: count(body.webhookDelayMs, 'webhookDelayMs', 600_000),
    webhookShuffle: flag(body.webhookShuffle, 'webhookShuffle'),
    webhookDrop: flag(body.webhookDrop, 'webhookDrop'),
    apiFailNext: count(body.apiFailNext, 'apiFailNext', 1000),
  };
}

/** POST /sandbox/payments/:paymentId/amount `{amount}`: a planted discrepancy. */
export function parseAmountOverride(input: unknown): number {
  const body = requireBody(input);
  refuseUnknown(body, ['amount']);
  if (typeof body.amount !== 'number' || !Number.isSafeInteger(body.amount) || body.amount < 100) {
    throw invalidInput('amount must be an integer number of paise, at least 100', 'amount');
  }
  return body.amount;
}

function count(value: unknown, field: string, max: number): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalidInput(`${field} must be an integer from 0 to ${max}`, field);
  }
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw invalidInput(`${field} must be true or false`, field);
  return value;
}
