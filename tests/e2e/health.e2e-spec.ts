import { describe, expect, it } from 'vitest';
import { api } from '../support/http';

describe('GET /health', () => {
  it('reports every service and piece of infrastructure as up', async () => {
    const response = await api('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      services: {
        accounts: 'up',
        directory: 'up',
        booking: 'up',
        notifications: 'up',
        postgres: 'up',
        redis: 'up',
        rabbitmq: 'up',
      },
    });
  });

  it('echoes the caller’s x-request-id and makes one up otherwise', async () => {
    const echoed = await api('GET', '/health', undefined, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
    const generated = await api('GET', '/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
