import { domainErrorOf, fieldsNamedBy } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import { parsePreferencesUpdate } from './preferences-input';

const rejection = (body: unknown) => () => parsePreferencesUpdate(body);

describe('notification preference updates', () => {
  it('takes any subset of the switches and reminders, latest reminder first and each once', () => {
    expect(parsePreferencesUpdate({ sms: true })).toEqual({ sms: true });
    expect(parsePreferencesUpdate({ email: false, inApp: true, reminders: [60, 1440, 60, 10] })).toEqual({
      email: false,
      inApp: true,
      reminders: [1440, 60, 10],
    });
    expect(parsePreferencesUpdate({ reminders: [] })).toEqual({ reminders: [] });
    expect(parsePreferencesUpdate({ reminders: [1, 10_080] })).toEqual({ reminders: [10_080, 1] });
  });

  it('names every reminder out of range or not a whole number', () => {
    expect(fieldsNamedBy(rejection({ reminders: [60, 0, 10_081, 1.5, '30'] }))).toEqual([
      'reminders[1]',
      'reminders[2]',
      'reminders[3]',
      'reminders[4]',
    ]);
  });

  it('refuses more than five reminders', () => {
    expect(fieldsNamedBy(rejection({ reminders: [1, 2, 3, 4, 5, 6] }))).toEqual(['reminders']);
  });

  it('refuses switches that are not booleans, unknown fields and a body that is not an object', () => {
    expect(fieldsNamedBy(rejection({ email: 'yes', push: true, reminders: 60 }))).toEqual([
      'push',
      'email',
      'reminders',
    ]);
    expect(domainErrorOf(rejection([]))).toMatchObject({ kind: 'validation' });
    expect(domainErrorOf(rejection(null))).toMatchObject({ kind: 'validation' });
  });
});
