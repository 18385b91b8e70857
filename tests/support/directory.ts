import {
  type ApplicationInput,
  type ApplicationView,
  type BookingCompletedData,
  BookingEvents,
  type CounselorView,
  type EventEnvelope,
  type OfferingView,
  type UserView,
} from '@haven/contracts';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { isStale, loginAdmin, registerUser, type RegisterOptions, type RegisteredUser } from './accounts';
import { api } from './http';

/** A complete, valid application; override any field. */
export function applicationInput(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    displayName: 'Dr. Asha Rao',
    bio: 'Counselling psychologist helping young adults with anxiety and relationships.',
    qualifications: ['M.Phil Clinical Psychology'],
    registration: { body: 'RCI', number: `A${Math.floor(Math.random() * 1e6)}` },
    yearsExperience: 8,
    languages: ['en', 'hi'],
    specialties: ['anxiety', 'relationships'],
    ...overrides,
  };
}

/** Submits an application as the user behind `token`; fails the test unless it is accepted. */
export async function submitApplication(
  token: string,
  overrides: Partial<ApplicationInput> = {},
): Promise<ApplicationView> {
  const response = await api<ApplicationView>('POST', '/counselor-applications', applicationInput(overrides), {
    token,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Approves an application as the bootstrap admin. */
export async function approveApplication(applicationId: string, note?: string): Promise<ApplicationView> {
  const response = await api<ApplicationView>(
    'POST',
    `/admin/counselor-applications/${applicationId}/approve`,
    note ? { note } : {},
    { token: await loginAdmin() },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/**
 * Waits until the `counselor` role (granted by the accounts service on `counselor.approved`) shows on
 * GET /me, then refreshes the session so the access token carries it.
 */
export async function waitForCounselorRole(
  user: Pick<RegisteredUser, 'accessToken' | 'refreshToken'>,
  timeoutMs = 15_000,
): Promise<{ accessToken: string; refreshToken: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const me = await api<UserView>('GET', '/me', undefined, { token: user.accessToken });
    // The grant raised the user's rights version: the token they hold is stale from then on.
    if (isStale(me)) break;
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    if (me.body.roles.includes('counselor')) break;
    if (Date.now() > deadline) throw new Error(`the counselor role did not arrive within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const refreshed = await api<{ accessToken: string; refreshToken: string }>('POST', '/auth/refresh', {
    refreshToken: user.refreshToken,
  });
  expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
  return { accessToken: refreshed.body.accessToken, refreshToken: refreshed.body.refreshToken };
}

export interface TestCounselor extends RegisteredUser {
  /** The counselor's id (= their user id). */
  id: string;
  /** An access token that carries the `counselor` role. */
  accessToken: string;
  application: ApplicationView;
}

export interface MakeCounselorOptions extends RegisterOptions {
  label?: string;
  application?: Partial<ApplicationInput>;
}

/**
 * A freshly registered user whose application an admin approved: active, public, and holding an
 * access token with the `counselor` role.
 */
export async function makeCounselor(options: MakeCounselorOptions = {}): Promise<TestCounselor> {
  const { label = 'counselor', application: overrides, ...register } = options;
  const user = await registerUser(label, register);
  const submitted = await submitApplication(user.accessToken, overrides);
  const application = await approveApplication(submitted.id);
  const tokens = await waitForCounselorRole(user);
  return { ...user, ...tokens, id: user.user.id, application };
}

/** Publishes an offering as the counselor (a 50-minute video session for Rs 500 unless overridden). */
export async function makeOffering(
  counselorToken: string,
  overrides: Partial<Pick<OfferingView, 'title' | 'mode' | 'durationMinutes' | 'pricePaise'>> = {},
): Promise<OfferingView> {
  const response = await api<OfferingView>(
    'POST',
    '/counselor/offerings',
    { title: 'Video session', mode: 'video', durationMinutes: 50, pricePaise: 50_000, ...overrides },
    { token: counselorToken },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** The public profile (200 expected). */
export async function publicCounselor(id: string): Promise<CounselorView> {
  const response = await api<CounselorView>('GET', `/counselors/${id}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/**
 * A `booking.completed` event (a 50-minute session that started two hours ago) as the booking
 * service's outbox relay publishes it: what makes the directory accept a review.
 */
export function bookingCompletedEvent(
  data: Partial<BookingCompletedData> & Pick<BookingCompletedData, 'counselorId' | 'clientId'>,
  id = randomUUID(),
): EventEnvelope<BookingCompletedData> {
  const startsAt = new Date(Date.now() - 2 * 3_600_000);
  return {
    id,
    type: BookingEvents.completed.type,
    version: BookingEvents.completed.version,
    occurredAt: new Date().toISOString(),
    producer: 'booking',
    correlationId: randomUUID(),
    data: {
      bookingId: randomUUID(),
      offeringId: randomUUID(),
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 50 * 60_000).toISOString(),
      ...data,
    },
  };
}
