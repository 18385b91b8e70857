import { describe, expect, it } from 'vitest';
import { describeDeadLetter, matchesReference } from './dead-letter-queue';
import { parseDlqCommand } from './dlq-command';

describe('parseDlqCommand', () => {
  it('reads list, show and replay', () => {
    expect(parseDlqCommand(['list', 'booking'])).toEqual({ action: 'list', service: 'booking' });
    expect(parseDlqCommand(['show', 'booking', '2'])).toEqual({ action: 'show', service: 'booking', reference: '2' });
    expect(parseDlqCommand(['replay', 'accounts', '--all'])).toEqual({
      action: 'replay',
      service: 'accounts',
      reference: 'all',
    });
    expect(parseDlqCommand(['list', 'unrouted'])).toEqual({ action: 'list', service: 'unrouted' });
    expect(parseDlqCommand(['replay', 'accounts', 'abc'])).toEqual({
      action: 'replay',
      service: 'accounts',
      reference: 'abc',
    });
  });

  it('names what is wrong', () => {
    expect(parseDlqCommand([])).toMatchObject({ problem: expect.stringContaining('usage:') });
    expect(parseDlqCommand(['purge', 'booking'])).toMatchObject({
      problem: expect.stringContaining('unknown action "purge"'),
    });
    expect(parseDlqCommand(['list'])).toMatchObject({ problem: expect.stringContaining('needs a service') });
    expect(parseDlqCommand(['list', 'billing'])).toMatchObject({
      problem: expect.stringContaining('unknown service "billing"'),
    });
    expect(parseDlqCommand(['show', 'booking'])).toMatchObject({
      problem: 'show needs a position (1, 2, …) or a message id',
    });
    expect(parseDlqCommand(['show', 'booking', '--all'])).toMatchObject({
      problem: expect.stringContaining('not --all'),
    });
    expect(parseDlqCommand(['replay', 'booking'])).toMatchObject({ problem: expect.stringContaining('--all') });
    expect(parseDlqCommand(['replay', 'booking', '1', '2'])).toMatchObject({
      problem: expect.stringContaining('unexpected "2"'),
    });
  });
});

describe('describeDeadLetter', () => {
  const envelope = { id: 'e1', type: 'counselor.approved', data: { applicationId: 'a1' } };

  it('reads the broker’s x-death facts and the event it carries', () => {
    const { letter, routingKey } = describeDeadLetter(3, {
      content: Buffer.from(JSON.stringify({ pattern: 'counselor.approved', data: envelope })),
      properties: {
        messageId: 'e1',
        headers: {
          'x-death': [
            {
              queue: 'booking.events',
              reason: 'delivery_limit',
              count: 1,
              time: { '!': 'timestamp', value: 1_764_800_000 },
              'routing-keys': ['counselor.approved'],
            },
          ],
        },
      } as never,
    });
    expect(routingKey).toBe('counselor.approved');
    expect(letter).toMatchObject({
      position: 3,
      messageId: 'e1',
      type: 'counselor.approved',
      diedIn: 'booking.events',
      reason: 'delivery_limit',
      deaths: 1,
      deadLetteredAt: new Date(1_764_800_000_000).toISOString(),
      event: envelope,
    });
    expect(matchesReference(letter, '3')).toBe(true);
    expect(matchesReference(letter, 'e1')).toBe(true);
    expect(matchesReference(letter, '2')).toBe(false);
  });

  it('copes with a body that is not an envelope and no x-death', () => {
    const { letter, routingKey } = describeDeadLetter(1, {
      content: Buffer.from('not json'),
      properties: { headers: {} } as never,
    });
    expect(routingKey).toBeNull();
    expect(letter).toMatchObject({ messageId: null, type: null, reason: null, deaths: 0, event: 'not json' });
  });
});
