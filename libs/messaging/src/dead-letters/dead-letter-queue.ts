import type { ServiceName } from '@haven/contracts';
import { type Channel, type ChannelModel, type ConfirmChannel, connect as amqpConnect, type GetMessage } from 'amqplib';
import { AMQP_CONNECTION_OPTIONS, deadLetterQueue, EVENTS_EXCHANGE, UNROUTED_QUEUE } from '../topology';

/** More than any DLQ should ever hold; browsing stops there. */
const BROWSE_LIMIT = 10_000;
/** Headers the broker adds when dead-lettering; a replayed event starts afresh without them. */
const DEAD_LETTER_HEADERS = /^x-(death|first-death-|last-death-|delivery-count)/;

export interface DeadLetter {
  /** 1-based position in the queue when it was browsed. */
  position: number;
  messageId: string | null;
  /** The event type, which is also the routing key it was published with. */
  type: string | null;
  /** The queue it died in, why (`delivery_limit`, `rejected`, `expired`) and when. */
  diedIn: string | null;
  reason: string | null;
  deadLetteredAt: string | null;
  /** How many times it has been dead-lettered from that queue. */
  deaths: number;
  headers: Record<string, unknown>;
  /** The event envelope it carries (or the raw body when it is not one). */
  event: unknown;
}

interface XDeath {
  queue?: string;
  reason?: string;
  count?: number;
  time?: { value?: number } | number;
  'routing-keys'?: string[];
}

/** Reads one message's dead-letter facts; pure, so unit-tested. */
export function describeDeadLetter(
  position: number,
  message: Pick<GetMessage, 'content' | 'properties'>,
): { letter: DeadLetter; routingKey: string | null } {
  const headers = (message.properties.headers ?? {}) as Record<string, unknown>;
  const death = (Array.isArray(headers['x-death']) ? headers['x-death'][0] : undefined) as XDeath | undefined;
  let body: unknown = message.content.toString();
  try {
    body = JSON.parse(body as string);
  } catch {
    // Not JSON: shown as text.
  }
  const packet = body as { pattern?: unknown; data?: unknown } | null;
  const event = packet && typeof packet === 'object' && 'data' in packet ? packet.data : body;
  const pattern = packet && typeof packet === 'object' && typeof packet.pattern === 'string' ? packet.pattern : null;
  const routingKey = death?.['routing-keys']?.[0] ?? pattern;
  const seconds = typeof death?.time === 'number' ? death.time : death?.time?.value;
  return {
    letter: {
      position,
      messageId: (message.properties.messageId as string | undefined) ?? null,
      type: pattern ?? routingKey,
      diedIn: death?.queue ?? null,
      reason: death?.reason ?? null,
      deadLetteredAt: typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null,
      deaths: death?.count ?? 0,
      headers,
      event,
    },
    routingKey,
  };
}

/** Picks dead letters by 1-based position or message id. */
export function matchesReference(letter: DeadLetter, reference: string): boolean {
  return /^\d+$/.test(reference) ? letter.position === Number(reference) : letter.messageId === reference;
}

/** A service's dead letters, or `unrouted`: the events published while no queue was bound to their type. */
export type DeadLetterSource = ServiceName | 'unrouted';

/**
 * A service's dead-letter queue (`<service>.events.dlq`), or the unrouted queue: browse it without
 * losing anything, and replay chosen events to the events exchange with their original routing key.
 * A replayed event reaches every service bound to its type; those that applied it already skip it
 * (inbox).
 */
export class DeadLetterQueue {
  private constructor(
    private readonly connection: ChannelModel,
    readonly queue: string,
  ) {}

  static async open(rabbitmqUrl: string, source: DeadLetterSource): Promise<DeadLetterQueue> {
    const connection = await amqpConnect(rabbitmqUrl, AMQP_CONNECTION_OPTIONS);
    connection.on('error', () => undefined);
    const queue = source === 'unrouted' ? UNROUTED_QUEUE : deadLetterQueue(source);
    const probe = await connection.createChannel();
    probe.on('error', () => undefined);
    try {
      await probe.checkQueue(queue);
      await probe.close();
    } catch {
      await connection.close().catch(() => undefined);
      throw new Error(`${queue} does not exist on this broker: run \`npm run migrate\` (or start the platform) first`);
    }
    return new DeadLetterQueue(connection, queue);
  }

  /** Every dead letter, in queue order; they stay in the queue. */
  async list(): Promise<DeadLetter[]> {
    const channel = await this.connection.createChannel();
    try {
      return (await this.take(channel)).map(({ letter }) => letter);
    } finally {
      // Closing the channel returns every unacked message to the queue, in its place.
      await channel.close();
    }
  }

  /**
   * Republishes the chosen dead letters (publisher confirms) and only then removes them from the
   * queue; the others stay. Returns what was replayed.
   */
  async replay(choose: (letter: DeadLetter) => boolean): Promise<DeadLetter[]> {
    const browse = await this.connection.createChannel();
    const publish: ConfirmChannel = await this.connection.createConfirmChannel();
    try {
      const chosen = (await this.take(browse)).filter(({ letter }) => choose(letter));
      for (const { letter, message, routingKey } of chosen) {
        if (!routingKey) throw new Error(`dead letter #${letter.position} has no routing key to replay it with`);
        const headers = Object.fromEntries(
          Object.entries(letter.headers).filter(([name]) => !DEAD_LETTER_HEADERS.test(name)),
        );
        const { contentType, messageId, timestamp, correlationId, appId } = message.properties;
        publish.publish(EVENTS_EXCHANGE, routingKey, message.content, {
          contentType,
          messageId,
          timestamp,
          correlationId,
          appId,
          headers: { ...headers, 'x-replayed-from': this.queue },
          persistent: true,
        });
      }
      await publish.waitForConfirms();
      for (const { message } of chosen) browse.ack(message);
      return chosen.map(({ letter }) => letter);
    } finally {
      await publish.close();
      await browse.close();
    }
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => undefined);
  }

  private async take(
    channel: Channel,
  ): Promise<{ letter: DeadLetter; routingKey: string | null; message: GetMessage }[]> {
    const taken = [];
    for (let position = 1; position <= BROWSE_LIMIT; position += 1) {
      const message = await channel.get(this.queue, { noAck: false });
      if (!message) break;
      taken.push({ ...describeDeadLetter(position, message), message });
    }
    return taken;
  }
}
