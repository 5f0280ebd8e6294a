import { describe, expect, it } from 'vitest';
import {
  ActivePassiveFailover,
  EndpointFailover,
  HedgingCore,
  HedgingPolicy,
  PercentileHedgingDelay,
  PriorityFailover,
  availabilityFromMtbf,
  failoverAvailability,
  fixedHedgingDelay,
  nPlusKAvailability,
  parallelAvailability,
  priorityLoad,
} from '../../../src/resilience/index.ts';

/** Failover, hedging and availability refuse a bad option with a RangeError naming it, its value and the allowed range. */
const cases: Array<[string, () => unknown, string]> = [
  ['priority level size', () => new PriorityFailover([2, 0]), 'hosts of level 1 must be an integer >= 1, got 0'],
  [
    'overprovisioning factor',
    () => priorityLoad([{ hosts: 1, healthy: 1, degraded: 0 }], { overprovisioningFactor: 0 }),
    'overprovisioningFactor must be a finite number > 0, got 0',
  ],
  ['panic threshold', () => new PriorityFailover([1], { panicThresholdPercent: 120 }), 'panicThresholdPercent must be a finite number in [0, 100], got 120'],
  ['failback hold', () => new ActivePassiveFailover({ hosts: 2, failbackHoldMs: -1 }), 'failbackHoldMs must be a finite number >= 0, got -1'],
  ['endpoints', () => new EndpointFailover({ endpoints: 0, coolDownMs: 1 }), 'endpoints must be an integer >= 1, got 0'],
  ['cool-down', () => new EndpointFailover({ endpoints: 1, coolDownMs: Infinity }), 'coolDownMs must be a finite number >= 0, got Infinity'],
  ['hedging maxAttempts', () => new HedgingCore({ maxAttempts: 0, delay: fixedHedgingDelay(1) }), 'maxAttempts must be an integer >= 1, got 0'],
  ['hedging delay', () => fixedHedgingDelay(-1), 'delayMs must be a number >= 0 or Infinity, got -1'],
  ['hedging resolution', () => new HedgingPolicy({ resolutionMs: 0 }), 'resolutionMs must be a finite number > 0, got 0'],
  ['hedging percentile', () => new PercentileHedgingDelay({ percentile: 100 }), 'percentile must be a finite number in (0, 100), got 100'],
  ['hedging window', () => new PercentileHedgingDelay({ percentile: 50, windowSize: 0.5 }), 'windowSize must be an integer >= 1, got 0.5'],
  ['MTBF', () => availabilityFromMtbf(0, 1), 'MTBF must be a finite number > 0, got 0'],
  ['availability', () => parallelAvailability([1.5]), 'availability must be a finite number in [0, 1], got 1.5'],
  ['N+k spare', () => nPlusKAvailability(1, 0.5, 0.9), 'spare must be an integer >= 0, got 0.5'],
  ['failover gap', () => failoverAvailability(2, 10, 1, NaN), 'failover gap must be a finite number >= 0, got NaN'],
];

describe('failover, hedging and availability option messages', () => {
  it.each(cases)('%s', (_, make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });
});
