import { EMAIL_MAX_LENGTH, normalizePhone } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { IANAZone } from 'luxon';

export const DEFAULT_TIMEZONE = 'Asia/Kolkata';
export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length, but an unbounded input is a cheap way to burn CPU. */
export const PASSWORD_MAX_LENGTH = 1024;
export const NAME_MAX_LENGTH = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Region/City style names (and UTC); rules out offsets such as `+05:30`, which are not IANA zones. */
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;
const CONTROL = /\p{Cc}/u;

/** E-mail addresses are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(value: unknown, field = 'email'): string {
  if (typeof value !== 'string') throw DomainError.invalidField(field, 'must be an e-mail address');
  const email = normalizeEmail(value);
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) {
    throw DomainError.invalidField(field, 'must be an e-mail address');
  }
  return email;
}

export function checkPassword(value: unknown, field = 'password'): string {
  if (typeof value !== 'string' || value.length < PASSWORD_MIN_LENGTH) {
    throw DomainError.invalidField(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (value.length > PASSWORD_MAX_LENGTH) {
    throw DomainError.invalidField(field, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  return value;
}

/** A display name: trimmed, inner whitespace collapsed, 1–100 characters, no control characters. */
export function checkName(value: unknown, field = 'name'): string {
  if (typeof value !== 'string') throw DomainError.invalidField(field, 'must be a string');
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0) throw DomainError.invalidField(field, 'must not be empty');
  if (name.length > NAME_MAX_LENGTH)
    throw DomainError.invalidField(field, `must be at most ${NAME_MAX_LENGTH} characters`);
  if (CONTROL.test(name)) throw DomainError.invalidField(field, 'must not contain control characters');
  return name;
}

export function checkPhone(value: unknown, field = 'phone'): string {
  const phone = typeof value === 'string' ? normalizePhone(value) : undefined;
  if (!phone) throw DomainError.invalidField(field, 'must be an international phone number such as +919876543210');
  return phone;
}

export function isValidTimezone(value: unknown): value is string {
  return typeof value === 'string' && ZONE_SHAPE.test(value) && IANAZone.isValidZone(value);
}

export function checkTimezone(value: unknown, field = 'timezone'): string {
  if (!isValidTimezone(value)) {
    throw DomainError.invalidField(field, 'must be an IANA time zone such as Asia/Kolkata');
  }
  return value;
}

/** Escapes `%`, `_` and `\` so user input matches literally inside an ILIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
