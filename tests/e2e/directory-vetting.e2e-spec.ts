import type { ApplicationView, CounselorView, Page, UserView } from '@haven/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAdmin, registerUser, type RegisteredUser } from '../support/accounts';
import {
  applicationInput,
  approveApplication,
  makeCounselor,
  submitApplication,
  waitForCounselorRole,
} from '../support/directory';
import { api } from '../support/http';

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** The distinct fields a 400 names, in order. */
function fields(body: { details?: { field: string }[] }): string[] {
  return [...new Set((body.details ?? []).map((detail) => detail.field))];
}

/** What each decision accepts: approval an optional note, the others a reason. */
const decisionBody = (action: string) => (action === 'approve' ? { note: 'x' } : { reason: 'x' });

describe('counselor applications', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await loginAdmin();
  });

  describe('POST /counselor-applications', () => {
    it('submits an application the applicant can read back', async () => {
      const user = await registerUser('applicant');
      const input = applicationInput({ gender: 'female', specialties: ['micro-cheating', 'grief'] });
      const created = await api<ApplicationView>('POST', '/counselor-applications', input, {
        token: user.accessToken,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        userId: user.user.id,
        status: 'submitted',
        displayName: input.displayName,
        bio: input.bio,
        qualifications: input.qualifications,
        registration: input.registration,
        yearsExperience: 8,
        languages: ['en', 'hi'],
        specialties: ['micro-cheating', 'grief'],
        gender: 'female',
      });
      expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(created.body.submittedAt)).not.toBeNaN();
      expect(created.body.decidedAt).toBeUndefined();

      const mine = await api<ApplicationView>('GET', '/counselor-applications/mine', undefined, {
        token: user.accessToken,
      });
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(created.body);
    });

    it('refuses a second application while one is open (409)', async () => {
      const user = await registerUser('twice');
      await submitApplication(user.accessToken);
      const second = await api('POST', '/counselor-applications', applicationInput(), { token: user.accessToken });
      expect(second.status).toBe(409);
    });

    it('refuses two racing applications of one user: exactly one wins', async () => {
      const user = await registerUser('racer');
      const [a, b] = await Promise.all([
        api('POST', '/counselor-applications', applicationInput(), { token: user.accessToken }),
        api('POST', '/counselor-applications', applicationInput(), { token: user.accessToken }),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
    });

    it('needs a signed-in user (401)', async () => {
      expect((await api('POST', '/counselor-applications', applicationInput())).status).toBe(401);
      expect((await api('GET', '/counselor-applications/mine')).status).toBe(401);
      expect((await api('PATCH', '/counselor-applications/mine', {})).status).toBe(401);
    });

    it('names every missing or malformed field (400)', async () => {
      const user = await registerUser('sloppy');
      const empty = await api('POST', '/counselor-applications', {}, { token: user.accessToken });
      expect(empty.status).toBe(400);
      expect(new Set(fields(empty.body))).toEqual(
        new Set([
          'displayName',
          'bio',
          'qualifications',
          'registration',
          'yearsExperience',
          'languages',
          'specialties',
        ]),
      );

      const bad = await api(
        'POST',
        '/counselor-applications',
        applicationInput({ yearsExperience: -2, languages: ['EN', 'english'], bio: 42 as never }),
        { token: user.accessToken },
      );
      expect(bad.status).toBe(400);
      expect(fields(bad.body).sort()).toEqual(['bio', 'languages', 'yearsExperience']);

      for (const [registration, field] of [
        [{ body: 'RCI' }, 'registration.number'],
        [{ body: ' ', number: 'A1' }, 'registration.body'],
        ['RCI A1', 'registration'],
      ] as const) {
        const response = await api(
          'POST',
          '/counselor-applications',
          { ...applicationInput(), registration },
          { token: user.accessToken },
        );
        expect(response.status).toBe(400);
        expect(fields(response.body)).toEqual([field]);
      }
    });

    it('refuses unknown specialties, naming the field (400)', async () => {
      const user = await registerUser('astrologer');
      const response = await api(
        'POST',
        '/counselor-applications',
        applicationInput({ specialties: ['anxiety', 'astrology'] }),
        { token: user.accessToken },
      );
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['specialties']);
      expect(response.body.message).toContain('astrology');
      expect((await api('GET', '/counselor-applications/mine', undefined, { token: user.accessToken })).status).toBe(
        404,
      );
    });

    it('refuses unknown fields, e.g. a status or roles (400)', async () => {
      const user = await registerUser('sneaky');
      const response = await api(
        'POST',
        '/counselor-applications',
        { ...applicationInput(), status: 'approved' },
        { token: user.accessToken },
      );
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['status']);
    });
  });

  describe('GET /counselor-applications/mine', () => {
    it('is 404 for a user who never applied', async () => {
      const user = await registerUser('nobody');
      const response = await api('GET', '/counselor-applications/mine', undefined, { token: user.accessToken });
      expect(response.status).toBe(404);
    });
  });

  describe('the admin queue: GET /admin/counselor-applications', () => {
    it('lists applications filtered by status, paged', async () => {
      const user = await registerUser('queued');
      const application = await submitApplication(user.accessToken);
      const submitted = await api<Page<ApplicationView>>(
        'GET',
        `/admin/counselor-applications?status=submitted&userId=${user.user.id}`,
        undefined,
        { token: admin },
      );
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ total: 1, page: 1, limit: 20 });
      expect(submitted.body.items[0]).toMatchObject({ id: application.id, status: 'submitted' });

      const approved = await api<Page<ApplicationView>>(
        'GET',
        `/admin/counselor-applications?status=approved&userId=${user.user.id}`,
        undefined,
        { token: admin },
      );
      expect(approved.body.total).toBe(0);

      const page = await api<Page<ApplicationView>>('GET', '/admin/counselor-applications?page=1&limit=2', undefined, {
        token: admin,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      expect(page.body.limit).toBe(2);
      expect(page.body.total).toBeGreaterThanOrEqual(1);
      expect(page.body.items.every((item) => item.status)).toBe(true);
    });

    it('rejects a bad status, page or limit (400 naming it)', async () => {
      const status = await api('GET', '/admin/counselor-applications?status=pending', undefined, { token: admin });
      expect(status.status).toBe(400);
      expect(fields(status.body)).toEqual(['status']);
      const limit = await api('GET', '/admin/counselor-applications?limit=101', undefined, { token: admin });
      expect(limit.status).toBe(400);
      expect(fields(limit.body)).toEqual(['limit']);
      const page = await api('GET', '/admin/counselor-applications?page=0', undefined, { token: admin });
      expect(fields(page.body)).toEqual(['page']);
    });

    it('is for admins only (401 without a token, 403 for a client)', async () => {
      const user = await registerUser('curious');
      expect((await api('GET', '/admin/counselor-applications')).status).toBe(401);
      expect((await api('GET', '/admin/counselor-applications', undefined, { token: user.accessToken })).status).toBe(
        403,
      );
    });
  });

  describe('decisions', () => {
    let applicant: RegisteredUser;
    let application: ApplicationView;

    beforeAll(async () => {
      applicant = await registerUser('decided');
      application = await submitApplication(applicant.accessToken);
    });

    it('approval grants the counselor role through the event and makes the profile public', async () => {
      const approved = await api<ApplicationView>(
        'POST',
        `/admin/counselor-applications/${application.id}/approve`,
        { note: 'Registration verified' },
        { token: admin },
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        id: application.id,
        status: 'approved',
        reviewerNote: 'Registration verified',
      });
      expect(Date.parse(approved.body.decidedAt!)).not.toBeNaN();

      // The grant made the applicant's token stale; later tests use the refreshed one.
      Object.assign(applicant, await waitForCounselorRole(applicant));
      const me = await api<UserView>('GET', '/me', undefined, { token: applicant.accessToken });
      expect(me.body.roles).toEqual(expect.arrayContaining(['client', 'counselor']));

      const profile = await api<CounselorView>('GET', `/counselors/${applicant.user.id}`);
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({
        id: applicant.user.id,
        displayName: application.displayName,
        status: 'active',
        registration: { body: 'RCI' },
        rating: 0,
        reviewCount: 0,
        offerings: [],
      });
      expect(JSON.stringify(profile.body)).not.toContain(application.registration.number);
      expect(JSON.stringify(profile.body)).not.toContain(applicant.email);

      const audit = await api<Page<{ action: string; targetId: string | null }>>(
        'GET',
        `/admin/audit-log?action=counselor.application-approved&limit=100`,
        undefined,
        { token: admin },
      );
      expect(audit.status).toBe(200);
      expect(audit.body.items.some((entry) => entry.targetId === application.id)).toBe(true);
    });

    it('a decided application takes no further decision (409)', async () => {
      for (const action of ['approve', 'reject', 'request-changes']) {
        const response = await api(
          'POST',
          `/admin/counselor-applications/${application.id}/${action}`,
          decisionBody(action),
          { token: admin },
        );
        expect(response.status, action).toBe(409);
      }
    });

    it('an approved counselor cannot apply again (409)', async () => {
      const again = await api('POST', '/counselor-applications', applicationInput(), {
        token: applicant.accessToken,
      });
      expect(again.status).toBe(409);
    });

    it('rejection needs a reason (400) and then closes the application; the user may apply anew', async () => {
      const user = await registerUser('rejected');
      const submitted = await submitApplication(user.accessToken);
      const noReason = await api('POST', `/admin/counselor-applications/${submitted.id}/reject`, {}, { token: admin });
      expect(noReason.status).toBe(400);
      expect(fields(noReason.body)).toEqual(['reason']);
      const blank = await api(
        'POST',
        `/admin/counselor-applications/${submitted.id}/reject`,
        { reason: '   ' },
        {
          token: admin,
        },
      );
      expect(blank.status).toBe(400);

      const rejected = await api<ApplicationView>(
        'POST',
        `/admin/counselor-applications/${submitted.id}/reject`,
        { reason: 'Registration could not be verified' },
        { token: admin },
      );
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', reviewerNote: 'Registration could not be verified' });

      const mine = await api<ApplicationView>('GET', '/counselor-applications/mine', undefined, {
        token: user.accessToken,
      });
      expect(mine.body.status).toBe('rejected');
      const patch = await api('PATCH', '/counselor-applications/mine', { bio: 'Better' }, { token: user.accessToken });
      expect(patch.status).toBe(409);
      expect((await api('GET', `/counselors/${user.user.id}`)).status).toBe(404);

      const reapplied = await submitApplication(user.accessToken);
      expect(reapplied.id).not.toBe(submitted.id);
    });

    it('request-changes → the applicant fixes and resubmits → submitted again → approvable', async () => {
      const user = await registerUser('fixer');
      const submitted = await submitApplication(user.accessToken);

      const early = await api(
        'PATCH',
        '/counselor-applications/mine',
        { bio: 'Too early' },
        { token: user.accessToken },
      );
      expect(early.status).toBe(409);

      const noReason = await api(
        'POST',
        `/admin/counselor-applications/${submitted.id}/request-changes`,
        {},
        {
          token: admin,
        },
      );
      expect(noReason.status).toBe(400);
      expect(fields(noReason.body)).toEqual(['reason']);

      const sentBack = await api<ApplicationView>(
        'POST',
        `/admin/counselor-applications/${submitted.id}/request-changes`,
        { reason: 'Please add your RCI number' },
        { token: admin },
      );
      expect(sentBack.status).toBe(200);
      expect(sentBack.body).toMatchObject({ status: 'changes_requested', reviewerNote: 'Please add your RCI number' });

      // Still one open application: a new one is refused.
      expect(
        (await api('POST', '/counselor-applications', applicationInput(), { token: user.accessToken })).status,
      ).toBe(409);
      // Decisions need a submitted application.
      expect(
        (await api('POST', `/admin/counselor-applications/${submitted.id}/approve`, {}, { token: admin })).status,
      ).toBe(409);

      const badFix = await api(
        'PATCH',
        '/counselor-applications/mine',
        { languages: ['xx'] },
        {
          token: user.accessToken,
        },
      );
      expect(badFix.status).toBe(400);
      expect(fields(badFix.body)).toEqual(['languages']);
      const badSpecialty = await api(
        'PATCH',
        '/counselor-applications/mine',
        { specialties: ['palmistry'] },
        {
          token: user.accessToken,
        },
      );
      expect(badSpecialty.status).toBe(400);
      expect(fields(badSpecialty.body)).toEqual(['specialties']);

      const fixed = await api<ApplicationView>(
        'PATCH',
        '/counselor-applications/mine',
        { registration: { body: 'RCI', number: 'CRR-778899' }, bio: 'Updated bio' },
        { token: user.accessToken },
      );
      expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
      expect(fixed.body).toMatchObject({
        id: submitted.id,
        status: 'submitted',
        bio: 'Updated bio',
        registration: { body: 'RCI', number: 'CRR-778899' },
        displayName: submitted.displayName,
      });
      expect(Date.parse(fixed.body.submittedAt)).toBeGreaterThanOrEqual(Date.parse(submitted.submittedAt));

      const again = await api('PATCH', '/counselor-applications/mine', { bio: 'Twice' }, { token: user.accessToken });
      expect(again.status).toBe(409);

      const approved = await approveApplication(submitted.id);
      expect(approved.status).toBe('approved');
      expect(approved.bio).toBe('Updated bio');
    });

    it('two racing decisions on one application: exactly one wins', async () => {
      const user = await registerUser('contested');
      const submitted = await submitApplication(user.accessToken);
      const [approve, reject] = await Promise.all([
        api('POST', `/admin/counselor-applications/${submitted.id}/approve`, {}, { token: admin }),
        api('POST', `/admin/counselor-applications/${submitted.id}/reject`, { reason: 'No' }, { token: admin }),
      ]);
      expect([approve.status, reject.status].sort()).toEqual([200, 409]);
    });

    it('an unknown application is 404; non-admins get 403; no token 401', async () => {
      for (const action of ['approve', 'reject', 'request-changes']) {
        const missing = await api(
          'POST',
          `/admin/counselor-applications/${MISSING_ID}/${action}`,
          decisionBody(action),
          { token: admin },
        );
        expect(missing.status, action).toBe(404);
        const malformed = await api('POST', `/admin/counselor-applications/not-an-id/${action}`, decisionBody(action), {
          token: admin,
        });
        expect(malformed.status, action).toBe(404);
        const asClient = await api(
          'POST',
          `/admin/counselor-applications/${application.id}/${action}`,
          decisionBody(action),
          { token: applicant.accessToken },
        );
        expect(asClient.status, action).toBe(403);
        const anonymous = await api(
          'POST',
          `/admin/counselor-applications/${application.id}/${action}`,
          decisionBody(action),
        );
        expect(anonymous.status, action).toBe(401);
      }
    });
  });
});

