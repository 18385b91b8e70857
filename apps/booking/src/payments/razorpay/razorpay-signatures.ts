import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Razorpay's two signatures, checked in constant time. They use DIFFERENT secrets:
 * Checkout's result is signed with the API key secret, webhooks with the webhook secret.
 */

/**
 * The signature Checkout hands the browser: HMAC-SHA256 hex of `order_id|payment_id` with the key
 * secret. Pass the order id stored when the order was created, not the one the browser echoes.
 */
export function verifyCheckoutSignature(
  result: { orderId: string; paymentId: string; signature: string | undefined },
  keySecret: string,
): boolean {
  const expected = createHmac('sha256', keySecret).update(`${result.orderId}|${result.paymentId}`).digest('hex');
  return hexEquals(result.signature, expected);
}

/**
 * `X-Razorpay-Signature`: HMAC-SHA256 hex of the raw request body bytes with the webhook secret.
 * Hash exactly what arrived; re-serialised JSON does not match.
 */
export function verifyWebhookSignature(
  rawBody: Buffer | string,
  signature: string | undefined,
  webhookSecret: string,
): boolean {
  const expected = createHmac('sha256', webhookSecret).update(rawBody).digest('hex');
  return hexEquals(signature, expected);
}

function hexEquals(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}
