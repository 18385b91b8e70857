import type { BookingSnapshot, EventContract, EventEnvelope, NotificationView, Page } from '@haven/contracts';
import { EventPublisher } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { api } from './http';

let publisher: EventPublisher | undefined;

afterAll(async () => {
  const opened = publisher;
  publisher = undefined;
  await opened?.close();
});

/** An event envelope as the booking service's outbox relay would publish it. */
export function bookingEvent<T>(contract: EventContract<T>, data: T): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    producer: 'booking',
    correlationId: randomUUID(),
    data,
  };
}

/** Publishes an envelope on the platform's events exchange (with publisher confirms). */
export async function publish(envelope: EventEnvelope): Promise<void> {
  publisher ??= new EventPublisher(JSON.parse(inject('platformEnv')).RABBITMQ_URL, 'booking');
  await publisher.publish(envelope);
}

/** A session between two registered users; override anything. */
export function snapshot(
  clientId: string,
  counselorId: string,
  overrides: Partial<BookingSnapshot> = {},
): BookingSnapshot {
  const startsAt = overrides.startsAt ?? '2027-01-05T15:00:00.000Z';
  const durationMinutes = overrides.durationMinutes ?? 50;
  return {
    bookingId: randomUUID(),
    clientId,
    counselorId,
    counselorName: 'Dr. Meera Iyer',
    offeringId: randomUUID(),
    offeringTitle: 'Anxiety support',
    mode: 'video',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + durationMinutes * 60_000).toISOString(),
    durationMinutes,
    amountPaise: 150_000,
    currency: 'INR',
    ...overrides,
  };
}

/** The user's in-app messages (GET /me/notifications). */
export async function inbox(token: string, query = ''): Promise<Page<NotificationView>> {
  const response = await api<Page<NotificationView>>('GET', `/me/notifications${query}`, undefined, { token });
  if (response.status !== 200) throw new Error(`GET /me/notifications${query}: ${response.status} ${response.text}`);
  return response.body;
}

/** Waits for an in-app message of `type` about `bookingId` (or any, without one). */
export async function waitForMessage(
  token: string,
  type: string,
  match: (message: NotificationView) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<NotificationView> {
  return waitFor(
    async () => (await inbox(token, '?limit=100')).items.find((message) => message.type === type && match(message)),
    { timeoutMs, intervalMs: 200, what: `an in-app ${type} message` },
  );
}

export const aboutBooking =
  (bookingId: string) =>
  (message: NotificationView): boolean =>
    message.data.bookingId === bookingId;
