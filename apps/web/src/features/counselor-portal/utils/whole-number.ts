import { z } from 'zod';

/**
 * A whole number typed into a text or number input. An empty input is "missing", not 0 (which is
 * what a bare `z.coerce.number()` would make of it).
 */
export function wholeNumber(min: number, max: number, unit: string) {
  return z.preprocess(
    (value: string | number) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce
      .number({ message: `Enter a number of ${unit}` })
      .int(`Enter whole ${unit}`)
      .min(min, `At least ${min}`)
      .max(max, `At most ${max}`),
  );
}
