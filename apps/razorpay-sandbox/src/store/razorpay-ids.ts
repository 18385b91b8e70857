import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export type RazorpayIdPrefix = 'order' | 'pay' | 'rfnd' | 'setl' | 'evt';

/** Razorpay's id format: a prefix, `_` and 14 alphanumerics (`order_EKwxwAgItmmXdp`). */
export function newRazorpayId(prefix: RazorpayIdPrefix): string {
  let suffix = '';
  for (let i = 0; i < 14; i += 1) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}_${suffix}`;
}
