import { describe, expect, it } from 'vitest';
import { registerUser } from '../support/accounts';
import { applicationInput, makeCounselor } from '../support/directory';
import { api } from '../support/http';

/* One message per bad field, naming it once; "is required" when it is missing; all of them at once. */

describe('validation messages', () => {
  it('says "is required" once for a missing field, whatever its other rules', async () => {
    const counselor = await makeCounselor();
    const response = await api('POST', '/counselor/offerings', { mode: 'video' }, { token: counselor.accessToken });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'title', message: 'is required' },
      { field: 'durationMinutes', message: 'is required' },
      { field: 'pricePaise', message: 'is required' },
    ]);
    expect(response.body.message).toBe('title: is required; durationMinutes: is required; pricePaise: is required');
  });

  it('gives one message per bad field, without repeating its name or listing every rule', async () => {
    const counselor = await makeCounselor();
    const response = await api(
      'POST',
      '/counselor/offerings',
      { title: 42, mode: 'video', durationMinutes: 'long', pricePaise: 50 },
      { token: counselor.accessToken },
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'title', message: 'must be a string' },
      { field: 'durationMinutes', message: 'must be a whole number from 15 to 120' },
      { field: 'pricePaise', message: 'must be 0 (free) or a whole number of paise from 100 (Rs 1) to 10000000' },
    ]);
    for (const detail of response.body.details) expect(detail.message).not.toContain(detail.field);
  });

  it('names every bad field of an application in one answer, nested ones included (no second round)', async () => {
    const applicant = await registerUser('rounds');
    const response = await api(
      'POST',
      '/counselor-applications',
      applicationInput({ displayName: 'A', registration: { body: 'RCI', number: '' } }),
      { token: applicant.accessToken },
    );
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'displayName', message: 'must be at least 2 characters' },
      { field: 'registration.number', message: 'must not be empty' },
    ]);
  });

  it('names every bad field of an availability in one answer, settings and windows together', async () => {
    const counselor = await makeCounselor();
    const response = await api(
      'PUT',
      '/counselor/availability',
      { bufferMinutes: 500, weekly: [{ day: 'mon', start: '10:00', end: '09:00' }] },
      { token: counselor.accessToken },
    );
    expect(response.status).toBe(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([
      'bufferMinutes',
      'weekly[0].end',
    ]);
  });

  it('checks phone numbers and e-mail addresses by the service’s own rules, so all bad fields come at once', async () => {
    const user = await registerUser('phone');
    const me = await api('PATCH', '/me', { name: '', phone: '+1234567' }, { token: user.accessToken });
    expect(me.status).toBe(400);
    expect(me.body.details.map((detail: { field: string }) => detail.field)).toEqual(['name', 'phone']);

    const longEmail = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.test`;
    const register = await api('POST', '/auth/register', { email: longEmail, password: 'short', name: 'Asha' });
    expect(register.status).toBe(400);
    expect(register.body.details.map((detail: { field: string }) => detail.field)).toEqual(['email', 'password']);
  });
});
