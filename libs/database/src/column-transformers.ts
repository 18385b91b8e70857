import type { ValueTransformer } from 'typeorm';

/**
 * `bigint` columns (paise amounts) as JS numbers. pg returns bigint as a string; amounts in paise
 * stay far below 2^53, and a value beyond it is refused rather than silently rounded.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null) return null;
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new Error(`bigint ${value} does not fit a safe integer`);
    return number;
  },
};

/** `numeric` columns (pg returns them as strings) as JS numbers. */
export const numericNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
