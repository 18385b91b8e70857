import { type Actor, DirectoryRpc, type UserView } from '@haven/contracts';
import { domainRejectionOf, waitFor } from '@haven/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closePlatformDb,
  closePlatformRpc,
  isStale,
  login,
  loginAdmin,
  platformRpc,
  registerUser,
  type RegisteredUser,
  setGrantableRoles,
} from '../support/accounts';
import { bookableCounselor, putAvailability } from '../support/booking';
import { approveApplication, submitApplication, waitForCounselorRole } from '../support/directory';
import { api } from '../support/http';

afterAll(async () => {
  await closePlatformRpc();
  await closePlatformDb();
});

function claimsOf(token: string): { roles: string[]; rv: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

/** A fresh user made admin by the bootstrap admin, with a session whose token carries the role. */
async function newAdmin(): Promise<RegisteredUser & { token: string; refreshToken: string }> {
  const user = await registerUser('rights-admin');
  await setGrantableRoles(user, ['admin']);
  const session = await login(user.email, user.password);
  return { ...user, token: session.accessToken, refreshToken: session.refreshToken };
}

async function setUser(id: string, change: { roles?: string[]; active?: boolean }): Promise<void> {
  const response = await api('PATCH', `/admin/users/${id}`, change, { token: await loginAdmin() });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function refresh(refreshToken: string): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await api('POST', '/auth/refresh', { refreshToken });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('an access token issued before a change of rights', () => {
  it('is refused at once with 401 token_stale, on accounts and directory routes, and a refresh brings the current roles', async () => {
    const demoted = await newAdmin();
    expect((await api('GET', '/admin/counselor-applications', undefined, { token: demoted.token })).status).toBe(200);
    await setUser(demoted.user.id, { roles: [] });

    for (const path of ['/admin/users', '/admin/counselor-applications', '/me']) {
      const response = await api('GET', path, undefined, { token: demoted.token });
      expect(response.status, path).toBe(401);
      expect(response.body, path).toMatchObject({ statusCode: 401, code: 'token_stale' });
    }
    const current = await refresh(demoted.refreshToken);
    expect(claimsOf(current.accessToken).roles).toEqual(['client']);
    expect((await api('GET', '/me', undefined, { token: current.accessToken })).status).toBe(200);
    expect((await api('GET', '/admin/counselor-applications', undefined, { token: current.accessToken })).status).toBe(
      403,
    );
  });

  it('is told apart from a token issued right after the change, within the same second', async () => {
    const user = await registerUser('same-second');
    let session = await login(user.email, user.password);
    for (const roles of [['finance'], [], ['finance'], []]) {
      const before = session.accessToken;
      await setUser(user.user.id, { roles });
      // Issued in the same second as the change, often: the version, not iat, tells them apart.
      session = { ...session, ...(await refresh(session.refreshToken)) };
      expect(isStale(await api('GET', '/me', undefined, { token: before }))).toBe(true);
      const me = await api<UserView>('GET', '/me', undefined, { token: session.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.roles).toEqual(['client', ...roles]);
      expect(claimsOf(session.accessToken).roles).toEqual(['client', ...roles]);
    }
  });

  it('of a deactivated user works nowhere: directory and calendar routes included', async () => {
    const counselor = await bookableCounselor({ label: 'deactivated-token' });
    await putAvailability(counselor.accessToken, { timezone: 'Asia/Kolkata' });
    await setUser(counselor.id, { active: false });
    const calls: [string, string, unknown?][] = [
      ['GET', '/counselor/availability'],
      ['PUT', '/counselor/availability', { timezone: 'Asia/Kolkata' }],
      ['GET', '/counselor/offerings'],
      ['PATCH', '/counselor/profile', { bio: 'Still here?' }],
      ['GET', '/counselor-applications/mine'],
    ];
    for (const [method, path, body] of calls) {
      const response = await api(method, path, body, { token: counselor.accessToken });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.body.code, `${method} ${path}`).toBe('token_stale');
    }
    expect((await api('POST', '/auth/refresh', { refreshToken: counselor.refreshToken })).status).toBe(401);
    await setUser(counselor.id, { active: true });
    // Reactivation does not bring the old token back; logging in again does.
    expect(isStale(await api('GET', '/counselor/availability', undefined, { token: counselor.accessToken }))).toBe(
      true,
    );
    const again = await login(counselor.email, counselor.password);
    expect((await api('GET', '/counselor/availability', undefined, { token: again.accessToken })).status).toBe(200);
  });

  it('of a newly approved counselor is stale, and one refresh gives the counselor role', async () => {
    const applicant = await registerUser('approved-refresh');
    const application = await submitApplication(applicant.accessToken);
    expect((await api('GET', '/counselor/availability', undefined, { token: applicant.accessToken })).status).toBe(403);
    await approveApplication(application.id);
    await waitFor(
      async () => (isStale(await api('GET', '/me', undefined, { token: applicant.accessToken })) ? true : undefined),
      { what: 'the approval to make the applicant token stale', timeoutMs: 15_000 },
    );
    const current = await refresh(applicant.refreshToken);
    expect(claimsOf(current.accessToken).roles).toContain('counselor');
    expect((await api('GET', '/counselor/availability', undefined, { token: current.accessToken })).status).toBe(200);
  });
});

describe('sensitive admin actions re-check the actor at the owning service', () => {
  it('directory refuses vetting and suspension from an admin demoted or deactivated since their token', async () => {
    const applicant = await registerUser('recheck-applicant');
    const application = await submitApplication(applicant.accessToken);
    const counselor = await bookableCounselor({ label: 'recheck-counselor' });
    const demoted = await newAdmin();
    const deactivated = await newAdmin();
    await setUser(demoted.user.id, { roles: [] });
    await setUser(deactivated.user.id, { active: false });

    // What a token minted before the change would make the gateway send: an actor claiming admin.
    for (const userId of [demoted.user.id, deactivated.user.id]) {
      const actor: Actor = { userId, roles: ['client', 'admin'] };
      const rpc = platformRpc();
      const calls = [
        () => rpc.send(DirectoryRpc.approveApplication, { id: application.id }, { actor }),
        () => rpc.send(DirectoryRpc.rejectApplication, { id: application.id, reason: 'No.' }, { actor }),
        () => rpc.send(DirectoryRpc.suspendCounselor, { id: counselor.id, reason: 'No reason.' }, { actor }),
      ];
      for (const call of calls) expect((await domainRejectionOf(call())).kind).toBe('forbidden');
    }
    const mine = await api('GET', '/counselor-applications/mine', undefined, { token: applicant.accessToken });
    expect(mine.body.status).toBe('submitted');
    expect((await api('GET', `/counselors/${counselor.id}`)).status).toBe(200);
  });
});

describe('vetting decisions', () => {
  it('no admin decides their own application (422), another admin may', async () => {
    const admin = await newAdmin();
    const application = await submitApplication(admin.token);
    for (const [action, body] of [
      ['approve', {}],
      ['reject', { reason: 'Not mine to judge.' }],
      ['request-changes', { reason: 'Not mine to judge.' }],
    ] as const) {
      const response = await api('POST', `/admin/counselor-applications/${application.id}/${action}`, body, {
        token: admin.token,
      });
      expect(response.status, action).toBe(422);
      expect(response.body.code, action).toBe('own_application');
    }
    await approveApplication(application.id);
  });

  it('refuses any decision on a deactivated user’s application (422) until they are reactivated', async () => {
    const applicant = await registerUser('deactivated-applicant');
    const application = await submitApplication(applicant.accessToken);
    await setUser(applicant.user.id, { active: false });
    const admin = await loginAdmin();
    for (const [action, body] of [
      ['approve', {}],
      ['reject', { reason: 'Gone.' }],
      ['request-changes', { reason: 'Gone.' }],
    ] as const) {
      const response = await api('POST', `/admin/counselor-applications/${application.id}/${action}`, body, {
        token: admin,
      });
      expect(response.status, action).toBe(422);
      expect(response.body.code, action).toBe('applicant_deactivated');
    }
    await setUser(applicant.user.id, { active: true });
    await approveApplication(application.id);
    const session = await login(applicant.email, applicant.password);
    await waitForCounselorRole(session);
  });
});
