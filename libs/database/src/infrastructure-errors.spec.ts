import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isInfrastructureError } from './infrastructure-errors';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const queryFailed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isInfrastructureError', () => {
  it('recognises an unreachable or dropped database', () => {
    expect(isInfrastructureError(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isInfrastructureError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isInfrastructureError(queryFailed(new Error('Connection terminated')))).toBe(true);
  });

  it('recognises a database that is shutting down, starting or out of connections', () => {
    expect(isInfrastructureError(queryFailed(withCode('57P01', 'terminating connection')))).toBe(true);
    expect(isInfrastructureError(queryFailed(withCode('57P03', 'the database system is starting up')))).toBe(true);
    expect(isInfrastructureError(queryFailed(withCode('53300', 'too many clients')))).toBe(true);
    expect(isInfrastructureError(queryFailed(withCode('08006')))).toBe(true);
  });

  it('follows causes', () => {
    expect(isInfrastructureError(new Error('handler failed', { cause: withCode('ECONNRESET') }))).toBe(true);
  });

  it('leaves the work’s own failures alone', () => {
    expect(isInfrastructureError(queryFailed(withCode('23505', 'duplicate key')))).toBe(false);
    expect(isInfrastructureError(queryFailed(withCode('22P02', 'invalid input syntax')))).toBe(false);
    expect(isInfrastructureError(queryFailed(withCode('57014', 'canceling statement due to statement timeout')))).toBe(
      false,
    );
    expect(isInfrastructureError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isInfrastructureError('boom')).toBe(false);
    expect(isInfrastructureError(undefined)).toBe(false);
  });
});
