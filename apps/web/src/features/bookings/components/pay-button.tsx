import { useState } from 'react';
import { formatRupees } from '@/lib/format';
import type { Booking } from '../api/bookings';

type CheckoutResult = { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string };

interface RazorpayCheckout {
  open(): void;
  on(event: 'payment.failed', handler: (response: { error: { description?: string } }) => void): void;
}
declare global {
  interface Window {
    Razorpay?: new (options: Record<string, unknown>) => RazorpayCheckout;
  }
}

const CHECKOUT_JS = 'https://checkout.razorpay.com/v1/checkout.js';

function loadCheckoutJs(): Promise<void> {
  if (window.Razorpay) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHECKOUT_JS;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Could not load Razorpay Checkout'));
    document.head.append(script);
  });
}

interface Props {
  booking: Booking;
  /** With real Razorpay keys: what Checkout handed back, to post to payment/verify. */
  onPaid: (result: { razorpayOrderId: string; razorpayPaymentId: string; razorpaySignature: string }) => void;
}

/**
 * Pays a hold. With the sandbox (the API gives `payment.checkoutUrl`) the browser goes to its
 * Checkout page, which comes back here with the result in the query string; with real keys
 * Razorpay's checkout.js opens over this page and hands the result to `onPaid`.
 */
export function PayButton({ booking, onPaid }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const payment = booking.payment;
  if (!payment) return null;

  const pay = async () => {
    setProblem(null);
    if (payment.checkoutUrl) {
      const back = `${window.location.origin}/bookings/${booking.id}`;
      window.location.assign(`${payment.checkoutUrl}?callback_url=${encodeURIComponent(back)}`);
      return;
    }
    setOpening(true);
    try {
      await loadCheckoutJs();
      const checkout = new window.Razorpay!({
        key: payment.keyId,
        order_id: payment.orderId,
        amount: payment.amountPaise,
        currency: payment.currency,
        name: 'Haven',
        description: 'Counseling session',
        handler: (result: CheckoutResult) =>
          onPaid({
            razorpayOrderId: result.razorpay_order_id,
            razorpayPaymentId: result.razorpay_payment_id,
            razorpaySignature: result.razorpay_signature,
          }),
        modal: { ondismiss: () => setOpening(false) },
      });
      checkout.on('payment.failed', (response) =>
        setProblem(response.error.description ?? 'The payment did not go through. You can try again.'),
      );
      checkout.open();
    } catch {
      setProblem('Could not open the payment window. Check your connection and try again.');
      setOpening(false);
    }
  };

  return (
    <>
      <button type="button" className="button button-large" onClick={() => void pay()} disabled={opening}>
        Pay {formatRupees(payment.amountPaise)}
      </button>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
