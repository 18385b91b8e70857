import type { Notes } from '../store/entities';
import { invalidInput } from './razorpay-api-error';

/**
 * Razorpay's input rules for the endpoints the sandbox serves, as pure functions that throw
 * Razorpay's 400 (with `field`) on the first problem, in Razorpay's wording where it is known.
 */

type Body = Record<string, unknown>;

export interface OrderCreateRequest {
  amount: number;
  currency: string;
  receipt: string | null;
  notes: Notes;
  partialPayment: boolean;
}

export interface RefundCreateRequest {
  amount: number | null;
  speed: 'normal' | 'optimum';
  notes: Notes;
  receipt: string | null;
}

export interface ListQuery {
  from: Date | null;
  to: Date | null;
  count: number;
  skip: number;
}

export interface ReconQuery {
  year: number;
  month: number;
  day: number | null;
  count: number;
  skip: number;
}

const MAX_AMOUNT = 50_000_000_00; // ₹5 crore, far above anything the platform charges

export function parseOrderCreate(input: unknown): OrderCreateRequest {
  const body = requireBody(input);
  refuseUnknown(body, ['amount', 'currency', 'receipt', 'notes', 'partial_payment', 'first_payment_min_amount']);
  const partialPayment = body.partial_payment ?? false;
  if (typeof partialPayment !== 'boolean')
    throw invalidInput('The partial payment field must be true or false.', 'partial_payment');
  return {
    amount: parseAmount(body.amount, true)!,
    currency: parseCurrency(body.currency),
    receipt: parseReceipt(body.receipt),
    notes: parseNotes(body.notes),
    partialPayment,
  };
}

export function parseRefundCreate(input: unknown): RefundCreateRequest {
  const body = requireBody(input ?? {});
  refuseUnknown(body, ['amount', 'speed', 'notes', 'receipt']);
  const speed = body.speed ?? 'normal';
  if (speed !== 'normal' && speed !== 'optimum') throw invalidInput('The selected speed is invalid.', 'speed');
  return {
    amount: parseAmount(body.amount, false),
    speed,
    notes: parseNotes(body.notes),
    receipt: parseReceipt(body.receipt),
  };
}

export function parseCapture(input: unknown): { amount: number; currency: string } {
  const body = requireBody(input);
  refuseUnknown(body, ['amount', 'currency']);
  return { amount: parseAmount(body.amount, true)!, currency: parseCurrency(body.currency) };
}

/** X-Refund-Idempotency: 10 or more of `[A-Za-z0-9_-]`. */
export function parseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined || header === '') return null;
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(header)) {
    throw invalidInput(
      'The idempotency key must be 10 to 100 characters of letters, digits, _ and -.',
      'X-Refund-Idempotency',
    );
  }
  return header;
}

export function parseListQuery(query: Record<string, unknown>, maxCount = 100): ListQuery {
  const from = optionalInteger(query.from, 'from', 0);
  const to = optionalInteger(query.to, 'to', 0);
  if (from !== null && to !== null && to < from)
    throw invalidInput('The to must be greater than or equal to from.', 'to');
  return {
    from: from === null ? null : new Date(from * 1000),
    // Razorpay times are whole seconds: `to` includes the whole of its second.
    to: to === null ? null : new Date(to * 1000 + 999),
    count: optionalInteger(query.count, 'count', 1, maxCount) ?? 10,
    skip: optionalInteger(query.skip, 'skip', 0) ?? 0,
  };
}

export function parseReconQuery(query: Record<string, unknown>): ReconQuery {
  if (query.year === undefined || query.year === '') throw invalidInput('The year field is required.', 'year');
  if (query.month === undefined || query.month === '') throw invalidInput('The month field is required.', 'month');
  if (!/^\d{4}$/.test(String(query.year))) throw invalidInput('The year must be 4 digits.', 'year');
  return {
    year: Number(query.year),
    month: optionalInteger(query.month, 'month', 1, 12)!,
    day: optionalInteger(query.day, 'day', 1, 31),
    count: optionalInteger(query.count, 'count', 1, 1000) ?? 10,
    skip: optionalInteger(query.skip, 'skip', 0) ?? 0,
  };
}

export function parseStringFilter(value: unknown, field: string): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw invalidInput(`The ${field} must be a string.`, field);
  return value;
}

/** The JSON body as an object, or Razorpay's 400. */
export function requireBody(input: unknown): Body {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidInput('The request body must be a JSON object.');
  }
  return input as Body;
}

/** Razorpay refuses fields it does not know, naming the first. */
export function refuseUnknown(body: Body, allowed: string[]): void {
  const extra = Object.keys(body).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw invalidInput(`${extra} is/are not required and should not be sent`, extra);
}

function parseAmount(value: unknown, required: boolean): number | null {
  if (value === undefined || value === null || value === '') {
    if (required) throw invalidInput('The amount field is required.', 'amount');
    return null;
  }
  const amount = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount))
    throw invalidInput('The amount must be an integer.', 'amount');
  if (!Number.isInteger(amount)) throw invalidInput('The amount must be an integer.', 'amount');
  if (amount < 100) throw invalidInput('The amount must be at least INR 1.00', 'amount');
  if (amount > MAX_AMOUNT) throw invalidInput('The amount exceeds the maximum amount allowed.', 'amount');
  return amount;
}

function parseCurrency(value: unknown): string {
  if (value === undefined || value === null || value === '')
    throw invalidInput('The currency field is required.', 'currency');
  if (value !== 'INR') throw invalidInput('The selected currency is invalid.', 'currency');
  return value;
}

function parseReceipt(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidInput('The receipt must be a string.', 'receipt');
  if (value.length > 40) throw invalidInput('The receipt may not be greater than 40 characters.', 'receipt');
  return value;
}

function parseNotes(value: unknown): Notes {
  if (value === undefined || value === null) return {};
  if (Array.isArray(value) && value.length === 0) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput('The notes must be an object.', 'notes');
  const entries = Object.entries(value as Body);
  if (entries.length > 15) throw invalidInput('Number of fields in notes should be less than or equal to 15', 'notes');
  for (const [key, note] of entries) {
    if (typeof note !== 'string' && typeof note !== 'number') {
      throw invalidInput(`The notes.${key} must be a string or a number.`, 'notes');
    }
    if (String(note).length > 256)
      throw invalidInput(`The notes.${key} may not be greater than 256 characters.`, 'notes');
  }
  return value as Notes;
}

function optionalInteger(value: unknown, field: string, min: number, max?: number): number | null {
  if (value === undefined || value === '') return null;
  const text = String(value);
  if (!/^-?\d+$/.test(text)) throw invalidInput(`The ${field} must be an integer.`, field);
  const number = Number(text);
  if (number < min) throw invalidInput(`The ${field} must be at least ${min}.`, field);
  if (max !== undefined && number > max) throw invalidInput(`The ${field} may not be greater than ${max}.`, field);
  return number;
}
