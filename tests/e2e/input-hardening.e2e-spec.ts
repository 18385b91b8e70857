import { AccountsRpc, BookingRpc, DirectoryRpc } from '@haven/contracts';
import { RpcClient } from '@haven/messaging';
import { domainRejectionOf } from '@haven/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loginAdmin, registerUser } from '../support/accounts';
import { applicationInput, makeCounselor, makeOffering, type TestCounselor } from '../support/directory';
import { api, type ApiResponse, uniqueEmail } from '../support/http';

/*
 * Malformed input from outside: every class is answered with a 4xx naming the problem, never a 5xx
 * or a stall, on every kind of route (bodies, query strings, path parameters).
 */

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

const base = () => inject('baseUrl');

/** A request with the URL sent exactly as written (no re-encoding). */
async function rawGet(pathAndQuery: string, token?: string): Promise<ApiResponse> {
  const response = await fetch(`${base()}${pathAndQuery}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body, headers: response.headers, text };
}

function expectBadRequest(response: ApiResponse, pattern?: RegExp): void {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  if (pattern) expect(response.body.message).toMatch(pattern);
}

function nested(depth: number): string {
  return `{"email":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;
}

let counselor: TestCounselor;
let adminToken: string;
let client: Awaited<ReturnType<typeof registerUser>>;

beforeAll(async () => {
  [counselor, adminToken, client] = await Promise.all([makeCounselor(), loginAdmin(), registerUser('fuzzed')]);
});

describe('control characters in stored text', () => {
  it('refuses a NUL in the login e-mail address with 400 (not a 500 from PostgreSQL)', async () => {
    const response = await api('POST', '/auth/login', { email: `a${NUL}@example.test`, password: 'whatever-long' });
    expectBadRequest(response, /email: must not contain control characters/);
  });

  it('refuses a NUL or a line break in the search text', async () => {
    expectBadRequest(await rawGet('/counselors?q=anx%00iety'), /^q: must not contain control characters/);
    expectBadRequest(await rawGet('/counselors?q=anx%0Aiety'), /^q: /);
  });

  it('refuses control characters in an offering title, even a line break', async () => {
    for (const title of [`Video${NUL}session`, 'Video\nsession', 'Video\u0085session']) {
      const response = await api(
        'POST',
        '/counselor/offerings',
        { title, mode: 'video', durationMinutes: 50, pricePaise: 50_000 },
        { token: counselor.accessToken },
      );
      expectBadRequest(response, /^title: must not contain control characters/);
    }
  });

  it('refuses a NUL in an application bio, but keeps its line breaks', async () => {
    const applicant = await registerUser('bio');
    const bad = await api('POST', '/counselor-applications', applicationInput({ bio: `One${NUL}two` }), {
      token: applicant.accessToken,
    });
    expectBadRequest(bad, /^bio: must not contain control characters other than line breaks/);
    const badName = await api('POST', '/counselor-applications', applicationInput({ displayName: 'Dr.\nAsha' }), {
      token: applicant.accessToken,
    });
    expectBadRequest(badName, /^displayName: /);
    const good = await api(
      'POST',
      '/counselor-applications',
      applicationInput({ bio: 'First paragraph.\r\n\r\nSecond paragraph.\tIndented.' }),
      { token: applicant.accessToken },
    );
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.body.bio).toBe('First paragraph.\r\n\r\nSecond paragraph.\tIndented.');
  });

  it('refuses a NUL in the audit-log and user-list filters', async () => {
    expectBadRequest(await rawGet('/admin/audit-log?action=user.%00', adminToken), /^action: /);
    expectBadRequest(await rawGet('/admin/users?q=%00', adminToken), /^q: /);
  });

  it('refuses a NUL in a time-off reason, and keeps a multi-line one', async () => {
    const startsAt = new Date(Date.now() + 400 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 401 * 86_400_000).toISOString();
    const bad = await api(
      'POST',
      '/counselor/time-off',
      { startsAt, endsAt, reason: `Away${NUL}` },
      {
        token: counselor.accessToken,
      },
    );
    expectBadRequest(bad, /^reason: /);
    const good = await api(
      'POST',
      '/counselor/time-off',
      { startsAt, endsAt, reason: 'Away\nback on Monday' },
      {
        token: counselor.accessToken,
      },
    );
    expect(good.status, JSON.stringify(good.body)).toBe(201);
  });

  it('refuses a control character in a key, or in an array entry, naming where', async () => {
    const response = await api(
      'POST',
      '/counselor-applications',
      applicationInput({ qualifications: ['MA', `M${NUL}Phil`] }),
      {
        token: client.accessToken,
      },
    );
    expectBadRequest(response, /^qualifications\[1\]: /);
  });
});

describe('text that displays as something it is not', () => {
  it('refuses bidirectional overrides anywhere, and Unicode line separators in single-line fields', async () => {
    const override = await api('PATCH', '/me', { name: 'Asha \u202e evil' }, { token: client.accessToken });
    expectBadRequest(override, /^name: must not contain bidirectional override characters/);
    const separator = await api('PATCH', '/me', { name: 'Asha\u2028Rao' }, { token: client.accessToken });
    expectBadRequest(separator, /^name: must not contain control characters/);
  });
});

describe('ill-formed Unicode', () => {
  it('refuses a lone surrogate in a JSON string', async () => {
    const response = await api('POST', '/auth/register', {
      email: uniqueEmail('surrogate'),
      password: 'a-long-enough-password',
      name: `Asha ${LONE_SURROGATE}`,
    });
    expectBadRequest(response, /^name: must be well-formed Unicode/);
  });

  it('refuses bytes that are not UTF-8 in a body', async () => {
    const response = await fetch(`${base()}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([
        Buffer.from('{"email":"a'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('@x.test","password":"p"}'),
      ]),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/UTF-8/);
  });

  it('refuses invalid percent-encoding, or an encoded surrogate, in a query string or a path', async () => {
    expectBadRequest(await rawGet('/counselors?q=%zz'), /^q: is not valid percent-encoded UTF-8/);
    expectBadRequest(await rawGet('/counselors?q=%E0%A4'), /^q: /);
    expectBadRequest(await rawGet('/counselors?q=%ED%A0%80'), /^q: /);
    expectBadRequest(await rawGet('/counselors/%zz'), /path is not valid percent-encoded/);
    expectBadRequest(await rawGet('/counselors/%ED%A0%80/slots?offeringId=x'), /path/);
  });

  it('refuses a NUL in a path parameter', async () => {
    expectBadRequest(await rawGet('/counselors/abc%00def'), /path must not contain control characters/);
    const response = await fetch(`${base()}/counselor/time-off/x%00y`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${counselor.accessToken}` },
    });
    expect(response.status).toBe(400);
  });
});

