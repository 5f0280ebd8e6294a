import { hedgingSpec } from '../../../../simulations/scenarios/specs/hedging.ts';

const p = hedgingSpec.params;

/**
 * The hiccup model of The Tail at Scale (every attempt fast, now and then
 * very slow), the hedging policy, and the server's capacity. One attempt in
 * twenty hits a hiccup by default, so the slow requests show in the 99th
 * percentile without hedging and move beyond it with hedging.
 */
export const hedgingSpecs = {
  hedgeDelay: p.hedgeDelay,
  hedgePercentile: p.hedgePercentile,
  maxAttempts: p.maxAttempts,
  budget: p.budget,
  fastMs: p.fastMs,
  slowMs: p.slowMs,
  slowFraction: { ...p.slowFraction, default: 0.05 },
  workers: p.workers,
  rate: p.rate,
};

export type HedgingSpecs = typeof hedgingSpecs;
