import { SERVICE_NAMES, type ServiceName, subscribedEventTypes } from '@haven/contracts';
import { Transport, type RmqOptions } from '@nestjs/microservices';
import { type Channel, type ChannelModel, connect as amqpConnect, type Options } from 'amqplib';

/** Durable topic exchange every domain event is published to; the routing key is the event type. */
export const EVENTS_EXCHANGE = 'haven.events';
/** Where the events exchange sends what no queue is bound to, so an event nobody routes is kept. */
export const UNROUTED_EXCHANGE = 'haven.events.unrouted';
/**
 * The unrouted events, kept for inspection and replay (`npm run dlq -- list unrouted`) but bounded:
 * the newest `UNROUTED_MAX_EVENTS` for `UNROUTED_KEEP_MS` at most, so an event type nobody
 * subscribes to does not pile up in the broker forever. A new name, because RabbitMQ refuses to
 * redeclare an existing queue with other arguments: see `declareEventTopology` for the old one.
 */
export const UNROUTED_QUEUE = 'haven.events.unrouted.latest';
/** The unbounded unrouted queue of earlier versions: unbound on upgrade, deleted once empty. */
export const LEGACY_UNROUTED_QUEUE = 'haven.events.unrouted';
export const UNROUTED_MAX_EVENTS = 10_000;
export const UNROUTED_KEEP_MS = 7 * 24 * 3_600_000;
export const UNROUTED_QUEUE_OPTIONS: Options.AssertQueue = {
  durable: true,
  arguments: { 'x-max-length': UNROUTED_MAX_EVENTS, 'x-overflow': 'drop-head', 'x-message-ttl': UNROUTED_KEEP_MS },
};
export const EVENTS_EXCHANGE_ARGUMENTS = { 'alternate-exchange': UNROUTED_EXCHANGE };
/** Where a service's events go after their last failed attempt, one `<service>.events.dlq` queue each. */
export const DEAD_LETTER_EXCHANGE = 'haven.dead-letter';
/** Attempts before an event is dead-lettered (the quorum queue counts redeliveries for us). */
export const EVENT_DELIVERY_LIMIT = 5;
export const EVENT_PREFETCH = 20;
/** RPC requests a service works on at once; the rest wait in its queue (and expire there). */
export const RPC_PREFETCH = 16;

export const rpcQueue = (service: ServiceName): string => service;
export const eventsQueue = (service: ServiceName): string => `${service}.events`;
export const deadLetterQueue = (service: ServiceName): string => `${service}.events.dlq`;

/**
 * Socket options of every AMQP connection (amqplib's `connect`). `noDelay` turns Nagle's algorithm
 * off: with it on, a frame written after a partial one waits for the peer's delayed ACK (~40 ms), so
 * any message over a few KB (an RPC reply of slots, a search page) took 40+ ms longer than its work.
 */
export const AMQP_CONNECTION_OPTIONS = { noDelay: true };

/** How every amqp-connection-manager connection (Nest's RMQ client and server, the event publisher) connects. */
export const AMQP_MANAGER_OPTIONS = {
  heartbeatIntervalInSeconds: 5,
  reconnectTimeInSeconds: 1,
  connectionOptions: AMQP_CONNECTION_OPTIONS,
};

/** Options shared by the RPC server of a service and every client that calls it: they must agree. */
export function rpcQueueOptions(url: string, service: ServiceName): NonNullable<RmqOptions['options']> {
  return {
    urls: [url],
    queue: rpcQueue(service),
    queueOptions: { durable: true },
    persistent: false,
    // The client's direct reply-to needs auto-ack; the server overrides this (see rpcServerOptions).
    noAck: true,
    socketOptions: AMQP_MANAGER_OPTIONS,
  };
}

/**
 * The service side of RPC: a bounded prefetch and manual ack after the handler has answered, so a
 * replica that dies mid-request hands it back to the queue for another one.
 */
export function rpcServerOptions(url: string, service: ServiceName): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      ...rpcQueueOptions(url, service),
      noAck: false,
      prefetchCount: RPC_PREFETCH,
      maxConnectionAttempts: -1,
    },
  };
}

/** A service's event queue: quorum, a bounded number of redeliveries, then its dead-letter queue. */
export function eventsQueueOptions(service: ServiceName): Options.AssertQueue {
  return {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': EVENT_DELIVERY_LIMIT,
      'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
      'x-dead-letter-routing-key': eventsQueue(service),
    },
  };
}

/**
 * The service's own durable event queue on the topic exchange, consumed with manual ack. Declared
 * with exactly the arguments `assertEventTopology` uses, or the broker would refuse one of them.
 */
export function eventServerOptions(url: string, service: ServiceName): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [url],
      queue: eventsQueue(service),
      queueOptions: eventsQueueOptions(service),
      exchange: EVENTS_EXCHANGE,
      exchangeType: 'topic',
      exchangeArguments: EVENTS_EXCHANGE_ARGUMENTS,
      wildcards: true,
      noAck: false,
      prefetchCount: EVENT_PREFETCH,
      persistent: true,
      maxConnectionAttempts: -1,
      socketOptions: AMQP_MANAGER_OPTIONS,
    },
  };
}