describe('suspending and reinstating counselors', () => {
  it('suspension hides the counselor everywhere public; reinstating brings them back', async () => {
    const admin = await loginAdmin();
    const counselor = await makeCounselor({ application: { displayName: 'Suspendable Counselor' } });
    expect((await api('GET', `/counselors/${counselor.id}`)).status).toBe(200);

    const noReason = await api('POST', `/admin/counselors/${counselor.id}/suspend`, {}, { token: admin });
    expect(noReason.status).toBe(400);
    expect(fields(noReason.body)).toEqual(['reason']);

    const suspended = await api<CounselorView>(
      'POST',
      `/admin/counselors/${counselor.id}/suspend`,
      { reason: 'Complaint under review' },
      { token: admin },
    );
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ id: counselor.id, status: 'suspended' });

    expect((await api('GET', `/counselors/${counselor.id}`)).status).toBe(404);
    expect((await api('GET', `/counselors/${counselor.id}/reviews`)).status).toBe(404);
    const search = await api<Page<CounselorView>>(
      'GET',
      `/counselors?q=${encodeURIComponent('Suspendable')}&limit=100`,
    );
    expect(search.body.items.map((item) => item.id)).not.toContain(counselor.id);

    const twice = await api('POST', `/admin/counselors/${counselor.id}/suspend`, { reason: 'again' }, { token: admin });
    expect(twice.status).toBe(409);

    const reinstated = await api<CounselorView>('POST', `/admin/counselors/${counselor.id}/reinstate`, undefined, {
      token: admin,
    });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.status).toBe('active');
    expect((await api('GET', `/counselors/${counselor.id}`)).status).toBe(200);

    const again = await api('POST', `/admin/counselors/${counselor.id}/reinstate`, {}, { token: admin });
    expect(again.status).toBe(409);
  });

  it('an unknown counselor is 404; a counselor or client gets 403; no token 401', async () => {
    const admin = await loginAdmin();
    const counselor = await makeCounselor();
    expect(
      (await api('POST', `/admin/counselors/${MISSING_ID}/suspend`, { reason: 'x' }, { token: admin })).status,
    ).toBe(404);
    expect((await api('POST', `/admin/counselors/${MISSING_ID}/reinstate`, {}, { token: admin })).status).toBe(404);
    const client = await registerUser('client');
    expect(
      (await api('POST', `/admin/counselors/${counselor.id}/suspend`, { reason: 'x' }, { token: client.accessToken }))
        .status,
    ).toBe(403);
    expect(
      (
        await api(
          'POST',
          `/admin/counselors/${counselor.id}/suspend`,
          { reason: 'x' },
          { token: counselor.accessToken },
        )
      ).status,
    ).toBe(403);
    expect((await api('POST', `/admin/counselors/${counselor.id}/reinstate`, {})).status).toBe(401);
  });
});
