import fc from 'fast-check';
import type { ParamSpecs, ParamValues } from '../../src/params/params.ts';

/** Narrower bounds for some number parameters, inside the declared ones. */
export type ParamBounds = Readonly<Record<string, { readonly min?: number; readonly max?: number }>>;

/**
 * Any valid set of values for a scenario, drawn from its own parameter
 * declarations (so a parameter added later is covered without touching the
 * tests), with optional tighter bounds that keep each run small.
 */
export function paramsArbitrary<S extends ParamSpecs>(specs: S, bounds: ParamBounds = {}): fc.Arbitrary<ParamValues<S>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, p] of Object.entries(specs)) {
    if (p.kind === 'number') {
      const min = Math.max(p.min, bounds[k]?.min ?? -Infinity);
      const max = Math.min(p.max, bounds[k]?.max ?? Infinity);
      if (!(min <= max)) throw new RangeError(`bounds for ${k} leave no valid value`);
      fields[k] = p.integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    } else if (p.kind === 'enum') {
      fields[k] = fc.constantFrom(...p.options);
    } else {
      fields[k] = fc.boolean();
    }
  }
  return fc.record(fields) as unknown as fc.Arbitrary<ParamValues<S>>;
}

/**
 * Bounds that keep a run of each scenario to a few milliseconds, for
 * properties checked over thousands of parameter sets. A scenario missing
 * here runs over its full declared ranges.
 */
export const smallRunBounds: Readonly<Record<string, ParamBounds>> = {
  'jitter-contention': { clients: { max: 40 } },
  // (retries + 1)^layers dependency calls per request in an outage: at most 6^6 · 4.
  'retry-amplification': { requests: { max: 4 } },
  'retry-budget': { clients: { max: 5 }, rate: { max: 20 }, duration: { max: 5 }, outageStart: { max: 5 }, outageDuration: { max: 5 } },
  queue: { requests: { max: 1000 } },
  'retry-storm': { duration: { max: 10 }, baseRate: { max: 50 }, spikeRate: { max: 100 }, spikeStart: { max: 5 }, spikeDuration: { max: 3 }, timeout: { max: 500 } },
  'breaker-outage': { rate: { max: 30 }, duration: { max: 12 }, outageStart: { max: 8 }, outageDuration: { max: 8 }, timeout: { max: 1000 } },
  'cascading-failure': { rate: { max: 60 }, duration: { max: 12 }, faultStart: { max: 8 }, faultDuration: { max: 8 }, addedLatency: { max: 2000 }, timeout: { max: 1000 } },
  // Load balancing and health checks (issue 4): a few hundred requests, keys or balls per run.
  'balls-into-bins': { requests: { max: 2000 }, backends: { max: 1000 } },
  supermarket: { backends: { max: 20 }, requests: { max: 300 } },
  'lb-heterogeneous': { backends: { max: 4 }, speedRatio: { max: 1.5 }, utilization: { max: 0.15 }, duration: { max: 10 }, faultStart: { max: 5 }, faultDuration: { max: 5 }, timeout: { max: 500 } },
  'consistent-hashing': { keys: { max: 300 }, backends: { max: 20 }, ringPoints: { max: 20 }, maglevTableSize: { max: 2000 } },
  // Failover, hedging and availability (issue 10): a few hundred requests, probes or failures per run.
  failover: { duration: { max: 10 }, rate: { max: 20 }, failAt: { max: 6 }, outage: { max: 6 }, interval: { min: 200, max: 1000 }, failbackHold: { max: 5 }, hostsPerLevel: { max: 3 } },
  hedging: { requests: { max: 300 } },
  availability: { years: { max: 2 }, mtbf: { min: 100 } },
  'fault-injection': { calls: { max: 300 } },
  'health-detection': { failures: { max: 2 }, rate: { max: 20 }, interval: { max: 500 }, timeout: { max: 200 }, jitter: { max: 100 }, healthyThreshold: { max: 3 }, unhealthyThreshold: { max: 3 }, backends: { max: 5 } },
  // Chaos engineering (issue 11): a few hundred edge requests; a 2 × 2 map of short retry-storm runs.
  'chaos-experiment': { rate: { max: 60 }, duration: { max: 10 }, faultStart: { max: 5 }, faultDuration: { max: 5 }, addedLatency: { max: 1000 } },
  metastability: { gridSize: { max: 2 }, duration: { max: 10 }, baseRate: { max: 50 }, minSpike: { max: 100 }, maxSpike: { max: 100 }, maxSpikeDuration: { max: 3 }, timeout: { max: 500 } },
  'metastability-cell': { duration: { max: 10 }, baseRate: { max: 50 }, spikeRate: { max: 100 }, spikeDuration: { max: 3 }, timeout: { max: 500 } },
};
