import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs, shuffledOrder, signCheckoutResult, signWebhookBody } from './webhook-schedule';

describe('webhook retry schedule', () => {
  it('doubles from the base delay up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 100, 1000))).toEqual([100, 200, 400, 800, 1000]);
  });
});

describe('signatures the sandbox produces', () => {
  it('signs webhooks over the exact body with the webhook secret and checkout results over order|payment', () => {
    expect(signWebhookBody('{"a":1}', 'w')).toBe(createHmac('sha256', 'w').update('{"a":1}').digest('hex'));
    expect(signCheckoutResult('order_A', 'pay_B', 'k')).toBe(
      createHmac('sha256', 'k').update('order_A|pay_B').digest('hex'),
    );
  });
});

describe('shuffledOrder', () => {
  it('keeps every item and never returns the original order', () => {
    const items = ['a', 'b', 'c'];
    for (let seed = 0; seed < 50; seed += 1) {
      const shuffled = shuffledOrder(items);
      expect([...shuffled].sort()).toEqual(items);
      expect(shuffled).not.toEqual(items);
    }
    expect(shuffledOrder(['a', 'b'], () => 0.99)).toEqual(['b', 'a']);
    expect(shuffledOrder(['only'])).toEqual(['only']);
  });
});
