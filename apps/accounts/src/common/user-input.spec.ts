import { DomainError } from '@haven/common';
import { normalizePhone } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkName,
  checkPassword,
  checkPhone,
  checkTimezone,
  escapeLike,
  normalizeEmail,
} from './user-input';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details?.[0]?.field;
  }
  return undefined;
}

describe('user input rules', () => {
  it('normalizes e-mail addresses to trimmed lower case', () => {
    expect(normalizeEmail('  Alice.Smith@Example.COM ')).toBe('alice.smith@example.com');
    expect(checkEmail('Bob@Example.test')).toBe('bob@example.test');
    expect(fieldOf(() => checkEmail('not-an-email'))).toBe('email');
    expect(fieldOf(() => checkEmail(42))).toBe('email');
  });

  it('needs passwords of at least 10 characters', () => {
    expect(checkPassword('0123456789')).toBe('0123456789');
    expect(fieldOf(() => checkPassword('012345678'))).toBe('password');
    expect(fieldOf(() => checkPassword('x'.repeat(1025)))).toBe('password');
  });

  it('trims names and refuses empty ones', () => {
    expect(checkName('  Asha   Rao ')).toBe('Asha Rao');
    expect(fieldOf(() => checkName('   '))).toBe('name');
    expect(fieldOf(() => checkName('x'.repeat(101)))).toBe('name');
    expect(fieldOf(() => checkName('bad\u0000name'))).toBe('name');
  });

  it('accepts international phone numbers and drops separators', () => {
    expect(normalizePhone('+91 98765-43210')).toBe('+919876543210');
    expect(normalizePhone('+1 (415) 555.2671')).toBe('+14155552671');
    expect(checkPhone('+919876543210')).toBe('+919876543210');
    for (const bad of ['9876543210', '+0123456789', '+12', 'phone', '+91 98765 43210 12345 6']) {
      expect(normalizePhone(bad), bad).toBeUndefined();
    }
    expect(fieldOf(() => checkPhone('abc'))).toBe('phone');
  });

  it('accepts IANA zones only', () => {
    expect(checkTimezone('Europe/London')).toBe('Europe/London');
    expect(fieldOf(() => checkTimezone('Nowhere/Special'))).toBe('timezone');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(escapeLike('plain')).toBe('plain');
  });
});
