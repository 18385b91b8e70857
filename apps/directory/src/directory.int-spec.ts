import {
  AccountsEvents,
  type AccountStatus,
  AccountsRpc,
  type Actor,
  type ApplicationInput,
  BookingEvents,
  type BookingCompletedData,
  type CounselorOpeningsChangedData,
  DirectoryRpc,
  type EventEnvelope,
  type UserUpdatedData,
} from '@haven/contracts';
import { loadConfig } from '@haven/infrastructure';
import { dropDatabase, ensureDatabaseExists } from '@haven/database';
import { EventPublisher, RpcClient, RpcHandler, startServiceApp } from '@haven/messaging';
import { domainRejectionOf, waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { Controller, type INestApplication, Module } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DirectoryConfig } from './config/directory.config';
import { DirectoryModule } from './directory.module';

const admin: Actor = { userId: randomUUID(), roles: ['client', 'admin'] };

/**
 * Stands in for the accounts service on the test's broker, answering only what directory asks
 * before an admin action: the admin above is an active admin, everyone else an active client.
 */
@Controller()
class AccountStatusesStandIn {
  @RpcHandler(AccountsRpc.getAccountStatuses)
  statuses(@Payload() request: { body: { ids: string[] } }): AccountStatus[] {
    return request.body.ids.map((id) => ({
      id,
      roles: id === admin.userId ? ['client', 'admin'] : ['client'],
      active: true,
    }));
  }
}

@Module({ controllers: [AccountStatusesStandIn] })
class AccountsStandInModule {}
const application: ApplicationInput = {
  displayName: 'Integration Counselor',
  bio: 'Works on sleep.',
  qualifications: ['MA Psychology'],
  registration: { body: 'RCI', number: 'INT-1' },
  yearsExperience: 3,
  languages: ['en'],
  specialties: ['sleep'],
};

/**
 * The directory service alone against real PostgreSQL and RabbitMQ, on a vhost where no booking or
 * accounts service listens: what it writes to its outbox, and how it answers when the services it
 * asks are away.
 */
