import type { NumberRange } from '../options/validate.ts';

/**
 * The limits of every backoff's options, stated once. Delays are finite: a
 * backoff that could return Infinity (a cap of Infinity reached near retry
 * 1,100 by doubling) would make a retry give up as if a deadline had passed.
 */
export const backoffLimits = {
  /** baseMs, capMs, delayMs, initialMs, stepMs. */
  delayMs: { min: 0 },
  /** Growth per retry of an exponential backoff. */
  factor: { min: 1 },
} as const satisfies Record<string, NumberRange>;

/** Growth per retry when an exponential backoff does not say (Brooker's formula). */
export const defaultExponentialFactor = 2;
