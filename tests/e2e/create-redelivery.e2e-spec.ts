import { AccountsRpc, type Actor, BookingRpc, DirectoryRpc, type RpcContract, type RpcRequest } from '@haven/contracts';
import { rpcQueue } from '@haven/messaging';
import { waitFor } from '@haven/testing';
import { type Channel, type ChannelModel, connect as amqpConnect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePlatformDb, platformDb, registerUser } from '../support/accounts';
import { applicationInput, makeCounselor, type TestCounselor } from '../support/directory';
import { uniqueEmail } from '../support/http';

/**
 * A creating request delivered twice (its first replica died after committing, before acking) must
 * create once. The request is sent to the service's queue twice, exactly as the broker would
 * redeliver it: same request id, same deadline.
 */
describe('creating RPCs delivered twice', () => {
  let connection: ChannelModel;
  let channel: Channel;
  let replyTo: string;
  let counselor: TestCounselor;

  async function deliverTwice<TRequest, TResponse>(
    contract: RpcContract<TRequest, TResponse>,
    body: TRequest,
    actor?: Actor,
  ): Promise<[TResponse, TResponse]> {
    const request: RpcRequest<TRequest> = {
      meta: { correlationId: randomUUID(), actor, requestId: randomUUID(), deadline: Date.now() + 15_000 },
      body,
    };
    const replies: TResponse[] = [];
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const id = randomUUID();
      channel.sendToQueue(
        rpcQueue(contract.service),
        Buffer.from(JSON.stringify({ pattern: contract.pattern, data: request, id })),
        { replyTo, correlationId: id },
      );
      const reply = await waitFor(async () => (await channel.get(replyTo, { noAck: true })) || undefined, {
        timeoutMs: 15_000,
        what: `the reply to delivery ${delivery + 1} of ${contract.pattern}`,
      });
      const packet = JSON.parse(reply.content.toString());
      expect(packet.err, JSON.stringify(packet.err)).toBeUndefined();
      replies.push(packet.response);
    }
    return replies as [TResponse, TResponse];
  }

  const count = async (sql: string, ...params: unknown[]): Promise<number> =>
    (await platformDb().query(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;

  beforeAll(async () => {
    connection = await amqpConnect(JSON.parse(inject('platformEnv')).RABBITMQ_URL);
    channel = await connection.createChannel();
    replyTo = (await channel.assertQueue('', { exclusive: true, autoDelete: true })).queue;
    counselor = await makeCounselor({ label: 'redelivered' });
  });

  afterAll(async () => {
    await connection?.close();
    await closePlatformDb();
  });

  it('registers one account', async () => {
    const email = uniqueEmail('twice');
    const [first, second] = await deliverTwice(AccountsRpc.register, {
      email,
      password: 'a long enough password',
      name: 'Twice Delivered',
    });
    expect(second.user.id).toBe(first.user.id);
    expect(second.refreshToken).toBeTruthy();
    expect(await count('accounts.users WHERE email = $1', email)).toBe(1);
  });

  it('submits one application', async () => {
    const applicant = await registerUser('applicant');
    const [first, second] = await deliverTwice(DirectoryRpc.submitApplication, applicationInput(), {
      userId: applicant.user.id,
      roles: ['client'],
    });
    expect(second.id).toBe(first.id);
    expect(await count('directory.applications WHERE user_id = $1', applicant.user.id)).toBe(1);
  });

  it('creates one offering', async () => {
    const actor: Actor = { userId: counselor.id, roles: ['client', 'counselor'] };
    const body = { title: 'Twice sent', mode: 'chat' as const, durationMinutes: 30, pricePaise: 10_000 };
    const [first, second] = await deliverTwice(DirectoryRpc.createOffering, body, actor);
    expect(second.id).toBe(first.id);
    expect(await count(`directory.offerings WHERE counselor_id = $1 AND title = 'Twice sent'`, counselor.id)).toBe(1);
  });

  it('creates one time off', async () => {
    const actor: Actor = { userId: counselor.id, roles: ['client', 'counselor'] };
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const endsAt = new Date(Date.now() + 31 * 86_400_000).toISOString();
    const [first, second] = await deliverTwice(BookingRpc.createTimeOff, { startsAt, endsAt }, actor);
    expect(second.id).toBe(first.id);
    expect(await count('booking.time_off WHERE counselor_id = $1', counselor.id)).toBe(1);
  });
});
