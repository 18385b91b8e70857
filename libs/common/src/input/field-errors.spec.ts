import { DomainError } from '../errors/domain-error';
import { describe, expect, it } from 'vitest';
import { FieldErrors } from './field-errors';

describe('FieldErrors', () => {
  it('collects the field a throwing check names, beside the others, and reports all at once', () => {
    const errors = new FieldErrors();
    errors.add('q', 'must be a string');
    const value = errors.collect(() => {
      throw DomainError.invalidField('availableFrom', 'is not a real date and time');
    });
    expect(value).toBeUndefined();
    expect(errors.collect(() => 7)).toBe(7);
    expect(() => errors.throwIfAny()).toThrow(
      expect.objectContaining({
        message: 'q: must be a string; availableFrom: is not a real date and time',
        details: [
          { field: 'q', message: 'must be a string' },
          { field: 'availableFrom', message: 'is not a real date and time' },
        ],
      }),
    );
  });

  it('lets errors that name no field through', () => {
    const errors = new FieldErrors();
    expect(() =>
      errors.collect(() => {
        throw DomainError.notFound('counselor_not_found');
      }),
    ).toThrow('Counselor not found');
    expect(errors.empty).toBe(true);
  });

  it('takes an optional value from a fixed set, naming the set when it is not in it', () => {
    const errors = new FieldErrors();
    expect(errors.oneOf(undefined, 'role', ['client', 'counselor'])).toBeUndefined();
    expect(errors.oneOf('client', 'role', ['client', 'counselor'])).toBe('client');
    expect(errors.oneOf('admin', 'role', ['client', 'counselor'])).toBeUndefined();
    expect(errors.details).toEqual([{ field: 'role', message: 'must be one of client, counselor' }]);
  });

  it('runs every check of a request and reports all their fields at once, or returns every value', () => {
    const field = (name: string) => () => {
      throw DomainError.invalidField(name, 'is wrong');
    };
    expect(new FieldErrors().checkAll({ a: () => 1, b: () => 'two' })).toEqual({ a: 1, b: 'two' });
    expect(() => new FieldErrors().checkAll({ a: field('a'), b: () => 2, c: field('c') })).toThrow(
      expect.objectContaining({
        message: 'a: is wrong; c: is wrong',
        details: [
          { field: 'a', message: 'is wrong' },
          { field: 'c', message: 'is wrong' },
        ],
      }),
    );
  });
});
