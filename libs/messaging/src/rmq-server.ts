import { Logger } from '@nestjs/common';
import { type RmqOptions, ServerRMQ } from '@nestjs/microservices';
import type { Channel } from 'amqplib';

/**
 * Nest's RabbitMQ server starts consuming without awaiting `channel.consume()`. When the broker goes
 * away while a channel is being set up, that promise rejects ("Channel ended, no reply will be
 * forthcoming") with nobody listening, and an unhandled rejection ends a Node process. Here the
 * rejection is caught and logged; amqp-connection-manager sets the channel up again on reconnect.
 */
export class ResilientServerRMQ extends ServerRMQ {
  private readonly setupLogger = new Logger('RmqServer');

  constructor(options: RmqOptions['options']) {
    super(options ?? {});
  }

  override async setupChannel(channel: Channel, callback: () => void): Promise<void> {
    const logger = this.setupLogger;
    const guarded = new Proxy(channel, {
      get(target, property, receiver) {
        if (property === 'consume') {
          return (...args: Parameters<Channel['consume']>) => {
            const consuming = target.consume(...args);
            consuming.catch((error: Error) =>
              logger.warn(`consuming ${args[0]} stopped before it began: ${error.message}; it resumes on reconnect`),
            );
            return consuming;
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return super.setupChannel(guarded, callback);
  }
}

/** The options of a server, as the strategy Nest runs. */
export function resilientRmqServer(options: RmqOptions): { strategy: ResilientServerRMQ } {
  return { strategy: new ResilientServerRMQ(options.options) };
}
