/** Input limits of finance (in the booking service), shared by the gateway's DTOs and the service. */
export const FINANCE_LIMITS = {
  /** Widest window one reconciliation run covers. */
  maxReconciliationDays: 31,
  /** Far above any month's payout to one counselor (Rs 10 crore); keeps typos out of the ledger. */
  maxPayoutPaise: 10_000_000_000,
} as const;

/** A month as `YYYY-MM` (finance periods, earnings). */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A bank transfer's reference as a payout records it: 4–64 letters, digits, `/ _ . -`. */
export const PAYOUT_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/_.-]{3,63}$/;
