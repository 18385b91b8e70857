import type { ServiceName } from '@haven/contracts';
import { Transport, type RmqOptions } from '@nestjs/microservices';

/** Durable topic exchange every domain event is published to; the routing key is the event type. */
export const EVENTS_EXCHANGE = 'haven.events';
/** Where a service's events go after their last failed attempt, one `<service>.events.dlq` queue each. */
export const DEAD_LETTER_EXCHANGE = 'haven.dead-letter';
/** Attempts before an event is dead-lettered (the quorum queue counts redeliveries for us). */
export const EVENT_DELIVERY_LIMIT = 5;
export const EVENT_PREFETCH = 20;

export const rpcQueue = (service: ServiceName): string => service;
export const eventsQueue = (service: ServiceName): string => `${service}.events`;
export const deadLetterQueue = (service: ServiceName): string => `${service}.events.dlq`;

/** Options shared by the RPC server of a service and every client that calls it: they must agree. */
export function rpcQueueOptions(url: string, service: ServiceName): NonNullable<RmqOptions['options']> {
  return {
    urls: [url],
    queue: rpcQueue(service),
    queueOptions: { durable: true },
    persistent: false,
    // Direct reply-to needs auto-ack; RPC requests carry an expiration instead of being redelivered.
    noAck: true,
    socketOptions: { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 },
  };
}

export function rpcServerOptions(url: string, service: ServiceName): RmqOptions {
  return { transport: Transport.RMQ, options: { ...rpcQueueOptions(url, service), maxConnectionAttempts: -1 } };
}

/**
 * The service's own durable event queue on the topic exchange: manual ack, a bounded number of
 * redeliveries counted by the broker (quorum queue `x-delivery-limit`), then the dead-letter queue.
 */
export function eventServerOptions(url: string, service: ServiceName): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [url],
      queue: eventsQueue(service),
      queueOptions: {
        durable: true,
        arguments: {
          'x-queue-type': 'quorum',
          'x-delivery-limit': EVENT_DELIVERY_LIMIT,
          'x-dead-letter-exchange': DEAD_LETTER_EXCHANGE,
          'x-dead-letter-routing-key': eventsQueue(service),
        },
      },
      exchange: EVENTS_EXCHANGE,
      exchangeType: 'topic',
      wildcards: true,
      noAck: false,
      prefetchCount: EVENT_PREFETCH,
      persistent: true,
      maxConnectionAttempts: -1,
      socketOptions: { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 },
    },
  };
}
