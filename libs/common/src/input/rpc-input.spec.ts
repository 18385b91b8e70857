import { MAX_PAGE, MAX_PAGE_SIZE, type RpcRequest } from '@haven/contracts';
import { domainErrorOf } from '@haven/testing';
import { describe, expect, it } from 'vitest';
import {
  actorOf,
  actorWithRole,
  bodyOf,
  idsOf,
  isInstant,
  isUuid,
  optionalInstant,
  pageOf,
  parseInstant,
  uuidOrNotFound,
} from './rpc-input';

const USER_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function request(actor?: { userId: string; roles: string[] }, body: unknown = {}): RpcRequest<unknown> {
  return { meta: { correlationId: 'test', ...(actor ? { actor } : {}) }, body } as RpcRequest<unknown>;
}

describe('RPC input', () => {
  it('knows a uuid in either case and nothing else', () => {
    expect(isUuid(USER_ID)).toBe(true);
    expect(isUuid(USER_ID.toUpperCase())).toBe(true);
    expect(isUuid(`${USER_ID}x`)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it('treats a malformed id as naming nothing, and lower-cases a good one', () => {
    expect(uuidOrNotFound(USER_ID.toUpperCase(), 'counselor_not_found')).toBe(USER_ID);
    expect(domainErrorOf(() => uuidOrNotFound('nope', 'counselor_not_found'))).toMatchObject({
      kind: 'not_found',
      code: 'counselor_not_found',
    });
  });

  it('needs a signed-in actor with a user id, and the role asked for', () => {
    const client = { userId: USER_ID, roles: ['client'] };
    expect(actorOf(request(client))).toEqual(client);
    expect(domainErrorOf(() => actorOf(request()))).toMatchObject({ kind: 'unauthenticated' });
    expect(domainErrorOf(() => actorOf(request({ userId: 'someone', roles: ['admin'] })))).toMatchObject({
      kind: 'unauthenticated',
    });
    expect(domainErrorOf(() => actorOf(undefined as never))).toMatchObject({ kind: 'unauthenticated' });

    expect(actorWithRole(request({ userId: USER_ID, roles: ['client', 'counselor'] }), 'counselor').userId).toBe(
      USER_ID,
    );
    expect(domainErrorOf(() => actorWithRole(request(client), 'admin'))).toMatchObject({
      kind: 'forbidden',
      message: 'This needs the admin role',
    });
    expect(domainErrorOf(() => actorWithRole(request(), 'admin'))).toMatchObject({ kind: 'unauthenticated' });
  });

  it('takes a body only when it is an object', () => {
    expect(bodyOf(request(undefined, { q: 'x' }))).toEqual({ q: 'x' });
    for (const body of [null, [], 'text', undefined]) {
      const withoutObject = { meta: { correlationId: 'test' }, body } as RpcRequest<unknown>;
      expect(domainErrorOf(() => bodyOf(withoutObject))).toMatchObject({ kind: 'validation' });
    }
  });

  it('defaults paging to the first page of 20 and names a bad page or limit', () => {
    expect(pageOf(undefined)).toEqual({ page: 1, limit: 20 });
    expect(pageOf({})).toEqual({ page: 1, limit: 20 });
    expect(pageOf({ page: '3', limit: 100 })).toEqual({ page: 3, limit: 100 });
    for (const page of [0, 1.5, 'abc', null]) {
      expect(domainErrorOf(() => pageOf({ page })).details).toEqual([
        { field: 'page', message: 'must be a whole number from 1 to 1000000' },
      ]);
    }
    for (const limit of [0, 101, 'many']) {
      expect(domainErrorOf(() => pageOf({ limit })).details).toEqual([
        { field: 'limit', message: 'must be a whole number from 1 to 100' },
      ]);
    }
  });

  it('stops paging where the gateway does, and names a bad page and limit together', () => {
    expect(pageOf({ page: MAX_PAGE })).toEqual({ page: MAX_PAGE, limit: 20 });
    expect(domainErrorOf(() => pageOf({ page: MAX_PAGE + 1, limit: MAX_PAGE_SIZE + 1 })).details).toEqual([
      { field: 'page', message: `must be a whole number from 1 to ${MAX_PAGE}` },
      { field: 'limit', message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  });

  it('reads batch ids: uuids only, lower-cased, each once, within the limit', () => {
    expect(idsOf([USER_ID, USER_ID.toUpperCase(), 'junk', 7, OTHER_ID])).toEqual([USER_ID, OTHER_ID]);
    expect(domainErrorOf(() => idsOf('not a list')).details?.[0].field).toBe('ids');
    expect(domainErrorOf(() => idsOf([USER_ID, OTHER_ID], 1)).message).toBe('ids: must hold at most 1 ids');
  });

  it('reads ISO 8601 instants with an offset, or bare dates as midnight UTC', () => {
    expect(parseInstant('2026-12-01T10:00:00+05:30', 'from')).toEqual(new Date('2026-12-01T04:30:00Z'));
    expect(parseInstant('2026-12-01', 'from')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(domainErrorOf(() => parseInstant('2026-12-01T10:00:00', 'from')).details).toEqual([
      { field: 'from', message: 'must be an ISO 8601 instant such as 2026-12-01T04:30:00Z' },
    ]);
    expect(domainErrorOf(() => parseInstant('2026-02-30T00:00:00Z', 'to')).details).toEqual([
      { field: 'to', message: 'is not a real date and time' },
    ]);
    expect(domainErrorOf(() => parseInstant(undefined, 'startsAt')).details?.[0].field).toBe('startsAt');
  });

  it('tells an instant from a local time, a bare time or an impossible date', () => {
    for (const value of [
      '2026-12-01T04:30:00Z',
      '2026-12-01T10:00+05:30',
      '2026-12-01T10:00+05',
      '2026-12-01',
      '2026-12-01T00:00+14:00',
      '2026-12-01T00:00-12:00',
    ]) {
      expect(isInstant(value)).toBe(true);
    }
    const badOffsets = ['2030-01-01T00:00:00+99:99', '2030-01-01T00:00:00+15:00', '2030-01-01T00:00-05:60'];
    for (const value of [
      '2026-12-01T10:00:00',
      '10:00Z',
      '2026-02-30T00:00:00Z',
      '2026-12-01T25:00Z',
      '',
      17,
      ...badOffsets,
    ]) {
      expect(isInstant(value)).toBe(false);
    }
  });

  it('takes a missing, null or empty optional instant as not given', () => {
    for (const value of [undefined, null, '']) expect(optionalInstant(value, 'from')).toBeUndefined();
    expect(optionalInstant('2026-12-01T00:00:00Z', 'from')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(domainErrorOf(() => optionalInstant('tomorrow', 'from')).details?.[0].field).toBe('from');
  });
});
