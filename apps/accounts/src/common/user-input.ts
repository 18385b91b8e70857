import { ACCOUNTS_LIMITS as L, normalizePhone } from '@haven/contracts';
import { DomainError, isIanaTimeZone } from '@haven/common';

export const DEFAULT_TIMEZONE = 'Asia/Kolkata';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /\p{Cc}/u;

/** E-mail addresses are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string') throw DomainError.invalidField(field, 'must be an e-mail address');
  const email = normalizeEmail(value);
  if (email.length > L.maxEmailLength || !EMAIL.test(email)) {
    throw DomainError.invalidField(field, 'must be an e-mail address');
  }
  return email;
}

export function checkPassword(value: unknown, field = 'password'): string {
  if (typeof value !== 'string' || value.length < L.minPasswordLength) {
    throw DomainError.invalidField(field, `must be at least ${L.minPasswordLength} characters`);
  }
  if (value.length > L.maxPasswordLength) {
    throw DomainError.invalidField(field, `must be at most ${L.maxPasswordLength} characters`);
  }
  return value;
}

/** A display name: trimmed, inner whitespace collapsed, not empty, no control characters. */
export function checkName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string') throw DomainError.invalidField(field, 'must be a string');
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw DomainError.invalidField(field, 'must not be empty');
  if (name.length > L.maxNameLength)
    throw DomainError.invalidField(field, `must be at most ${L.maxNameLength} characters`);
  if (CONTROL.test(name)) throw DomainError.invalidField(field, 'must not contain control characters');
  return name;
}

export function checkPhone(value: unknown, field = 'phone'): string {
  const phone = typeof value === 'string' ? normalizePhone(value) : undefined;
  if (!phone) throw DomainError.invalidField(field, 'must be an international phone number such as +919876543210');
  return phone;
}

export function checkTimezone(value: unknown, field = 'timezone'): string {
  if (!isIanaTimeZone(value)) {
    throw DomainError.invalidField(field, 'must be an IANA time zone such as Asia/Kolkata');
  }
  return value;
}

/** Escapes `%`, `_` and `\` so user input matches literally inside an ILIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
