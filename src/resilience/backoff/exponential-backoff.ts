import { checkNumber, checkOneOf } from '../options/validate.ts';
import type { Backoff } from './backoff.ts';
import { backoffLimits, defaultExponentialFactor } from './backoff-options.ts';

/**
 * How the exponential value v = min(cap, base · factor^retry) becomes a delay,
 * as in Brooker's "Exponential Backoff and Jitter" (AWS Architecture Blog, 2015):
 * - 'none':  v itself;
 * - 'full':  U(0, v), the most spread and, in his simulation, the least work;
 * - 'equal': v/2 + U(0, v/2), which keeps at least half the wait.
 */
export type ExponentialJitter = 'none' | 'full' | 'equal';

export interface ExponentialBackoffOptions {
  baseMs: number;
  /** Growth per retry; 2 unless said otherwise. */
  factor?: number;
  capMs: number;
  jitter: ExponentialJitter;
}

const jitters: readonly ExponentialJitter[] = ['none', 'full', 'equal'];

export function exponentialBackoff({ baseMs, factor = defaultExponentialFactor, capMs, jitter }: ExponentialBackoffOptions): Backoff {
  checkNumber('baseMs', baseMs, backoffLimits.delayMs);
  checkNumber('capMs', capMs, backoffLimits.delayMs);
  checkNumber('factor', factor, backoffLimits.factor);
  checkOneOf('jitter', jitter, jitters);
  // factor^retry overflows to Infinity after ~1000 retries; the cap keeps v finite
  // (and a zero base must stay 0 rather than become 0 · Infinity = NaN).
  const value = (retry: number) => (baseMs === 0 ? 0 : Math.min(capMs, baseMs * factor ** retry));
  switch (jitter) {
    case 'none':
      return ({ retry }) => value(retry);
    case 'full':
      return ({ retry, random }) => value(retry) * random();
    case 'equal':
      return ({ retry, random }) => {
        const half = value(retry) / 2;
        return half + half * random();
      };
  }
}