describe('the shape of a JSON body', () => {
  it('answers thousands of nesting levels with 400 at once, several in parallel, without stalling', async () => {
    const body = nested(20_000); // 40 kB
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => api('POST', '/auth/login', undefined, { raw: body })),
    );
    const elapsed = Date.now() - started;
    for (const response of responses) expectBadRequest(response, /nested too deeply/);
    expect(elapsed).toBeLessThan(2_000);
    // A nested object, not just arrays.
    const objects = `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`;
    expectBadRequest(await api('POST', '/auth/login', undefined, { raw: objects }), /nested too deeply/);
  });

  it('refuses wide objects, long lists and huge bodies before validating them, several in parallel, fast', async () => {
    const wide = `{${Array.from({ length: 5_000 }, (_, index) => `"k${index}":1`).join(',')}}`;
    const long = JSON.stringify({ ...applicationInput(), qualifications: Array(19_000).fill('x') });
    const many = JSON.stringify({
      ...applicationInput(),
      a: Array(900).fill(1),
      b: Array(900).fill(1),
      c: Array(900).fill([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]),
    });
    const started = Date.now();
    const responses = await Promise.all(
      [wide, wide, long, long, many, many].map((raw) =>
        api('POST', '/counselor-applications', undefined, { raw, token: client.accessToken }),
      ),
    );
    const elapsed = Date.now() - started;
    expectBadRequest(responses[0], /^Request body has too many fields \(at most 200\)/);
    expectBadRequest(responses[2], /^qualifications: has too many elements \(at most 1000\)/);
    expectBadRequest(responses[4], /^Request body has too many fields and elements \(at most 20000\)/);
    for (const response of responses) expect(response.text.length).toBeLessThan(500);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('refuses __proto__, constructor and prototype keys instead of dropping them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype', '\\u005f_proto__']) {
      const raw = `{"email":"a@b.test","password":"p-long-enough","${key}":{"roles":["admin"]}}`;
      expectBadRequest(await api('POST', '/auth/login', undefined, { raw }), /is not allowed/);
    }
    const nestedProto = JSON.stringify(applicationInput()).replace(
      '"registration":{',
      '"registration":{"__proto__":{"x":1},',
    );
    expectBadRequest(
      await api('POST', '/counselor-applications', undefined, { raw: nestedProto, token: client.accessToken }),
      /^registration\.__proto__: is not allowed/,
    );
  });

  it('refuses a key given twice in one object', async () => {
    const raw = '{"email":"a@b.test","password":"first-password","password":"second-password"}';
    expectBadRequest(await api('POST', '/auth/login', undefined, { raw }), /^password: is given more than once/);
  });

  it('refuses a top-level array, null, number or string with 400', async () => {
    for (const raw of ['[]', '[{"email":"a@b.test"}]', 'null', '42', '"text"', 'true']) {
      expectBadRequest(await api('POST', '/auth/login', undefined, { raw }), /must be a JSON object/);
    }
  });

  it('answers a body that is not JSON, or has no content type, with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await api('POST', '/auth/login', undefined, {
        raw: 'email=a@b.test&password=secret-long',
        headers: { 'content-type': contentType },
      });
      expect(response.status, contentType).toBe(415);
      expect(response.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
    }
    const untyped = await fetch(`${base()}/auth/login`, { method: 'POST', body: new Uint8Array(Buffer.from('{}')) });
    expect(untyped.status).toBe(415);
    // No body at all needs no type.
    const empty = await fetch(`${base()}/auth/login`, { method: 'POST' });
    expect(empty.status).toBe(400);
  });
});

