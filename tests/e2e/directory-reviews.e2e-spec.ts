import {
  type BookingCompletedData,
  type CounselorView,
  DirectoryRpc,
  type Page,
  type ReviewView,
} from '@haven/contracts';
import { DomainError } from '@haven/common';
import { EventPublisher, RpcClient } from '@haven/messaging';
import { domainRejectionOf, waitFor } from '@haven/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerUser, type RegisteredUser } from '../support/accounts';
import { bookingCompletedEvent, makeCounselor, publicCounselor, type TestCounselor } from '../support/directory';
import { api } from '../support/http';

/**
 * Reviews: eligibility arrives as real `booking.completed` events on the platform's RabbitMQ vhost
 * (published here the way the booking service's outbox relay publishes them); the review itself is
 * the directory's `directory.v1.create-review` RPC (its HTTP route belongs to the booking service).
 */
describe('reviews', () => {
  const rabbitmqUrl: string = JSON.parse(inject('platformEnv')).RABBITMQ_URL;
  let publisher: EventPublisher;
  let rpc: RpcClient;
  let counselor: TestCounselor;
  let priya: RegisteredUser;
  let rahul: RegisteredUser;

  async function complete(data: Partial<BookingCompletedData> & { clientId: string }, id = randomUUID()) {
    const envelope = bookingCompletedEvent({ counselorId: counselor.id, ...data }, id);
    await publisher.publish(envelope);
    return envelope;
  }

  function review(body: { bookingId: string; clientId: string; rating: number; comment?: string }) {
    return rpc.send(DirectoryRpc.createReview, body);
  }

  /** Eligibility lands asynchronously (event → inbox): retry while the booking is not yet known. */
  function reviewOnceEligible(body: { bookingId: string; clientId: string; rating: number; comment?: string }) {
    return waitFor(
      async () => {
        try {
          return await review(body);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'booking_not_completed') return undefined;
          throw error;
        }
      },
      { timeoutMs: 15_000, what: `eligibility of booking ${body.bookingId}` },
    );
  }

  beforeAll(async () => {
    publisher = new EventPublisher(rabbitmqUrl, 'booking');
    rpc = new RpcClient(rabbitmqUrl, 10_000);
    [counselor, priya, rahul] = await Promise.all([
      makeCounselor({ application: { displayName: 'Reviewed Counselor' } }),
      registerUser('priya', { name: 'Priya Sharma', phone: '+919812345678' }),
      registerUser('rahul', { name: 'Rahul Kumar Verma' }),
    ]);
  });

  afterAll(async () => {
    await publisher?.close();
    await rpc?.close();
  });

  it('one review per completed booking; rating and count on the profile; first names only', async () => {
    const first = await complete({ clientId: priya.user.id });
    // A redelivered event (same id) and a duplicate completion change nothing.
    await publisher.publish(first);
    await complete({ ...first.data });

    const created = await reviewOnceEligible({
      bookingId: first.data.bookingId,
      clientId: priya.user.id,
      rating: 5,
      comment: '  Very helpful  ',
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      bookingId: first.data.bookingId,
      counselorId: counselor.id,
      clientId: priya.user.id,
      rating: 5,
      comment: 'Very helpful',
      createdAt: expect.any(String),
    });

    const second = await domainRejectionOf(
      review({ bookingId: first.data.bookingId, clientId: priya.user.id, rating: 1 }),
    );
    expect(second.kind).toBe('conflict');

    const other = await complete({ clientId: rahul.user.id });
    await reviewOnceEligible({ bookingId: other.data.bookingId, clientId: rahul.user.id, rating: 2 });

    const profile = await publicCounselor(counselor.id);
    expect(profile).toMatchObject({ rating: 3.5, reviewCount: 2 });

    const reviews = await api<Page<ReviewView>>('GET', `/counselors/${counselor.id}/reviews`);
    expect(reviews.status).toBe(200);
    expect(reviews.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(reviews.body.items).toEqual([
      { id: expect.any(String), rating: 2, comment: null, createdAt: expect.any(String), clientName: 'Rahul' },
      { id: created.id, rating: 5, comment: 'Very helpful', createdAt: created.createdAt, clientName: 'Priya' },
    ]);
    const text = JSON.stringify(reviews.body);
    for (const secret of [priya.email, rahul.email, 'Sharma', 'Verma', '9812345678', priya.user.id, rahul.user.id]) {
      expect(text).not.toContain(secret);
    }

    const paged = await api<Page<ReviewView>>('GET', `/counselors/${counselor.id}/reviews?limit=1&page=2`);
    expect(paged.body).toMatchObject({ total: 2, page: 2, limit: 1 });
    expect(paged.body.items.map((item) => item.rating)).toEqual([5]);
    const badLimit = await api('GET', `/counselors/${counselor.id}/reviews?limit=500`);
    expect(badLimit.status).toBe(400);
  });

  it('refuses a booking that is not completed, or not the client’s (422)', async () => {
    const unknown = await domainRejectionOf(review({ bookingId: randomUUID(), clientId: priya.user.id, rating: 4 }));
    expect(unknown.kind).toBe('unprocessable');

    // Once the booking is known as completed (its client reviewed it), a stranger is still refused as such.
    const completed = await complete({ clientId: priya.user.id });
    await reviewOnceEligible({ bookingId: completed.data.bookingId, clientId: priya.user.id, rating: 4 });
    const stranger = await domainRejectionOf(
      review({ bookingId: completed.data.bookingId, clientId: rahul.user.id, rating: 4 }),
    );
    expect(stranger.kind).toBe('unprocessable');
  });

  it('a caller acting for another client does not find the booking (404)', async () => {
    const completed = await complete({ clientId: priya.user.id });
    const error = await domainRejectionOf(
      rpc.send(
        DirectoryRpc.createReview,
        { bookingId: completed.data.bookingId, clientId: priya.user.id, rating: 5 },
        { actor: { userId: rahul.user.id, roles: ['client'] } },
      ),
    );
    expect(error.kind).toBe('not_found');
  });

  it('validates rating 1–5 (whole), ids and comment length (400 naming the field)', async () => {
    const bookingId = randomUUID();
    for (const [body, field] of [
      [{ bookingId, clientId: priya.user.id, rating: 0 }, 'rating'],
      [{ bookingId, clientId: priya.user.id, rating: 6 }, 'rating'],
      [{ bookingId, clientId: priya.user.id, rating: 3.5 }, 'rating'],
      [{ bookingId, clientId: priya.user.id, rating: 4, comment: 'x'.repeat(2001) }, 'comment'],
      [{ bookingId: 'nope', clientId: priya.user.id, rating: 4 }, 'bookingId'],
    ] as const) {
      const error = await domainRejectionOf(review(body as never));
      expect(error.kind, JSON.stringify(body).slice(0, 80)).toBe('validation');
      expect(error.details?.map((detail) => detail.field)).toEqual([field]);
    }
  });

  it('two racing reviews of one booking: exactly one is stored', async () => {
    const completed = await complete({ clientId: rahul.user.id });
    const before = (await publicCounselor(counselor.id)).reviewCount;
    const results = await waitFor(
      async () => {
        const attempt = await Promise.allSettled([
          review({ bookingId: completed.data.bookingId, clientId: rahul.user.id, rating: 3 }),
          review({ bookingId: completed.data.bookingId, clientId: rahul.user.id, rating: 3 }),
        ]);
        const notYet = attempt.every(
          (result) => result.status === 'rejected' && (result.reason as DomainError).code === 'booking_not_completed',
        );
        return notYet ? undefined : attempt;
      },
      { timeoutMs: 15_000 },
    );
    const kinds = results.map((result) =>
      result.status === 'fulfilled' ? 'created' : (result.reason as DomainError).kind,
    );
    expect(kinds.sort()).toEqual(['conflict', 'created']);
    // Made past the gateway: its copy of the profile follows the directory's announcement.
    await expect
      .poll(async () => (await publicCounselor(counselor.id)).reviewCount, { timeout: 5_000 })
      .toBe(before + 1);
  });

  it('sorts search results by rating', async () => {
    const group = `zq${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, '')
      .slice(0, 8)}r`;
    const [top, unrated, middle] = await Promise.all([
      makeCounselor({ application: { displayName: `Top ${group}` } }),
      makeCounselor({ application: { displayName: `Unrated ${group}` } }),
      makeCounselor({ application: { displayName: `Middle ${group}` } }),
    ]);
    for (const [who, rating] of [
      [top, 5],
      [middle, 3],
      [middle, 4],
    ] as const) {
      const completed = await complete({ clientId: priya.user.id, counselorId: who.id });
      await reviewOnceEligible({ bookingId: completed.data.bookingId, clientId: priya.user.id, rating });
    }
    const sorted = await api<Page<CounselorView>>('GET', `/counselors?q=${group}&sort=rating`);
    expect(sorted.status).toBe(200);
    expect(sorted.body.items.map((item) => [item.id, item.rating, item.reviewCount])).toEqual([
      [top.id, 5, 1],
      [middle.id, 3.5, 2],
      [unrated.id, 0, 0],
    ]);
  });
});