describe('directory service (alone on its broker)', () => {
  let databaseUrl: string;
  let vhost: { url: string; remove(): Promise<void> };
  let app: INestApplication;
  let accounts: INestApplication | undefined;
  let rpc: RpcClient;
  let dataSource: DataSource;

  const outboxOf = (type: string, key: string, value: string) =>
    dataSource.query(`SELECT envelope FROM "directory"."outbox" WHERE type = $1 AND envelope->'data'->>$2 = $3`, [
      type,
      key,
      value,
    ]) as Promise<{ envelope: EventEnvelope<Record<string, unknown>> }[]>;

  async function approvedCounselor(userId = randomUUID()): Promise<string> {
    const user: Actor = { userId, roles: ['client'] };
    const submitted = await rpc.send(DirectoryRpc.submitApplication, application, { actor: user });
    await rpc.send(DirectoryRpc.approveApplication, { id: submitted.id }, { actor: admin });
    return user.userId;
  }

  beforeAll(async () => {
    databaseUrl = `${inject('databaseUrl')}_directory`;
    await ensureDatabaseExists(databaseUrl);
    vhost = await createEmptyVhost('directory');
    const config = loadConfig(DirectoryConfig, {
      DATABASE_URL: databaseUrl,
      RABBITMQ_URL: vhost.url,
      DEPENDENCY_RPC_TIMEOUT_MS: '300',
      LOG_LEVEL: 'fatal',
    });
    app = await startServiceApp(DirectoryModule.register(config), {
      service: 'directory',
      consumesEvents: true,
      rabbitmqUrl: vhost.url,
      logLevel: process.env.DIR_LOG ?? 'fatal',
    });
    dataSource = app.get<DataSource>(getDataSourceToken('directory'));
    rpc = new RpcClient(vhost.url, 10_000);
    accounts = await startServiceApp(AccountsStandInModule, {
      service: 'accounts',
      consumesEvents: false,
      rabbitmqUrl: vhost.url,
      logLevel: 'fatal',
    });
  });

  afterAll(async () => {
    await accounts?.close();
    await rpc?.close();
    await app?.close();
    await vhost?.remove();
    await dropDatabase(databaseUrl);
  });

  it('writes each vetting decision’s event with the change, and none for a refused one', async () => {
    const user: Actor = { userId: randomUUID(), roles: ['client'] };
    const submitted = await rpc.send(DirectoryRpc.submitApplication, application, { actor: user });
    expect(await outboxOf('counselor.application-submitted', 'applicationId', submitted.id)).toHaveLength(1);

    await rpc.send(
      DirectoryRpc.requestApplicationChanges,
      { id: submitted.id, reason: 'Add a photo' },
      { actor: admin },
    );
    await rpc.send(DirectoryRpc.updateMyApplication, { bio: 'Works on sleep and stress.' }, { actor: user });
    const submissions = await outboxOf('counselor.application-submitted', 'applicationId', submitted.id);
    expect(submissions.map((row) => row.envelope.data.resubmission).sort()).toEqual([false, true]);
    const [changes] = await outboxOf('counselor.changes-requested', 'applicationId', submitted.id);
    expect(changes.envelope.data).toEqual({
      applicationId: submitted.id,
      userId: user.userId,
      reviewerId: admin.userId,
      reason: 'Add a photo',
    });

    await rpc.send(DirectoryRpc.approveApplication, { id: submitted.id, note: 'Fine' }, { actor: admin });
    const [approved] = await outboxOf('counselor.approved', 'applicationId', submitted.id);
    expect(approved.envelope).toMatchObject({
      type: 'counselor.approved',
      producer: 'directory',
      data: {
        applicationId: submitted.id,
        userId: user.userId,
        reviewerId: admin.userId,
        displayName: 'Integration Counselor',
        note: 'Fine',
      },
    });
    const [profile] = await dataSource.query(`SELECT status FROM "directory"."counselors" WHERE id = $1`, [
      user.userId,
    ]);
    expect(profile.status).toBe('active');

    const refused = await domainRejectionOf(
      rpc.send(DirectoryRpc.rejectApplication, { id: submitted.id, reason: 'Late' }, { actor: admin }),
    );
    expect(refused.kind).toBe('conflict');
    expect(await outboxOf('counselor.rejected', 'applicationId', submitted.id)).toHaveLength(0);
  });

  it('emits suspension and reinstatement events, and offering snapshots on every change', async () => {
    const counselorId = await approvedCounselor();
    const counselor: Actor = { userId: counselorId, roles: ['client', 'counselor'] };
    const offering = await rpc.send(
      DirectoryRpc.createOffering,
      { title: 'Chat', mode: 'chat', durationMinutes: 30, pricePaise: 0 },
      { actor: counselor },
    );
    await rpc.send(DirectoryRpc.updateOffering, { id: offering.id, pricePaise: 2500 }, { actor: counselor });
    const snapshots = (await dataSource.query(
      `SELECT envelope FROM "directory"."outbox" WHERE type = 'offering.changed' AND envelope->'data'->'offering'->>'id' = $1
       ORDER BY created_at`,
      [offering.id],
    )) as { envelope: EventEnvelope<{ offering: { pricePaise: number } }> }[];
    expect(snapshots.map((row) => row.envelope.data.offering)).toEqual([
      { ...offering },
      { ...offering, pricePaise: 2500 },
    ]);

    await rpc.send(DirectoryRpc.suspendCounselor, { id: counselorId, reason: 'Complaint' }, { actor: admin });
    await rpc.send(DirectoryRpc.reinstateCounselor, { id: counselorId }, { actor: admin });
    const [suspended] = await outboxOf('counselor.suspended', 'counselorId', counselorId);
    expect(suspended.envelope.data).toEqual({ counselorId, actorId: admin.userId, reason: 'Complaint' });
    expect(await outboxOf('counselor.reinstated', 'counselorId', counselorId)).toHaveLength(1);
  });

  it('announces every change of a public profile that no other event names, and none for a change of nothing', async () => {
    const counselorId = await approvedCounselor();
    const counselor: Actor = { userId: counselorId, roles: ['client', 'counselor'] };
    const announcements = async () => (await outboxOf('counselor.profile-changed', 'counselorId', counselorId)).length;
    const publisher = new EventPublisher(vhost.url, 'booking');
    const heard = async <T>(type: string, data: T, consumer: string) => {
      const envelope: EventEnvelope<T> = {
        id: randomUUID(),
        type,
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: type.startsWith('user.') ? 'accounts' : 'booking',
        correlationId: randomUUID(),
        data,
      };
      await publisher.publish(envelope);
      await waitFor(async () => {
        const rows = await dataSource.query(`SELECT 1 FROM "directory"."inbox" WHERE event_id = $1 AND consumer = $2`, [
          envelope.id,
          consumer,
        ]);
        return rows.length > 0 ? true : undefined;
      });
    };
    const accountState = (active: boolean, rightsVersion: number): UserUpdatedData => ({
      userId: counselorId,
      email: 'counselor@example.test',
      name: 'Integration Counselor',
      phone: null,
      timezone: 'Asia/Kolkata',
      roles: ['client', 'counselor'],
      active,
      rightsVersion,
    });
    try {
      await rpc.send(DirectoryRpc.updateMyProfile, {}, { actor: counselor });
      expect(await announcements()).toBe(0);
      await rpc.send(DirectoryRpc.updateMyProfile, { bio: 'Works on sleep and grief.' }, { actor: counselor });
      expect(await announcements()).toBe(1);

      await heard(AccountsEvents.updated.type, accountState(false, 2), 'directory.account-states');
      expect(await announcements()).toBe(2);
      // The same state again, and an older one, change nothing public.
      await heard(AccountsEvents.updated.type, accountState(false, 2), 'directory.account-states');
      await heard(AccountsEvents.updated.type, accountState(true, 1), 'directory.account-states');
      expect(await announcements()).toBe(2);
      await heard(AccountsEvents.updated.type, accountState(true, 3), 'directory.account-states');
      expect(await announcements()).toBe(3);

      const bookingId = randomUUID();
      const clientId = randomUUID();
      const completed: BookingCompletedData = {
        bookingId,
        clientId,
        counselorId,
        offeringId: randomUUID(),
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date().toISOString(),
      };
      await heard(BookingEvents.completed.type, completed, 'review-eligibility');
      await rpc.send(DirectoryRpc.createReview, { bookingId, clientId, rating: 5 });
      expect(await announcements()).toBe(4);
      const [review] = await outboxOf('counselor.profile-changed', 'counselorId', counselorId).then((rows) =>
        rows.slice(-1),
      );
      expect(review.envelope).toMatchObject({ type: 'counselor.profile-changed', producer: 'directory' });
      expect(review.envelope.data).toEqual({ counselorId });
    } finally {
      await publisher.close();
    }
  });

  it('answers profiles without nextAvailableAt, and searches with the openings last heard of, while booking is away', async () => {
    const counselorId = await approvedCounselor();
    const profile = await rpc.send(DirectoryRpc.getCounselor, { id: counselorId });
    expect(profile.id).toBe(counselorId);
    expect('nextAvailableAt' in profile).toBe(false);

    const page = await rpc.send(DirectoryRpc.searchCounselors, { q: 'Integration', page: 1, limit: 100 });
    expect(page.items.find((item) => item.id === counselorId)?.nextAvailableAt).toBeNull();

    const byAvailability = await rpc.send(DirectoryRpc.searchCounselors, {
      q: 'Integration',
      sort: 'availability',
      page: 1,
      limit: 100,
    });
    expect(byAvailability.items.map((item) => item.id)).toContain(counselorId);
  });

  it('sorts by the next opening last heard of, whether it came before or after the approval, and follows changes', async () => {
    const publisher = new EventPublisher(vhost.url, 'booking');
    const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const openingsHeard = async (counselorId: string, nextInHours: number, computedAt: string) => {
      const envelope: EventEnvelope<CounselorOpeningsChangedData> = {
        id: randomUUID(),
        type: BookingEvents.openingsChanged.type,
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: 'booking',
        correlationId: randomUUID(),
        data: {
          counselors: [
            {
              counselorId,
              nextAvailableAt: inHours(nextInHours),
              openRuns: [[Date.parse(inHours(nextInHours)), Date.parse(inHours(nextInHours + 2))]],
              maxStepMinutes: 30,
              computedAt,
            },
          ],
        },
      };
      await publisher.publish(envelope);
      await waitFor(async () => {
        const rows = await dataSource.query(`SELECT 1 FROM "directory"."inbox" WHERE event_id = $1`, [envelope.id]);
        return rows.length > 0 ? true : undefined;
      });
    };
    const soonestFirst = async (ids: string[]) => {
      const page = await rpc.send(DirectoryRpc.searchCounselors, {
        q: 'Integration',
        sort: 'availability',
        page: 1,
        limit: 100,
      });
      return page.items.map((item) => item.id).filter((id) => ids.includes(id));
    };
    try {
      const heardFirst = randomUUID();
      await openingsHeard(heardFirst, 2, new Date().toISOString());
      await approvedCounselor(heardFirst);
      const heardAfter = await approvedCounselor();
      await openingsHeard(heardAfter, 5, new Date().toISOString());
      const neverHeard = await approvedCounselor();
      const ids = [neverHeard, heardAfter, heardFirst];
      expect(await soonestFirst(ids)).toEqual([heardFirst, heardAfter, neverHeard]);

      await openingsHeard(heardAfter, 1, new Date().toISOString());
      expect(await soonestFirst(ids)).toEqual([heardAfter, heardFirst, neverHeard]);
    } finally {
      await publisher.close();
    }
  });

  it('answers a free-slot search from the openings it keeps, and refuses one beyond them while booking is away (503)', async () => {
    const counselorId = await approvedCounselor();
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const near = await rpc.send(DirectoryRpc.searchCounselors, {
      availableFrom: inDays(1),
      availableTo: inDays(3),
      page: 1,
      limit: 100,
    });
    expect(near.items.map((item) => item.id)).not.toContain(counselorId);
    const error = await domainRejectionOf(
      rpc.send(DirectoryRpc.searchCounselors, {
        availableFrom: inDays(40),
        availableTo: inDays(42),
        page: 1,
        limit: 20,
      }),
    );
    expect(error.kind).toBe('unavailable');
  });

  it('applies a booking.completed event once, and lists reviews unnamed while accounts is away', async () => {
    const counselorId = await approvedCounselor();
    await accounts?.close();
    accounts = undefined;
    const clientId = randomUUID();
    const bookingId = randomUUID();
    const publisher = new EventPublisher(vhost.url, 'booking');
    try {
      const envelope: EventEnvelope<BookingCompletedData> = {
        id: randomUUID(),
        type: BookingEvents.completed.type,
        version: 1,
        occurredAt: new Date().toISOString(),
        producer: 'booking',
        correlationId: randomUUID(),
        data: {
          bookingId,
          clientId,
          counselorId,
          offeringId: randomUUID(),
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date().toISOString(),
        },
      };
      await publisher.publish(envelope);
      await publisher.publish(envelope);
      await waitFor(async () => {
        const rows = await dataSource.query(
          `SELECT 1 FROM "directory"."inbox" WHERE event_id = $1 AND consumer = 'review-eligibility'`,
          [envelope.id],
        );
        return rows.length > 0 ? true : undefined;
      });
    } finally {
      await publisher.close();
    }
    const eligibility = await dataSource.query(`SELECT * FROM "directory"."review_eligibility" WHERE booking_id = $1`, [
      bookingId,
    ]);
    expect(eligibility).toHaveLength(1);

    await rpc.send(DirectoryRpc.createReview, { bookingId, clientId, rating: 4, comment: 'Good' });
    const [counts] = await dataSource.query(
      `SELECT rating_total, review_count, rating FROM "directory"."counselors" WHERE id = $1`,
      [counselorId],
    );
    expect(counts).toEqual({ rating_total: 4, review_count: 1, rating: '4.0' });

    const reviews = await rpc.send(DirectoryRpc.listReviews, { counselorId, page: 1, limit: 20 });
    expect(reviews.items).toEqual([
      { id: expect.any(String), rating: 4, comment: 'Good', createdAt: expect.any(String), clientName: null },
    ]);
  });

  it('decides nothing while accounts cannot confirm the admin’s rights (unavailable → 503)', async () => {
    await accounts?.close();
    accounts = undefined;
    const user: Actor = { userId: randomUUID(), roles: ['client'] };
    const submitted = await rpc.send(DirectoryRpc.submitApplication, application, { actor: user });
    const error = await domainRejectionOf(
      rpc.send(DirectoryRpc.approveApplication, { id: submitted.id }, { actor: admin }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', code: 'accounts_unavailable' });
    const [row] = await dataSource.query(`SELECT status FROM "directory"."applications" WHERE id = $1`, [submitted.id]);
    expect(row.status).toBe('submitted');
    expect(await outboxOf('counselor.approved', 'applicationId', submitted.id)).toHaveLength(0);
  });
});