describe('query strings', () => {
  it('refuses a parameter given twice', async () => {
    expectBadRequest(await rawGet('/counselors?q=a&q=b'), /^q: must be given once/);
    expectBadRequest(await rawGet('/counselors?page=1&page=2'), /^page: must be given once/);
  });

  it('refuses a parameter without a name', async () => {
    expectBadRequest(await rawGet('/counselors?=x'), /^query: has a parameter without a name/);
  });

  it('refuses bracketed (object) parameters', async () => {
    expectBadRequest(await rawGet('/counselors?q[x]=1'), /q\[x\]: is not allowed/);
  });

  it('refuses huge page numbers and limits, and numbers beyond the safe integers', async () => {
    expectBadRequest(await rawGet('/counselors?page=99999999999999999999'), /^page: /);
    expectBadRequest(await rawGet('/counselors?limit=101'), /^limit: /);
    expectBadRequest(await rawGet('/counselors?maxPricePaise=9007199254740993'), /^maxPricePaise: /);
  });

  it('refuses a very long search text', async () => {
    expectBadRequest(await rawGet(`/counselors?q=${'a'.repeat(5_000)}`), /^q: must be at most 200 characters/);
  });
});

describe('instants', () => {
  it('refuses a UTC offset that does not exist', async () => {
    const response = await api(
      'POST',
      '/counselor/time-off',
      { startsAt: '2030-01-01T00:00:00+99:99', endsAt: '2030-01-02T00:00:00Z' },
      { token: counselor.accessToken },
    );
    expectBadRequest(response, /^startsAt: must be an ISO 8601 instant/);
  });
});

describe('numbers in bodies', () => {
  it('refuses numbers beyond the safe integers, and overflowing ones', async () => {
    for (const price of ['9007199254740993', '1e400', '-0.5', '100.5']) {
      const raw = `{"title":"Session","mode":"video","durationMinutes":50,"pricePaise":${price}}`;
      const response = await api('POST', '/counselor/offerings', undefined, { raw, token: counselor.accessToken });
      expectBadRequest(response, /^pricePaise: /);
    }
  });
});

