import { createHmac } from 'node:crypto';

/** Wait before retry number `attempt` (1 = the first retry): doubling from `baseMs`, at most `maxMs`. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Razorpay's webhook signature: lowercase hex HMAC-SHA256 of the exact body bytes with the webhook
 * secret. Written here independently of the platform's verifier, so the two check each other.
 */
export function signWebhookBody(body: string, webhookSecret: string): string {
  return createHmac('sha256', webhookSecret).update(body, 'utf8').digest('hex');
}

/** What Checkout hands the browser: HMAC-SHA256 hex of `order_id|payment_id` with the key secret. */
export function signCheckoutResult(orderId: string, paymentId: string, keySecret: string): string {
  return createHmac('sha256', keySecret).update(`${orderId}|${paymentId}`, 'utf8').digest('hex');
}

/** A random order of `items` that is never the given one (for two or more items), so "shuffled" delivery is observably out of order. */
export function shuffledOrder<T>(items: T[], random: () => number = Math.random): T[] {
  if (items.length < 2) return [...items];
  const positions = items.map((_, index) => index);
  for (let i = positions.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [positions[i], positions[j]] = [positions[j], positions[i]];
  }
  if (positions.every((position, index) => position === index)) positions.reverse();
  return positions.map((position) => items[position]);
}
