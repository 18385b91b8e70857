import { ERROR_KINDS } from '@haven/contracts';
import { DomainError } from '@haven/common';
import { RpcTimeoutError, RpcUnavailableError } from '@haven/messaging';
import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { HttpErrorFilter, statusForKind } from './http-error.filter';

function render(exception: unknown): { status: number; body: Record<string, unknown> } {
  const captured = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    headersSent: false,
    status(code: number) {
      captured.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      captured.body = body;
    },
  };
  new HttpErrorFilter().catch(exception, { switchToHttp: () => ({ getResponse: () => response }) } as never);
  return captured;
}

describe('HttpErrorFilter', () => {
  it('maps every domain error kind to a distinct HTTP status', () => {
    const statuses = ERROR_KINDS.map(statusForKind);
    expect(statuses).toEqual([400, 401, 403, 404, 409, 422, 429, 503, 500]);
  });

  it('renders a domain conflict as 409 with its code', () => {
    expect(render(DomainError.conflict('slot_taken', 'That slot was just taken'))).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'That slot was just taken', code: 'slot_taken' },
    });
  });

  it('turns a silent service into 504 and an unreachable broker into 503', () => {
    expect(render(new RpcTimeoutError('booking', 'booking.v1.x')).status).toBe(504);
    expect(render(new RpcUnavailableError('booking', new Error('closed'))).status).toBe(503);
  });

  it('never leaks the message of an unexpected error', () => {
    const { status, body } = render(new Error('password=hunter2 at db.query'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('keeps validation details from the validation pipe', () => {
    const { body } = render(
      new BadRequestException({
        message: 'email: must be an email',
        details: [{ field: 'email', message: 'must be an email' }],
      }),
    );
    expect(body).toMatchObject({ statusCode: 400, details: [{ field: 'email', message: 'must be an email' }] });
  });
});