/** The channel operations the topology needs (an amqplib channel or an amqp-connection-manager one). */
type TopologyChannel = Pick<Channel, 'assertExchange' | 'assertQueue' | 'bindQueue'>;
const NOT_FOUND = 404;

/**
 * Declares the whole event topology from the contracts: the events exchange and its alternate
 * exchange with the unrouted queue, the dead-letter exchange, and for every service its event
 * queue bound to the events it consumes (`EVENT_SUBSCRIPTIONS`) and its dead-letter queue.
 * Idempotent; every app runs it on connect, whichever starts first.
 */
export async function assertEventTopology(channel: TopologyChannel): Promise<void> {
  await channel.assertExchange(UNROUTED_EXCHANGE, 'fanout', { durable: true });
  await channel.assertQueue(UNROUTED_QUEUE, UNROUTED_QUEUE_OPTIONS);
  await channel.bindQueue(UNROUTED_QUEUE, UNROUTED_EXCHANGE, '');
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true, arguments: EVENTS_EXCHANGE_ARGUMENTS });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  for (const service of SERVICE_NAMES) {
    await channel.assertQueue(eventsQueue(service), eventsQueueOptions(service));
    for (const type of subscribedEventTypes(service)) {
      await channel.bindQueue(eventsQueue(service), EVENTS_EXCHANGE, type);
    }
    await channel.assertQueue(deadLetterQueue(service), { durable: true });
    await channel.bindQueue(deadLetterQueue(service), DEAD_LETTER_EXCHANGE, eventsQueue(service));
  }
}

const PRECONDITION_FAILED = 406;

/**
 * Connects once and declares the event topology, upgrading a broker set up by an older version:
 * - `haven.events` used to be declared without an alternate exchange, and RabbitMQ refuses to
 *   redeclare an exchange with other arguments (PRECONDITION_FAILED). The old exchange is then
 *   deleted and declared anew; deleting it drops only its bindings, which the topology restores at
 *   once (queued messages stay in their queues, and a publish that fails meanwhile is retried from
 *   the outbox).
 * - the unrouted events used to pile up in the unbounded `haven.events.unrouted` queue. The bounded
 *   one has a new name (redeclaring the old with a length limit would be refused too); the old one
 *   is unbound so it stops growing, and deleted once empty. What it still holds is left for an
 *   operator to read or purge, and logged with its count at every start until then.
 * Logs how many unrouted events are kept, when there are any: each is an event type no service
 * subscribes to (a missing subscription, or a type nobody needs yet).
 */
export async function declareEventTopology(url: string, log: (line: string) => void = () => undefined): Promise<void> {
  const connection = await amqpConnect(url, AMQP_CONNECTION_OPTIONS);
  connection.on('error', () => undefined);
  try {
    const probe = await connection.createChannel();
    probe.on('error', () => undefined);
    try {
      await probe.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true, arguments: EVENTS_EXCHANGE_ARGUMENTS });
      await probe.close();
    } catch (error) {
      if ((error as { code?: number }).code !== PRECONDITION_FAILED) throw error;
      log(`exchange ${EVENTS_EXCHANGE} predates its alternate exchange; declaring it anew (bindings are restored)`);
      const upgrade = await connection.createChannel();
      await upgrade.deleteExchange(EVENTS_EXCHANGE);
      await upgrade.close();
    }
    const channel = await connection.createChannel();
    await assertEventTopology(channel);
    const { messageCount: unrouted } = await channel.checkQueue(UNROUTED_QUEUE);
    await channel.close();
    if (unrouted > 0) {
      log(
        `${unrouted} event(s) no service subscribes to are kept in ${UNROUTED_QUEUE} (the newest ${UNROUTED_MAX_EVENTS}, ` +
          `for ${UNROUTED_KEEP_MS / 86_400_000} days): npm run dlq -- list unrouted`,
      );
    }
    await retireLegacyUnroutedQueue(connection, log);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function retireLegacyUnroutedQueue(connection: ChannelModel, log: (line: string) => void): Promise<void> {
  const legacy = await connection.createChannel();
  legacy.on('error', () => undefined);
  let messageCount: number;
  try {
    await legacy.unbindQueue(LEGACY_UNROUTED_QUEUE, UNROUTED_EXCHANGE, '');
    ({ messageCount } = await legacy.checkQueue(LEGACY_UNROUTED_QUEUE));
    // An app starting at the same time may delete it too: deleting is idempotent.
    if (messageCount === 0) await legacy.deleteQueue(LEGACY_UNROUTED_QUEUE, { ifEmpty: true });
    await legacy.close();
  } catch (error) {
    // Never declared on this broker, or retired already: nothing to do.
    if ((error as { code?: number }).code === NOT_FOUND) return;
    throw error;
  }
  log(
    messageCount === 0
      ? `the unbounded ${LEGACY_UNROUTED_QUEUE} queue was empty and is deleted; unrouted events go to ${UNROUTED_QUEUE}`
      : `the unbounded ${LEGACY_UNROUTED_QUEUE} queue of an earlier version still holds ${messageCount} unrouted ` +
          `event(s); it receives no more (they go to ${UNROUTED_QUEUE}): read them, then delete it ` +
          `(rabbitmqctl delete_queue ${LEGACY_UNROUTED_QUEUE})`,
  );
}
