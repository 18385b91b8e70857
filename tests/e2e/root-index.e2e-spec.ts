import { describe, expect, inject, it } from 'vitest';

const origin = () => inject('baseUrl').replace(/\/api\/v1$/, '');

describe('GET /', () => {
  it('tells an API client where the docs, the API and its health are, and each link works', async () => {
    const response = await fetch(`${origin()}/`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    const index = (await response.json()) as Record<string, string>;
    expect(index).toMatchObject({ docs: '/docs', openapi: '/docs-json', health: '/api/v1/health' });
    for (const link of [index.docs, index.openapi, index.health]) {
      expect((await fetch(`${origin()}${link}`)).status, link).toBe(200);
    }
  });

  it('serves a browser the web app', async () => {
    const response = await fetch(`${origin()}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<div id="root">/);
  });
});
