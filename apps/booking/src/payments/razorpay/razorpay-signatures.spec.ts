import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyCheckoutSignature, verifyWebhookSignature } from './razorpay-signatures';

const KEY_SECRET = 'key-secret';
const WEBHOOK_SECRET = 'webhook-secret';
const hmac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');

describe('verifyCheckoutSignature', () => {
  const result = { orderId: 'order_EKwxwAgItmmXdp', paymentId: 'pay_29QQoUBi66xm2f' };
  const signature = hmac(KEY_SECRET, 'order_EKwxwAgItmmXdp|pay_29QQoUBi66xm2f');

  it('accepts the HMAC of order_id|payment_id with the key secret', () => {
    expect(verifyCheckoutSignature({ ...result, signature }, KEY_SECRET)).toBe(true);
  });

  it('refuses the payment and order ids swapped, another order, or the webhook secret', () => {
    expect(
      verifyCheckoutSignature(
        { ...result, signature: hmac(KEY_SECRET, 'pay_29QQoUBi66xm2f|order_EKwxwAgItmmXdp') },
        KEY_SECRET,
      ),
    ).toBe(false);
    expect(verifyCheckoutSignature({ ...result, orderId: 'order_OtherOrder0001', signature }, KEY_SECRET)).toBe(false);
    expect(verifyCheckoutSignature({ ...result, signature }, WEBHOOK_SECRET)).toBe(false);
  });

  it('refuses missing, truncated, non-hex and multi-byte signatures without throwing', () => {
    for (const bad of [
      undefined,
      '',
      signature.slice(0, 63),
      `${signature}0`,
      'é'.repeat(32),
      signature.toUpperCase(),
    ]) {
      expect(verifyCheckoutSignature({ ...result, signature: bad }, KEY_SECRET)).toBe(false);
    }
  });
});

describe('verifyWebhookSignature', () => {
  const raw = '{"entity":"event","event":"payment.captured","payload":{"payment":{"entity":{"id":"pay_1"}}}}';

  it('accepts the HMAC of the exact raw bytes with the webhook secret, as a Buffer or a string', () => {
    const signature = hmac(WEBHOOK_SECRET, raw);
    expect(verifyWebhookSignature(Buffer.from(raw), signature, WEBHOOK_SECRET)).toBe(true);
    expect(verifyWebhookSignature(raw, signature, WEBHOOK_SECRET)).toBe(true);
  });

  it('refuses re-serialised JSON, the key secret, and a missing header', () => {
    const signature = hmac(WEBHOOK_SECRET, raw);
    const reformatted = JSON.stringify(JSON.parse(raw), null, 1);
    expect(verifyWebhookSignature(reformatted, signature, WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, hmac(KEY_SECRET, raw), WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, undefined, WEBHOOK_SECRET)).toBe(false);
  });
});
