import type { NumberRange } from '../options/validate.ts';

/** Defaults of the balancers and their helpers, stated once (Envoy's where Envoy has one). */
export const balancerDefaults = {
  leastRequest: { choiceCount: 2, activeRequestBias: 1 },
  /** The smallest prime above 65 536, Envoy's default table size. */
  maglev: { tableSize: 65_537 },
  peakEwma: { decayTimeMs: 10_000 },
  ringHash: { pointsPerHost: 100, maxRingSize: 8_388_608 },
  slowStart: { aggression: 1, minWeightPercent: 10 },
  healthAware: { panicThresholdPercent: 50, failTrafficOnPanic: false },
} as const;

export const balancerLimits = {
  /** A host's weight. */
  weight: { above: 0 },
  /** choiceCount, pointsPerHost. */
  count: { min: 1, integer: true },
  activeRequestBias: { min: 0 },
  /** decayTimeMs, slow-start windowMs. */
  periodMs: { above: 0 },
  aggression: { above: 0 },
  minWeightPercent: { above: 0, max: 100 },
  panicThresholdPercent: { min: 0, max: 100 },
} as const satisfies Record<string, NumberRange>;
