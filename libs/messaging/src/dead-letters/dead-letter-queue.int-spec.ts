import { AccountsEvents } from '@haven/contracts';
import { waitFor } from '@haven/testing';
import { createEmptyVhost } from '@haven/testing/infrastructure';
import { type Channel, type ChannelModel, connect as amqpConnect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  declareEventTopology,
  deadLetterQueue,
  EVENT_DELIVERY_LIMIT,
  EVENTS_EXCHANGE,
  eventsQueue,
  UNROUTED_QUEUE,
} from '../topology';
import { parseDlqCommand, runDlqCommand, type DlqCommand } from './dlq-command';

describe('the dead-letter queue command against real RabbitMQ', () => {
  let vhost: { url: string; remove(): Promise<void> };
  let connection: ChannelModel;
  let channel: Channel;
  const ids = [randomUUID(), randomUUID()];

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runDlqCommand(parseDlqCommand(args) as DlqCommand, vhost.url, (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };
  const depth = async (queue: string) => (await channel.checkQueue(queue)).messageCount;

  beforeAll(async () => {
    vhost = await createEmptyVhost('dlq');
    await declareEventTopology(vhost.url);
    connection = await amqpConnect(vhost.url);
    channel = await connection.createChannel();
    // Two events booking's handler keeps failing: the broker dead-letters them after the delivery limit.
    for (const id of ids) {
      const envelope = { id, type: AccountsEvents.registered.type, data: { userId: id } };
      channel.publish(
        EVENTS_EXCHANGE,
        envelope.type,
        Buffer.from(JSON.stringify({ pattern: envelope.type, data: envelope })),
        {
          messageId: id,
          persistent: true,
        },
      );
    }
    await channel.consume(eventsQueue('booking'), (message) => message && channel.nack(message, false, true));
    await waitFor(async () => ((await depth(deadLetterQueue('booking'))) === 2 ? true : undefined), {
      what: `both events dead-lettered after ${EVENT_DELIVERY_LIMIT} attempts`,
    });
    await channel.close();
    channel = await connection.createChannel();
  });

  afterAll(async () => {
    await connection?.close().catch(() => undefined);
    await vhost?.remove();
  });

  it('lists every dead letter, oldest first, and leaves them in the queue', async () => {
    const { code, output } = await run('list', 'booking');
    expect(code).toBe(0);
    const lines = output.split('\n');
    expect(lines[0]).toBe('booking.events.dlq: 2 dead letters');
    expect(lines[1]).toMatch(
      new RegExp(`^#1  ${ids[0]}  user.registered  dead-lettered \\S+Z  delivery_limit in booking.events$`),
    );
    expect(lines[2]).toContain(`#2  ${ids[1]}`);
    expect(await depth(deadLetterQueue('booking'))).toBe(2);
  });

  it('shows one dead letter in full, by position or message id', async () => {
    const byPosition = await run('show', 'booking', '2');
    expect(JSON.parse(byPosition.output)).toMatchObject({
      messageId: ids[1],
      event: { id: ids[1], data: { userId: ids[1] } },
    });
    const byId = await run('show', 'booking', ids[0]);
    expect(JSON.parse(byId.output)).toMatchObject({ position: 1, reason: 'delivery_limit' });
    const missing = await run('show', 'booking', '7');
    expect(missing).toEqual({ code: 1, output: 'booking.events.dlq has no dead letter 7' });
    expect(await depth(deadLetterQueue('booking'))).toBe(2);
  });

  it('replays one to the events exchange with its routing key, then the rest', async () => {
    const one = await run('replay', 'booking', ids[1]);
    expect(one.code).toBe(0);
    expect(one.output.split('\n')[0]).toBe('replayed 1 from booking.events.dlq to haven.events');
    expect(await depth(deadLetterQueue('booking'))).toBe(1);
    const replayed = await waitFor(
      async () => (await channel.get(eventsQueue('booking'), { noAck: true })) || undefined,
    );
    expect(replayed.properties.messageId).toBe(ids[1]);
    expect(replayed.fields.routingKey).toBe(AccountsEvents.registered.type);
    expect(replayed.properties.headers?.['x-death']).toBeUndefined();

    const rest = await run('replay', 'booking', '--all');
    expect(rest.output.split('\n')[0]).toBe('replayed 1 from booking.events.dlq to haven.events');
    expect(await depth(deadLetterQueue('booking'))).toBe(0);
    await waitFor(async () => ((await depth(eventsQueue('booking'))) === 1 ? true : undefined), {
      what: 'the second replayed event in booking’s queue',
    });
  });

  it('replays an event published before any queue took its type, once one does', async () => {
    const id = randomUUID();
    const type = 'test.not-yet-consumed';
    channel.publish(EVENTS_EXCHANGE, type, Buffer.from(JSON.stringify({ pattern: type, data: { id, type } })), {
      messageId: id,
      persistent: true,
    });
    await waitFor(async () => ((await depth(UNROUTED_QUEUE)) === 1 ? true : undefined), { what: 'the unrouted event' });
    const listed = await run('list', 'unrouted');
    expect(listed.output).toMatch(new RegExp(`#1  ${id}  ${type}`));

    // A consumer subscribes later: its queue gets bound to the type, then the event is replayed to it.
    await channel.bindQueue(eventsQueue('directory'), EVENTS_EXCHANGE, type);
    expect((await run('replay', 'unrouted', id)).code).toBe(0);
    const delivered = await waitFor(
      async () => (await channel.get(eventsQueue('directory'), { noAck: true })) || undefined,
    );
    expect(delivered.properties.messageId).toBe(id);
    expect(await depth(UNROUTED_QUEUE)).toBe(0);
  });
});
