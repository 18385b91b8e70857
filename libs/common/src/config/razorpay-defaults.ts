/**
 * The development credentials the Razorpay sandbox (apps/razorpay-sandbox) accepts and signs with.
 * They are public on purpose: a process holding them can only ever talk to the sandbox.
 */
export const SANDBOX_RAZORPAY_KEY_ID = 'rzp_test_havensandbox';
export const SANDBOX_RAZORPAY_KEY_SECRET = 'sandbox_key_secret_not_for_production';
export const SANDBOX_RAZORPAY_WEBHOOK_SECRET = 'sandbox_webhook_secret_not_for_production';
export const DEFAULT_RAZORPAY_SANDBOX_PORT = 4010;

/** Whether a key id is the sandbox's (or missing, which means the sandbox's default is used). */
export function isSandboxRazorpayKey(keyId: string | undefined): boolean {
  return keyId === undefined || keyId === '' || keyId === SANDBOX_RAZORPAY_KEY_ID;
}

/**
 * Where the Razorpay SDK sends API calls: RAZORPAY_API_URL when set; otherwise the local sandbox
 * when no real key is configured, and Razorpay itself (`undefined`: leave the SDK alone) when one is.
 */
export function resolveRazorpayApiUrl(env: {
  RAZORPAY_API_URL?: string;
  RAZORPAY_KEY_ID?: string;
  RAZORPAY_SANDBOX_PORT?: number | string;
}): string | undefined {
  if (env.RAZORPAY_API_URL) return env.RAZORPAY_API_URL.replace(/\/$/, '');
  if (!isSandboxRazorpayKey(env.RAZORPAY_KEY_ID)) return undefined;
  return `http://127.0.0.1:${env.RAZORPAY_SANDBOX_PORT || DEFAULT_RAZORPAY_SANDBOX_PORT}`;
}

/** Whether an API URL points at this machine, i.e. `npm start` must run the sandbox for it. */
export function isLocalUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
