import { describe, expect, it } from 'vitest';
import { parseWebhookEvent } from './razorpay-types';

const envelope = {
  entity: 'event',
  account_id: 'acc_BFQ7uQEaa7j2z7',
  event: 'order.paid',
  contains: ['payment', 'order'],
  payload: { payment: { entity: { id: 'pay_1' } }, order: { entity: { id: 'order_1' } } },
  created_at: 1_567_674_606,
};

describe('parseWebhookEvent', () => {
  it('reads an event envelope from the raw body', () => {
    const event = parseWebhookEvent(Buffer.from(JSON.stringify(envelope)));
    expect(event.event).toBe('order.paid');
    expect(event.payload.order?.entity.id).toBe('order_1');
  });

  it('names what is wrong with a body that is not an event', () => {
    expect(() => parseWebhookEvent('{"entity":"order"}')).toThrow('entity must be "event"');
    expect(() => parseWebhookEvent(JSON.stringify({ ...envelope, event: undefined }))).toThrow('event is missing');
    expect(() => parseWebhookEvent(JSON.stringify({ ...envelope, payload: { payment: { entity: {} } } }))).toThrow(
      'payload.order.entity is missing',
    );
    expect(() => parseWebhookEvent('null')).toThrow(TypeError);
    expect(() => parseWebhookEvent('{oops')).toThrow(SyntaxError);
  });
});
