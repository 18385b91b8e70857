import { AccountsRpc, DirectoryEvents, type EventEnvelope } from '@haven/contracts';
import { EventPublisher, RpcClient } from '@haven/messaging';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  adminUser,
  closePlatformDb,
  freshToken,
  login,
  loginAdmin,
  registerUser,
  setGrantableRoles,
  waitForRole,
  type RegisteredUser,
} from '../support/accounts';
import { api } from '../support/http';

const env = (): NodeJS.ProcessEnv => JSON.parse(inject('platformEnv')) as NodeJS.ProcessEnv;

let admin: string;
beforeAll(async () => {
  admin = await loginAdmin();
});
afterAll(() => closePlatformDb());

function claimsOf(token: string): any {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

function fieldsOf(body: any): string[] {
  return (body.details ?? []).map((detail: { field: string }) => detail.field);
}

async function auditEntries(query: Record<string, string>): Promise<any[]> {
  const response = await api('GET', `/admin/audit-log?${new URLSearchParams({ limit: '100', ...query })}`, undefined, {
    token: admin,
  });
  expect(response.status).toBe(200);
  return response.body.items;
}

/** A second admin, so tests about "yourself" never touch the bootstrap admin. */
async function anotherAdmin(): Promise<RegisteredUser & { token: string }> {
  const user = await registerUser('admin2');
  const token = await setGrantableRoles(user, ['admin']);
  return { ...user, token };
}

describe('admin routes need the admin role', () => {
  it('answers 401 without a token and 403 for a client', async () => {
    const client = await registerUser('nosy');
    const target = await registerUser('target');
    const calls: [string, string, unknown?][] = [
      ['GET', '/admin/users'],
      ['GET', '/admin/audit-log'],
      ['PATCH', `/admin/users/${target.user.id}`, { roles: ['admin'] }],
    ];
    for (const [method, path, body] of calls) {
      expect((await api(method, path, body)).status, `${method} ${path}`).toBe(401);
      const forbidden = await api(method, path, body, { token: client.accessToken });
      expect(forbidden.status, `${method} ${path}`).toBe(403);
      expect(forbidden.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    }
    const me = await api('GET', '/me', undefined, { token: target.accessToken });
    expect(me.body.roles).toEqual(['client']);
  });

  it('lets finance users in nowhere under /admin', async () => {
    const user = await registerUser('finance-nosy');
    const token = await setGrantableRoles(user, ['finance']);
    expect((await api('GET', '/admin/users', undefined, { token })).status).toBe(403);
  });
});

describe('the bootstrap admin', () => {
  it('exists with roles client and admin, created by the platform itself', async () => {
    const me = await adminUser();
    expect(me).toMatchObject({ email: inject('adminEmail'), roles: ['client', 'admin'], active: true });
    const created = await auditEntries({ action: 'user.admin-created' });
    expect(created.find((entry) => entry.targetId === me.id)).toMatchObject({ actorId: null, targetType: 'user' });
  });
});

describe('GET /admin/users', () => {
  it('searches e-mail and name case-insensitively and filters by role', async () => {
    const tag = `zq${randomUUID().slice(0, 8)}`;
    const byName = await registerUser('search', { name: `Priya ${tag.toUpperCase()}` });
    const byEmail = await registerUser(`${tag}mail`);
    await registerUser('unrelated');

    const found = await api('GET', `/admin/users?q=${tag}`, undefined, { token: admin });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(found.body.items.map((user: any) => user.id).sort()).toEqual([byName.user.id, byEmail.user.id].sort());
    expect(JSON.stringify(found.body)).not.toMatch(/hash|password/i);

    await setGrantableRoles(byName, ['finance']);
    const finance = await api('GET', `/admin/users?q=${tag}&role=finance`, undefined, { token: admin });
    expect(finance.body.items.map((user: any) => user.id)).toEqual([byName.user.id]);
    const admins = await api('GET', '/admin/users?role=admin&limit=100', undefined, { token: admin });
    expect(admins.body.items.every((user: any) => user.roles.includes('admin'))).toBe(true);
    expect(admins.body.items.map((user: any) => user.email)).toContain(inject('adminEmail'));
  });

  it('treats % and _ in the query literally', async () => {
    const tag = `pct${randomUUID().slice(0, 6)}`;
    await registerUser('literal', { name: `Fifty ${tag}` });
    const percent = await api('GET', `/admin/users?q=${encodeURIComponent('%')}`, undefined, { token: admin });
    expect(percent.status).toBe(200);
    expect(percent.body.total).toBe(0);
    const underscore = await api('GET', `/admin/users?q=${encodeURIComponent(`${tag.slice(0, 3)}_`)}`, undefined, {
      token: admin,
    });
    expect(underscore.body.total).toBe(0);
  });

  it('pages through the results', async () => {
    const tag = `pg${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 3; index += 1) await registerUser(`${tag}n${index}`);
    const first = await api('GET', `/admin/users?q=${tag}&limit=2&page=1`, undefined, { token: admin });
    const second = await api('GET', `/admin/users?q=${tag}&limit=2&page=2`, undefined, { token: admin });
    expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    const ids = [...first.body.items, ...second.body.items].map((user: any) => user.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('treats empty query parameters as absent', async () => {
    const users = await api('GET', '/admin/users?q=&role=&page=&limit=', undefined, { token: admin });
    expect(users.status).toBe(200);
    expect(users.body).toMatchObject({ page: 1, limit: 20 });
    expect(users.body.total).toBeGreaterThan(0);
    const audit = await api('GET', '/admin/audit-log?actorId=&action=', undefined, { token: admin });
    expect(audit.status).toBe(200);
  });

  it.each([
    ['role', 'role=superuser'],
    ['limit', 'limit=101'],
    ['limit', 'limit=0'],
    ['page', 'page=0'],
    ['page', 'page=abc'],
    ['sort', 'sort=name'],
  ])('answers 400 naming %s for ?%s', async (field, query) => {
    const response = await api('GET', `/admin/users?${query}`, undefined, { token: admin });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
  });
});

describe('PATCH /admin/users/:id', () => {
  it('grants and removes finance and admin, audited with the acting admin', async () => {
    const me = await adminUser();
    const user = await registerUser('promote');
    const granted = await api(
      'PATCH',
      `/admin/users/${user.user.id}`,
      { roles: ['finance', 'admin'] },
      { token: admin },
    );
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ id: user.user.id, roles: ['client', 'finance', 'admin'], active: true });
    expect(JSON.stringify(granted.body)).not.toMatch(/hash|password/i);

    // roles sets the grantable roles: finance yes, admin no.
    const narrowed = await api('PATCH', `/admin/users/${user.user.id}`, { roles: ['finance'] }, { token: admin });
    expect(narrowed.body.roles).toEqual(['client', 'finance']);
    const cleared = await api('PATCH', `/admin/users/${user.user.id}`, { roles: [] }, { token: admin });
    expect(cleared.body.roles).toEqual(['client']);

    const entries = await auditEntries({ action: 'user.roles-changed', actorId: me.id });
    const mine = entries.filter((entry) => entry.targetId === user.user.id);
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({
      id: expect.any(String),
      actorId: me.id,
      action: 'user.roles-changed',
      targetType: 'user',
      targetId: user.user.id,
      at: expect.stringMatching(/Z$/),
      detail: { after: ['client'], removed: ['finance'] },
    });
    expect(mine[2].detail).toMatchObject({ before: ['client'], granted: ['finance', 'admin'] });
  });

  it('puts the current roles into the next access token', async () => {
    const user = await registerUser('newroles');
    await api('PATCH', `/admin/users/${user.user.id}`, { roles: ['finance'] }, { token: admin });
    const refreshed = await api('POST', '/auth/refresh', { refreshToken: user.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.accessToken).roles).toEqual(['client', 'finance']);
    const newAdmin = await anotherAdmin();
    expect((await api('GET', '/admin/users', undefined, { token: newAdmin.token })).status).toBe(200);
  });

  it('answers 400 for unknown roles and bad fields, 422 for the counselor role', async () => {
    const user = await registerUser('badroles');
    const unknown = await api('PATCH', `/admin/users/${user.user.id}`, { roles: ['superuser'] }, { token: admin });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toContain('roles');
    const notArray = await api('PATCH', `/admin/users/${user.user.id}`, { roles: 'admin' }, { token: admin });
    expect(notArray.status).toBe(400);
    const badActive = await api('PATCH', `/admin/users/${user.user.id}`, { active: 'no' }, { token: admin });
    expect(badActive.status).toBe(400);
    expect(fieldsOf(badActive.body)).toContain('active');
    const extra = await api('PATCH', `/admin/users/${user.user.id}`, { email: 'x@example.test' }, { token: admin });
    expect(extra.status).toBe(400);
    expect(fieldsOf(extra.body)).toContain('email');
    const empty = await api('PATCH', `/admin/users/${user.user.id}`, {}, { token: admin });
    expect(empty.status).toBe(400);

    const counselor = await api('PATCH', `/admin/users/${user.user.id}`, { roles: ['counselor'] }, { token: admin });
    expect(counselor.status).toBe(422);
    expect((await api('GET', '/me', undefined, { token: user.accessToken })).body.roles).toEqual(['client']);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '123']) {
      const response = await api('PATCH', `/admin/users/${id}`, { roles: ['finance'] }, { token: admin });
      expect(response.status, id).toBe(404);
    }
  });

  it('never lets admins demote or deactivate themselves', async () => {
    const self = await anotherAdmin();
    const demote = await api('PATCH', `/admin/users/${self.user.id}`, { roles: ['finance'] }, { token: self.token });
    expect(demote.status).toBe(422);
    expect(demote.body.message).toMatch(/own admin role/);
    const deactivate = await api('PATCH', `/admin/users/${self.user.id}`, { active: false }, { token: self.token });
    expect(deactivate.status).toBe(422);
    const me = await api('GET', '/me', undefined, { token: self.token });
    expect(me.body).toMatchObject({ roles: ['client', 'admin'], active: true });
    // Keeping admin while adding finance is fine.
    const widen = await api(
      'PATCH',
      `/admin/users/${self.user.id}`,
      { roles: ['admin', 'finance'] },
      { token: self.token },
    );
    expect(widen.status).toBe(200);
    // Another admin may demote them.
    const other = await api('PATCH', `/admin/users/${self.user.id}`, { roles: [] }, { token: admin });
    expect(other.body.roles).toEqual(['client']);
    // Their old token still says admin, but it predates the change: refused, and a refresh drops the role.
    const stale = await api('GET', '/admin/users', undefined, { token: self.token });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('token_stale');
    expect((await api('GET', '/admin/users', undefined, { token: await freshToken(self) })).status).toBe(403);
  });

  it('deactivation locks the user out at once and reactivation lets them back in', async () => {
    const me = await adminUser();
    const user = await registerUser('deactivate');
    const off = await api('PATCH', `/admin/users/${user.user.id}`, { active: false }, { token: admin });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);

    const loginAttempt = await api('POST', '/auth/login', { email: user.email, password: user.password });
    expect(loginAttempt.status).toBe(401);
    expect((await api('POST', '/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api('GET', '/me', undefined, { token: user.accessToken })).status).toBe(401);

    const on = await api('PATCH', `/admin/users/${user.user.id}`, { active: true }, { token: admin });
    expect(on.body.active).toBe(true);
    // Sessions ended by the deactivation stay ended; a new login works.
    expect((await api('POST', '/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    await login(user.email, user.password);

    const actions = (await auditEntries({ actorId: me.id }))
      .filter((entry) => entry.targetId === user.user.id)
      .map((entry) => entry.action);
    expect(actions).toEqual(['user.reactivated', 'user.deactivated']);
  });
});

describe('GET /admin/audit-log', () => {
  it('filters by actor and action and pages', async () => {
    const second = await anotherAdmin();
    const target = await registerUser('audited');
    await api('PATCH', `/admin/users/${target.user.id}`, { roles: ['finance'] }, { token: second.token });
    await api('PATCH', `/admin/users/${target.user.id}`, { active: false }, { token: second.token });

    const byActor = await auditEntries({ actorId: second.user.id });
    expect(byActor.map((entry) => entry.action)).toEqual(['user.deactivated', 'user.roles-changed']);
    expect(byActor.every((entry) => entry.actorId === second.user.id)).toBe(true);

    const page = await api('GET', `/admin/audit-log?actorId=${second.user.id}&limit=1&page=2`, undefined, {
      token: admin,
    });
    expect(page.body).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(page.body.items[0].action).toBe('user.roles-changed');

    const byAction = await auditEntries({ action: 'user.deactivated' });
    expect(byAction.every((entry) => entry.action === 'user.deactivated')).toBe(true);
    expect(byAction.some((entry) => entry.targetId === target.user.id)).toBe(true);
  });

  it('answers 400 for a malformed actorId', async () => {
    const response = await api('GET', '/admin/audit-log?actorId=nope', undefined, { token: admin });
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toContain('actorId');
  });
});

describe('vetting events from the directory', () => {
  let publisher: EventPublisher;
  beforeAll(() => {
    publisher = new EventPublisher(env().RABBITMQ_URL!, 'directory');
  });
  afterAll(() => publisher.close());

  function envelope<T>(type: string, data: T): EventEnvelope<T> {
    return {
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'directory',
      correlationId: randomUUID(),
      data,
    };
  }

  it('grants the counselor role once on counselor.approved, audited with the reviewer', async () => {
    const reviewer = await adminUser();
    const applicant = await registerUser('applicant');
    const applicationId = randomUUID();
    const approved = envelope(DirectoryEvents.approved.type, {
      applicationId,
      userId: applicant.user.id,
      reviewerId: reviewer.id,
      displayName: 'Dr. Applicant',
    });
    await publisher.publish(approved);
    const token = await waitForRole(applicant, 'counselor');
    expect(claimsOf(token).roles).toEqual(['client', 'counselor']);

    // Redelivery and a second approval change nothing more.
    await publisher.publish(approved);
    await publisher.publish({ ...approved, id: randomUUID() });
    const marker = await registerUser('marker');
    await publisher.publish(
      envelope(DirectoryEvents.approved.type, {
        applicationId: randomUUID(),
        userId: marker.user.id,
        reviewerId: reviewer.id,
        displayName: 'Marker',
      }),
    );
    await waitForRole(marker, 'counselor');

    const grants = (await auditEntries({ action: 'user.role-granted' })).filter(
      (entry) => entry.targetId === applicant.user.id,
    );
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      actorId: reviewer.id,
      detail: { role: 'counselor', applicationId },
    });
    const approvals = (await auditEntries({ action: 'counselor.application-approved' })).filter(
      (entry) => entry.targetId === applicationId,
    );
    // One row per distinct event: the redelivered copy left none.
    expect(approvals).toHaveLength(2);

    // Admins cannot take the counselor role away through the role list.
    const patched = await api('PATCH', `/admin/users/${applicant.user.id}`, { roles: ['finance'] }, { token: admin });
    expect(patched.body.roles).toEqual(['client', 'counselor', 'finance']);
  });

  it('audits rejections, change requests, suspensions and reinstatements', async () => {
    const reviewer = await adminUser();
    const counselorId = randomUUID();
    const applicationId = randomUUID();
    await publisher.publish(
      envelope(DirectoryEvents.rejected.type, {
        applicationId,
        userId: counselorId,
        reviewerId: reviewer.id,
        reason: 'No registration',
      }),
    );
    await publisher.publish(
      envelope(DirectoryEvents.suspended.type, { counselorId, actorId: reviewer.id, reason: 'Complaints' }),
    );
    const deadline = Date.now() + 10_000;
    let actions: string[] = [];
    while (Date.now() < deadline) {
      const entries = await auditEntries({ actorId: reviewer.id });
      actions = entries
        .filter((entry) => entry.targetId === applicationId || entry.targetId === counselorId)
        .map((entry) => entry.action);
      if (actions.length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(actions.sort()).toEqual(['counselor.application-rejected', 'counselor.suspended']);
  });
});

describe('internal lookups for other services', () => {
  let rpc: RpcClient;
  beforeAll(() => {
    rpc = new RpcClient(env().RABBITMQ_URL!, 5000);
  });
  afterAll(() => rpc.close());

  it('get-users gives first names only, no contact data', async () => {
    const user = await registerUser('reviewer', { name: 'Kavya Menon Iyer', phone: '+919812345678' });
    const result = await rpc.send(AccountsRpc.getUsers, { ids: [user.user.id, randomUUID(), 'junk'] });
    expect(result).toEqual([{ id: user.user.id, name: 'Kavya' }]);
  });

  it('get-contacts and get-contacts-by-role give what notifications need', async () => {
    const user = await registerUser('contact', { phone: '+919812345679' });
    const token = await setGrantableRoles(user, ['finance']);
    expect(token).toBeTruthy();
    const [contact] = await rpc.send(AccountsRpc.getContacts, { ids: [user.user.id] });
    expect(contact).toEqual({
      id: user.user.id,
      email: user.email,
      name: user.user.name,
      phone: '+919812345679',
      timezone: 'Asia/Kolkata',
      roles: ['client', 'finance'],
      active: true,
    });
    const finance = await rpc.send(AccountsRpc.getContactsByRole, { role: 'finance' });
    expect(finance.map((entry) => entry.id)).toContain(user.user.id);
    expect(JSON.stringify(finance)).not.toMatch(/hash|password/i);
  });
});

describe('sessions survive role changes', () => {
  it('a user whose roles changed keeps working with a fresh token', async () => {
    const user = await registerUser('roles-fresh');
    await setGrantableRoles(user, ['finance']);
    const token = await freshToken(user);
    expect(claimsOf(token).roles).toEqual(['client', 'finance']);
  });
});

describe('OpenAPI', () => {
  it('documents every accounts route, and no schema has a hash or password output', async () => {
    const base = inject('baseUrl').replace(/\/api\/v1$/, '');
    const document = (await fetch(`${base}/docs-json`).then((response) => response.json())) as any;
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/auth/password-reset/request',
      '/api/v1/auth/password-reset/confirm',
      '/api/v1/me',
      '/api/v1/admin/users',
      '/api/v1/admin/users/{id}',
      '/api/v1/admin/audit-log',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(Object.keys(document.components.schemas.UserDto.properties).sort()).toEqual(
      ['active', 'createdAt', 'email', 'id', 'name', 'phone', 'roles', 'timezone'].sort(),
    );
  });
});
