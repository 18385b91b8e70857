import type { RpcErrorPayload } from '@haven/contracts';
import { DomainError } from '@haven/common';
import type { ArgumentsHost } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { RpcErrorFilter } from './rpc-exception.filter';

const host = {
  getType: () => 'rpc',
  switchToRpc: () => ({ getContext: () => ({ getPattern: () => 'booking.v1.slots.list' }) }),
} as unknown as ArgumentsHost;

async function payloadOf(exception: unknown): Promise<RpcErrorPayload> {
  return firstValueFrom(new RpcErrorFilter().catch(exception, host)).catch((payload: RpcErrorPayload) => payload);
}

/** What node-postgres throws when PostgreSQL refuses a connection for lack of slots. */
function tooManyClients(): Error {
  return Object.assign(new Error('sorry, too many clients already'), { code: '53300', severity: 'FATAL' });
}

describe('RpcErrorFilter', () => {
  it('answers a database that cannot take the request as unavailable (503 at the edge), not as a fault', async () => {
    expect(await payloadOf(tooManyClients())).toMatchObject({
      kind: 'unavailable',
      code: 'infrastructure_unavailable',
    });
    expect(await payloadOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({
      kind: 'unavailable',
    });
  });

  it('keeps domain errors as they are and hides anything else behind an internal error', async () => {
    expect(await payloadOf(DomainError.unprocessable('cannot_reschedule', 'too late'))).toMatchObject({
      kind: 'unprocessable',
      code: 'cannot_reschedule',
    });
    expect(await payloadOf(new TypeError("Cannot read properties of undefined (reading 'id')"))).toEqual({
      kind: 'internal',
      code: 'internal_error',
      message: 'Internal error',
    });
  });
});
