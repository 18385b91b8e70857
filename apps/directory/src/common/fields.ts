import { type FieldError, isLanguageCode } from '@haven/contracts';
import { DomainError } from '@haven/common';

/**
 * Collects every bad field of one request, so the caller hears about all of them at once (the same
 * shape the gateway's validation gives: `field: message` plus `details`).
 */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  /** Runs a check that throws at its first bad field, noting that field here instead. */
  collect<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'validation' || !error.details) throw error;
      this.errors.push(...error.details);
      return undefined;
    }
  }

  get empty(): boolean {
    return this.errors.length === 0;
  }

  throwIfAny(): void {
    if (this.errors.length === 0) return;
    throw DomainError.validation(this.errors.map((error) => `${error.field}: ${error.message}`).join('; '), [
      ...this.errors,
    ]);
  }
}

export function text(
  value: unknown,
  field: string,
  errors: FieldErrors,
  { min = 1, max }: { min?: number; max: number },
): string | undefined {
  if (value === undefined || value === null) {
    errors.add(field, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.add(field, 'must be a string');
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length < min) {
    errors.add(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
    return undefined;
  }
  if (trimmed.length > max) {
    errors.add(field, `must be at most ${max} characters`);
    return undefined;
  }
  return trimmed;
}

export function integer(
  value: unknown,
  field: string,
  errors: FieldErrors,
  { min, max }: { min: number; max: number },
): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    errors.add(field, 'must be a whole number');
    return undefined;
  }
  if (value < min || value > max) {
    errors.add(field, `must be from ${min} to ${max}`);
    return undefined;
  }
  return value;
}

export function textList(
  value: unknown,
  field: string,
  errors: FieldErrors,
  { minItems = 1, maxItems, maxLength }: { minItems?: number; maxItems: number; maxLength: number },
): string[] | undefined {
  if (!Array.isArray(value)) {
    errors.add(field, 'must be an array');
    return undefined;
  }
  if (value.length < minItems) {
    errors.add(field, `must contain at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}`);
    return undefined;
  }
  if (value.length > maxItems) {
    errors.add(field, `must contain at most ${maxItems} entries`);
    return undefined;
  }
  const items: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.trim().length === 0 || item.trim().length > maxLength) {
      errors.add(field, `each entry must be a non-empty string of at most ${maxLength} characters`);
      return undefined;
    }
    const trimmed = item.trim();
    if (!items.includes(trimmed)) items.push(trimmed);
  }
  return items;
}

/** ISO 639-1 codes, lowercase as written; duplicates dropped. */
export function languageList(
  value: unknown,
  field: string,
  errors: FieldErrors,
  { maxItems }: { maxItems: number },
): string[] | undefined {
  const items = textList(value, field, errors, { maxItems, maxLength: 2 + 1 });
  if (!items) return undefined;
  const bad = items.filter((item) => !isLanguageCode(item));
  if (bad.length > 0) {
    errors.add(field, `must be ISO 639-1 codes in lowercase such as "en" or "hi" (not ${bad.join(', ')})`);
    return undefined;
  }
  return items;
}

/** An http(s) URL. */
export function httpUrl(value: unknown, field: string, errors: FieldErrors, max: number): string | undefined {
  const candidate = text(value, field, errors, { max });
  if (candidate === undefined) return undefined;
  try {
    const url = new URL(candidate);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {
    // falls through
  }
  errors.add(field, 'must be an http(s) URL');
  return undefined;
}
