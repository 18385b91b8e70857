import { describe, expect, it } from 'vitest';
import { formatRupees, renderCheckoutPage } from './checkout-page';

const view = { orderId: 'order_A', amount: 29935, currency: 'INR', receipt: null, paid: false, callbackUrl: null };

describe('checkout page', () => {
  it('shows the amount in rupees and offers UPI, card and failure as buttons', () => {
    expect(formatRupees(29935)).toBe('₹299.35');
    const html = renderCheckoutPage(view);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Pay ₹299.35 with UPI');
    expect(html).toContain('Pay ₹299.35 with card');
    expect(html).toContain('Fail the payment');
    expect(html).toContain('aria-live="polite"');
  });

  it('escapes the receipt and keeps the callback URL from closing the script', () => {
    const html = renderCheckoutPage({
      ...view,
      receipt: '<img src=x>',
      callbackUrl: 'http://a.test/</script><script>alert(1)</script>',
    });
    expect(html).not.toContain('<img src=x>');
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it('offers no payment for a paid order', () => {
    const html = renderCheckoutPage({ ...view, paid: true });
    expect(html).toContain('already been paid');
    expect(html).not.toContain('<button');
  });
});
