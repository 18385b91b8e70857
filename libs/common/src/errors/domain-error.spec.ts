import { isRpcErrorPayload } from '@haven/contracts';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('survives the trip through an RPC payload unchanged', () => {
    const original = DomainError.invalidField('email', 'must be an email');
    const payload = JSON.parse(JSON.stringify(original.toPayload()));
    expect(isRpcErrorPayload(payload)).toBe(true);
    const restored = DomainError.fromPayload(payload);
    expect(restored).toMatchObject({
      kind: 'validation',
      code: 'validation_failed',
      message: 'email: must be an email',
      details: [{ field: 'email', message: 'must be an email' }],
    });
  });

  it('names what was not found in a readable message', () => {
    expect(DomainError.notFound('time_off_not_found')).toMatchObject({
      kind: 'not_found',
      code: 'time_off_not_found',
      message: 'Time off not found',
    });
  });

  it('takes only a catalogued code of its own kind (checked by npm run typecheck)', () => {
    // @ts-expect-error a typo is no code in any catalogue
    expect(DomainError.conflict('slot_takn', 'x').code).toBe('slot_takn');
    // @ts-expect-error slot_taken is a conflict (409), not unprocessable (422)
    expect(DomainError.unprocessable('slot_taken', 'x').kind).toBe('unprocessable');
  });

  it('does not mistake arbitrary errors for domain payloads', () => {
    expect(isRpcErrorPayload({ kind: 'teapot', code: 'x', message: 'y' })).toBe(false);
    expect(isRpcErrorPayload('There is no matching message handler')).toBe(false);
  });
});