describe('path parameters', () => {
  it('answers an id that is not a UUID with 404, like an unknown one, on every route', async () => {
    const long = 'x'.repeat(5_000);
    expect((await rawGet('/counselors/not-a-uuid')).status).toBe(404);
    expect((await rawGet(`/counselors/${long}`)).status).toBe(404);
    expect((await rawGet('/counselors/not-a-uuid/reviews')).status).toBe(404);
    expect((await rawGet('/counselors/not-a-uuid/slots?offeringId=00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    const offering = await api(
      'PATCH',
      '/counselor/offerings/not-a-uuid',
      { title: 'x' },
      { token: counselor.accessToken },
    );
    expect(offering.status).toBe(404);
    const approve = await api('POST', `/admin/counselor-applications/${long}/approve`, {}, { token: adminToken });
    expect(approve.status).toBe(404);
    const user = await api('PATCH', '/admin/users/not-a-uuid', { active: true }, { token: adminToken });
    expect(user.status).toBe(404);
    const timeOff = await api('DELETE', '/counselor/time-off/not-a-uuid', undefined, { token: counselor.accessToken });
    expect(timeOff.status).toBe(404);
  });
});

describe('services refuse malformed text on their own (an RPC caller that skips the gateway)', () => {
  let rpc: RpcClient;
  beforeAll(() => {
    rpc = new RpcClient(JSON.parse(inject('platformEnv')).RABBITMQ_URL, 10_000);
  });
  afterAll(async () => {
    await rpc.close();
  });

  const actorOf = (user: { user: { id: string; roles: string[] } }) => ({
    actor: { userId: user.user.id, roles: user.user.roles as never },
  });

  it('accounts: login e-mail, user search and audit filters', async () => {
    const login = await domainRejectionOf(
      rpc.send(AccountsRpc.login, { email: `a${NUL}@b.test`, password: 'x-long-enough' }),
    );
    expect(login.kind).toBe('validation');
    const admin = {
      actor: {
        userId: (await api('GET', '/me', undefined, { token: adminToken })).body.id,
        roles: ['client', 'admin'] as never,
      },
    };
    const users = await domainRejectionOf(rpc.send(AccountsRpc.listUsers, { q: NUL, page: 1, limit: 20 }, admin));
    expect(users.kind).toBe('validation');
    const audit = await domainRejectionOf(
      rpc.send(AccountsRpc.listAuditLog, { action: `x${NUL}`, page: 1, limit: 20 }, admin),
    );
    expect(audit.kind).toBe('validation');
  });

  it('directory: search text, offering title and application bio', async () => {
    const search = await domainRejectionOf(
      rpc.send(DirectoryRpc.searchCounselors, { q: `a${NUL}`, page: 1, limit: 20 }),
    );
    expect(search.kind).toBe('validation');
    const offering = await domainRejectionOf(
      rpc.send(
        DirectoryRpc.createOffering,
        { title: `a${LONE_SURROGATE}`, mode: 'video', durationMinutes: 50, pricePaise: 0 },
        actorOf({ user: { id: counselor.id, roles: ['client', 'counselor'] } }),
      ),
    );
    expect(offering.kind).toBe('validation');
    const applicant = await registerUser('rpc-bio');
    const application = await domainRejectionOf(
      rpc.send(DirectoryRpc.submitApplication, applicationInput({ bio: `x${NUL}` }), actorOf(applicant)),
    );
    expect(application.kind).toBe('validation');
  });

  it('booking: time-off reason', async () => {
    const startsAt = new Date(Date.now() + 500 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 501 * 86_400_000).toISOString();
    const error = await domainRejectionOf(
      rpc.send(
        BookingRpc.createTimeOff,
        { startsAt, endsAt, reason: `x${NUL}` },
        actorOf({ user: { id: counselor.id, roles: ['client', 'counselor'] } }),
      ),
    );
    expect(error.kind).toBe('validation');
  });
});

it('keeps a valid offering and login working', async () => {
  await makeOffering(counselor.accessToken, { title: 'Évening chat — हिंदी 😊' });
  const response = await api('POST', '/auth/login', { email: client.email, password: client.password });
  expect(response.status).toBe(200);
});
