import type { AmqpConnectionManager } from 'amqp-connection-manager';

/**
 * amqp-connection-manager emits 'error' on a channel wrapper whose setup failed: most often the
 * connection closing while the channel was being set up, in a broker outage ("Channel ended, no reply
 * will be forthcoming"). With no listener that emit throws inside a promise nobody awaits, an
 * unhandled rejection, which ends a Node process. Nest's RabbitMQ client and server add no listener;
 * this adds one to every channel the manager creates. The setup runs again on the next connect.
 */
export function reportChannelErrors(
  manager: AmqpConnectionManager,
  warn: (line: string) => void,
): AmqpConnectionManager {
  const createChannel = manager.createChannel.bind(manager);
  manager.createChannel = (options) => {
    const channel = createChannel(options);
    channel.on('error', (error: Error) =>
      warn(`setting up a channel failed: ${error.message}; it is set up again on reconnect`),
    );
    return channel;
  };
  return manager;
}
