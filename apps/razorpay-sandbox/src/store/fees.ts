/**
 * The sandbox's fee on a captured payment: 2 % of the amount plus 18 % GST on that, in paise.
 * `fee` includes `tax`, as in Razorpay's payment entity and recon rows.
 */
export function paymentFee(amount: number): { fee: number; tax: number } {
  const base = Math.round(amount * 0.02);
  const tax = Math.round(base * 0.18);
  return { fee: base + tax, tax };
}
