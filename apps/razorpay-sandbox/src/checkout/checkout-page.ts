/**
 * The page standing in for Razorpay Checkout. It pays through POST /sandbox/orders/:id/pay, then
 * hands the result over as checkout.js would:
 * - to the window that opened it (popup) or embeds it (iframe), by `postMessage`:
 *   `{source: 'razorpay-sandbox', event: 'payment.success', response: {razorpay_order_id,
 *   razorpay_payment_id, razorpay_signature}}` or `{…, event: 'payment.failed', response: {error}}`;
 * - with `?callback_url=`, by navigating there after a success with the three fields added to its
 *   query string (Razorpay POSTs them as a form; a query string suits a single-page app).
 * A failure keeps the page open so the customer can try again, as Checkout does.
 */
export interface CheckoutPageView {
  orderId: string;
  amount: number;
  currency: string;
  receipt: string | null;
  paid: boolean;
  callbackUrl: string | null;
}

export function formatRupees(paise: number): string {
  return new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(paise / 100);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

export function renderCheckoutPage(view: CheckoutPageView): string {
  const amount = escapeHtml(formatRupees(view.amount));
  const data = { orderId: view.orderId, callbackUrl: view.callbackUrl };
  const actions = view.paid
    ? '<p>This order has already been paid.</p>'
    : `<div class="actions">
        <button type="button" data-outcome="success" data-method="upi">Pay ${amount} with UPI</button>
        <button type="button" data-outcome="success" data-method="card">Pay ${amount} with card</button>
        <button type="button" data-outcome="failure" data-method="upi" class="fail">Fail the payment</button>
      </div>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Pay ${amount} – Razorpay sandbox checkout</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6fb; color: #111; }
    main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: .5rem 1rem; }
    dt { font-weight: 600; }
    .actions { display: grid; gap: .75rem; margin-top: 1.5rem; }
    button { font: inherit; padding: .75rem 1rem; border-radius: 6px; border: 2px solid #1a4fd6; background: #1a4fd6; color: #fff; cursor: pointer; }
    button.fail { background: #fff; color: #9b1c1c; border-color: #9b1c1c; }
    button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    button:disabled { opacity: .6; cursor: wait; }
    [role=status] { min-height: 1.5rem; margin-top: 1rem; }
  </style>
</head>
<body>
  <main>
    <h1>Razorpay sandbox checkout</h1>
    <p>A stand-in for Razorpay Checkout: no money moves.</p>
    <dl>
      <dt>Amount</dt><dd>${amount}</dd>
      <dt>Order</dt><dd>${escapeHtml(view.orderId)}</dd>
      ${view.receipt === null ? '' : `<dt>Receipt</dt><dd>${escapeHtml(view.receipt)}</dd>`}
    </dl>
    ${actions}
    <p role="status" aria-live="polite" id="status"></p>
    <noscript><p>This page needs JavaScript, as Razorpay Checkout does.</p></noscript>
  </main>
  <script type="application/json" id="checkout-data">${scriptJson(data)}</script>
  <script>
    (function () {
      var data = JSON.parse(document.getElementById('checkout-data').textContent);
      var status = document.getElementById('status');
      var buttons = Array.prototype.slice.call(document.querySelectorAll('button[data-outcome]'));
      var targetOrigin = data.callbackUrl ? new URL(data.callbackUrl).origin : '*';
      function notify(event, response) {
        var message = { source: 'razorpay-sandbox', event: event, response: response };
        if (window.opener) window.opener.postMessage(message, targetOrigin);
        if (window.parent !== window) window.parent.postMessage(message, targetOrigin);
      }
      buttons.forEach(function (button) {
        button.addEventListener('click', function () {
          buttons.forEach(function (b) { b.disabled = true; });
          status.textContent = 'Processing payment…';
          fetch('/sandbox/orders/' + encodeURIComponent(data.orderId) + '/pay', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ outcome: button.dataset.outcome, method: button.dataset.method })
          })
            .then(function (res) { return res.json(); })
            .then(function (result) {
              if (result.razorpay_payment_id) {
                status.textContent = 'Payment successful: ' + result.razorpay_payment_id;
                notify('payment.success', result);
                if (data.callbackUrl) {
                  var target = new URL(data.callbackUrl);
                  ['razorpay_payment_id', 'razorpay_order_id', 'razorpay_signature'].forEach(function (key) {
                    target.searchParams.set(key, result[key]);
                  });
                  window.location.assign(target.toString());
                }
                return;
              }
              var paid = result.error && !result.error.metadata;
              status.textContent = 'Payment failed: ' + (result.error ? result.error.description : 'unknown error');
              if (!paid) notify('payment.failed', result);
              buttons.forEach(function (b) { b.disabled = paid; });
              if (!paid) buttons[0].focus();
            })
            .catch(function () {
              status.textContent = 'The sandbox could not be reached. Try again.';
              buttons.forEach(function (b) { b.disabled = false; });
            });
        });
      });
    })();
  </script>
</body>
</html>
`;
}
