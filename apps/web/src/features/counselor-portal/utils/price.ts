/** The lowest price of a paid session, in rupees (free sessions are 0). */
export const MIN_PAID_RUPEES = 30;

/**
 * Rupees as a person types them ("500", "1,500", "49.50") → integer paise, or null when it is not an
 * amount (more than two decimals, letters, negative).
 */
export function rupeesToPaise(text: string): number | null {
  const cleaned = text.replace(/[₹,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.') as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Integer paise → the rupee text an input shows ("1500", "49.50"). */
export function paiseToRupeesText(paise: number): string {
  const whole = Math.floor(paise / 100);
  const rest = paise % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/** Why a typed price cannot be a session's price, or null when it can. */
export function priceProblem(free: boolean, text: string): string | null {
  if (free) return null;
  const paise = rupeesToPaise(text);
  if (paise === null) return 'Enter an amount in rupees, e.g. 500';
  if (paise < MIN_PAID_RUPEES * 100) return `Paid sessions start at ₹${MIN_PAID_RUPEES}; tick "Free" for a free one`;
  if (paise > 1_00_000_00) return 'At most ₹1,00,000';
  return null;
}
