import { type FieldError, isLanguageCode } from '@haven/contracts';
import { DomainError } from '../errors/domain-error';

/**
 * How a service checks a request: every bad field of it is collected here and reported at once,
 * in the shape the gateway's validation gives (`field: message; …` plus `details`), so a caller
 * hears about all of them in one answer. The readers return the clean value, or undefined after
 * noting the problem; `throwIfAny()` ends the check.
 *
 *   const errors = new FieldErrors();
 *   const title = errors.text(input.title, 'title', { max: DIRECTORY_LIMITS.maxOfferingTitleLength });
 *   const startsAt = errors.collect(() => parseInstant(input.startsAt, 'startsAt'));
 *   errors.throwIfAny();
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

  /**
   * Runs every check (each throwing at its own field), then throws all the problems at once or
   * returns every value: `const { email, name } = new FieldErrors().checkAll({ email: () => …, name: () => … })`.
   */
  checkAll<T extends Record<string, () => unknown>>(checks: T): { [K in keyof T]: ReturnType<T[K]> } {
    const values: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(checks)) values[key] = this.collect(check);
    this.throwIfAny();
    return values as { [K in keyof T]: ReturnType<T[K]> };
  }

  /** The problems noted so far, in order. */
  get details(): FieldError[] {
    return [...this.errors];
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

  /** Required text, trimmed, of `min` (default 1) to `max` characters. */
  text(value: unknown, field: string, { min = 1, max }: { min?: number; max: number }): string | undefined {
    if (value === undefined || value === null) {
      this.add(field, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(field, 'must be a string');
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length < min) {
      this.add(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
      return undefined;
    }
    if (trimmed.length > max) {
      this.add(field, `must be at most ${max} characters`);
      return undefined;
    }
    return trimmed;
  }

  /** An optional value that must be one of `allowed`; absent, it is undefined. */
  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    this.add(field, `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** Like `text`, with a missing, null or empty value meaning "not given". */
  optionalText(value: unknown, field: string, limits: { min?: number; max: number }): string | undefined {
    return value === undefined || value === null || value === '' ? undefined : this.text(value, field, limits);
  }

  integer(value: unknown, field: string, { min, max }: { min: number; max: number }): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add(field, 'must be a whole number');
      return undefined;
    }
    if (value < min || value > max) {
      this.add(field, `must be from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  /** A list of non-empty strings, each trimmed; duplicates dropped. */
  textList(
    value: unknown,
    field: string,
    { minItems = 1, maxItems, maxLength }: { minItems?: number; maxItems: number; maxLength: number },
  ): string[] | undefined {
    if (!Array.isArray(value)) {
      this.add(field, 'must be an array');
      return undefined;
    }
    if (value.length < minItems) {
      this.add(field, `must contain at least ${minItems} ${minItems === 1 ? 'entry' : 'entries'}`);
      return undefined;
    }
    if (value.length > maxItems) {
      this.add(field, `must contain at most ${maxItems} entries`);
      return undefined;
    }
    const items: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string' || item.trim().length === 0 || item.trim().length > maxLength) {
        this.add(field, `each entry must be a non-empty string of at most ${maxLength} characters`);
        return undefined;
      }
      const trimmed = item.trim();
      if (!items.includes(trimmed)) items.push(trimmed);
    }
    return items;
  }

  /** ISO 639-1 codes, lowercase as written; duplicates dropped. */
  languageList(value: unknown, field: string, { maxItems }: { maxItems: number }): string[] | undefined {
    const items = this.textList(value, field, { maxItems, maxLength: 2 + 1 });
    if (!items) return undefined;
    const bad = items.filter((item) => !isLanguageCode(item));
    if (bad.length > 0) {
      this.add(field, `must be ISO 639-1 codes in lowercase such as "en" or "hi" (not ${bad.join(', ')})`);
      return undefined;
    }
    return items;
  }

  /** An http(s) URL of at most `max` characters. */
  httpUrl(value: unknown, field: string, max: number): string | undefined {
    const candidate = this.text(value, field, { max });
    if (candidate === undefined) return undefined;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
    } catch {
      // falls through
    }
    this.add(field, 'must be an http(s) URL');
    return undefined;
  }
}
