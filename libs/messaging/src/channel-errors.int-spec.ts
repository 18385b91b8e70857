import { waitFor } from '@haven/testing';
import amqp from 'amqp-connection-manager';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { reportChannelErrors } from './channel-errors';

describe('a channel whose setup is cut short (the broker going away mid-setup)', () => {
  it('is logged, instead of being an unhandled rejection that would end the process', async () => {
    const unhandled: unknown[] = [];
    const recordUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', recordUnhandled);
    const warnings: string[] = [];
    const manager = reportChannelErrors(amqp.connect([inject('rabbitmqUrl')]), (line) => warnings.push(line));
    try {
      manager.createChannel({
        setup: () => Promise.reject(new Error('Channel ended, no reply will be forthcoming')),
      });
      await waitFor(() => (warnings.length > 0 ? true : undefined), { what: 'the failed setup to be logged' });
      await sleep(100);

      expect(warnings[0]).toBe(
        'setting up a channel failed: Channel ended, no reply will be forthcoming; it is set up again on reconnect',
      );
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', recordUnhandled);
      await manager.close();
    }
  });
});
