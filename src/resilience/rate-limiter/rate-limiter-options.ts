import type { NumberRange } from '../options/validate.ts';

/** Defaults of the rate limiter, stated once. */
export const rateLimiterDefaults = {
  /** Reject at once rather than wait for a token. */
  maxWaitMs: 0,
} as const;

/** Allowed ranges; initialTokens lies in [0, burst], checked against the burst given. */
export const rateLimiterLimits = {
  ratePerSecond: { above: 0 },
  burst: { min: 1 },
  /** Infinity: wait as long as it takes. */
  maxWaitMs: { min: 0, infinity: true },
} as const satisfies Record<string, NumberRange>;
