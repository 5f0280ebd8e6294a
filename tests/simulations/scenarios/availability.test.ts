import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { availabilityFromMtbf, failoverAvailability, parallelAvailability, serialAvailability } from '../../../src/resilience/availability/index.ts';
import { availabilityScenario, type AvailabilityParams } from '../../../simulations/scenarios/availability.ts';

const base: AvailabilityParams = defaultValues(availabilityScenario.params);

/**
 * Tolerance for a measured unavailability U made of `outages` roughly
 * independent outages: their number and lengths both vary, so U's relative
 * standard error is about √(2 / outages); allow 5 of them.
 */
const tolerance = (unavailability: number, outages: number) => 5 * unavailability * Math.sqrt(2 / Math.max(1, outages));

describe('availability scenario against the closed forms', () => {
  it.each([2, 3])('%i independent parallel replicas with no gap: 1 − (1 − A)^n within statistical error', (replicas) => {
    const p = { ...base, replicas, mtbf: 10, mttr: 180, failoverMs: 0, years: 100 };
    const r = availabilityScenario.run(p, 11);
    const a = availabilityFromMtbf(10, 3);
    const closed = parallelAvailability(new Array<number>(replicas).fill(a));
    expect(r.summary.theory).toBeCloseTo(closed, 12);
    expect(Math.abs(r.summary.availability - closed)).toBeLessThan(tolerance(1 - closed, r.summary.outages));
  });

  it('replicas in series: A^n within statistical error', () => {
    const r = availabilityScenario.run({ ...base, topology: 'serial', replicas: 3, mtbf: 10, mttr: 60, years: 50 }, 12);
    const a = availabilityFromMtbf(10, 1);
    const closed = serialAvailability([a, a, a]);
    expect(Math.abs(r.summary.availability - closed)).toBeLessThan(tolerance(1 - closed, r.summary.outages));
  });

  it('a failover gap costs what failoverAvailability says, within statistical error', () => {
    const r = availabilityScenario.run({ ...base, replicas: 2, mtbf: 10, mttr: 120, failoverMs: 120_000, years: 100 }, 13);
    const closed = failoverAvailability(2, 10, 2, 120_000 / 3_600_000);
    expect(Math.abs(r.summary.availability - closed)).toBeLessThan(tolerance(1 - closed, r.summary.outages));
    expect(r.summary.availability).toBeLessThan(parallelAvailability([availabilityFromMtbf(10, 2), availabilityFromMtbf(10, 2)]));
  });

  it('the probes agree with the time fraction, and the drawn window is consistent', () => {
    const r = availabilityScenario.run({ ...base, mtbf: 10, mttr: 120, failoverMs: 0 }, 14);
    expect(Math.abs(r.summary.succeeded / r.summary.requests - r.summary.availability)).toBeLessThan(0.01);
    for (const replica of r.timeline.replicas) {
      for (const [s, e] of replica.down) {
        expect(e).toBeGreaterThanOrEqual(s);
        expect(e).toBeLessThanOrEqual(r.timeline.windowHours);
      }
    }
    const minutes = r.downtimeByYear.reduce((a, b) => a + b, 0);
    expect(minutes / r.summary.horizonYears).toBeCloseTo(r.summary.downtimeMinutesPerYear, 6);
  });
});
