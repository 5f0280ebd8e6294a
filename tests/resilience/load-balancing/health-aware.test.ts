import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancerNames, createBalancer } from '../../../src/resilience/load-balancing/create-balancer.ts';
import { HealthAwareBalancer, type HealthFlag } from '../../../src/resilience/load-balancing/health-aware.ts';
import { uniformHosts, weightedHosts } from '../../../src/resilience/load-balancing/host.ts';

/** Picks and immediately completes a request, so load-tracking balancers stay balanced. */
function pickAndFinish(lb: HealthAwareBalancer, now: number, random: () => number, key?: number): number {
  const h = lb.pick(now, random, key);
  if (h >= 0) {
    lb.onStart(h, now);
    lb.onEnd(h, now, 1, true);
  }
  return h;
}

const noDraw = () => {
  throw new Error('a pick that goes nowhere must not draw');
};

const op = fc.record({
  host: fc.nat(),
  flag: fc.constantFrom<HealthFlag>('active-check', 'outlier'),
  failed: fc.boolean(),
});

describe('HealthAwareBalancer', () => {
  for (const name of balancerNames) {
    it(`${name}: never picks an unavailable host while the available share is at or above the panic threshold`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 30 }), fc.integer({ min: 0, max: 100 }), fc.nat(), (n, ops, threshold, seed) => {
          const lb = new HealthAwareBalancer(createBalancer(name, weightedHosts(Array.from({ length: n }, (_, i) => 1 + (i % 3))), { tableSize: 251 }), { panicThresholdPercent: threshold });
          const random = randomLcg(seed % 1000);
          let now = 0;
          for (const { host, flag, failed } of ops) {
            lb.setFailed(host % n, flag, failed, ++now);
            const availableShare = (100 * lb.availableCount) / n;
            expect(lb.panicking).toBe(availableShare < threshold);
            for (let i = 0; i < 10; i++) {
              const h = pickAndFinish(lb, now, random, i * 7919);
              if (lb.panicking) expect(h).toBeGreaterThanOrEqual(0);
              else if (lb.availableCount === 0) expect(h).toBe(-1);
              else expect(lb.isAvailable(h)).toBe(true);
            }
          }
        }),
        { numRuns: 40 },
      );
    });

    it(`${name}: in panic, spreads traffic over every host, healthy or not`, () => {
      const n = 6;
      const lb = new HealthAwareBalancer(createBalancer(name, uniformHosts(n), { tableSize: 251 }), { panicThresholdPercent: 50 });
      for (const h of [0, 1, 2, 3]) lb.setFailed(h, 'active-check', true, 0);
      expect(lb.panicking).toBe(true);
      const random = randomLcg(3);
      const seen = new Set<number>();
      for (let i = 0; i < 600; i++) seen.add(pickAndFinish(lb, 0, random));
      expect(seen.size).toBe(n);
    });
  }

  it('needs both flags cleared for a host to be available again', () => {
    const lb = new HealthAwareBalancer(createBalancer('round-robin', uniformHosts(4)));
    lb.setFailed(2, 'active-check', true, 0);
    lb.setFailed(2, 'outlier', true, 0);
    lb.setFailed(2, 'active-check', false, 1);
    expect(lb.isAvailable(2)).toBe(false);
    expect(lb.availableCount).toBe(3);
    lb.setFailed(2, 'outlier', false, 2);
    expect(lb.isAvailable(2)).toBe(true);
    expect(lb.availableCount).toBe(4);
  });

  it('panics strictly below the threshold: exactly 50% available is not panic', () => {
    const lb = new HealthAwareBalancer(createBalancer('random', uniformHosts(4)), { panicThresholdPercent: 50 });
    lb.setFailed(0, 'outlier', true, 0);
    lb.setFailed(1, 'outlier', true, 0);
    expect(lb.panicking).toBe(false);
    lb.setFailed(2, 'outlier', true, 0);
    expect(lb.panicking).toBe(true);
  });

  it('returns -1 with no available host and panic disabled, and with failTrafficOnPanic', () => {
    const off = new HealthAwareBalancer(createBalancer('random', uniformHosts(2)), { panicThresholdPercent: 0 });
    off.setFailed(0, 'active-check', true, 0);
    off.setFailed(1, 'active-check', true, 0);
    expect(off.pick(0, noDraw)).toBe(-1);
    const fail = new HealthAwareBalancer(createBalancer('random', uniformHosts(4)), { failTrafficOnPanic: true });
    for (const h of [0, 1, 2]) fail.setFailed(h, 'outlier', true, 0);
    expect(fail.panicking).toBe(true);
    expect(fail.pick(0, noDraw)).toBe(-1);
  });

  it('starts a recovered host in slow start from the moment it is available again', () => {
    const lb = new HealthAwareBalancer(createBalancer('least-request', uniformHosts(2), { slowStart: { windowMs: 1000, minWeightPercent: 10 } }));
    lb.setFailed(1, 'active-check', true, 0);
    lb.setFailed(1, 'active-check', false, 5000);
    const counts = [0, 0];
    for (let i = 0; i < 1100; i++) counts[pickAndFinish(lb, 5100, randomLcg(0))]++;
    // 100 ms into a 1 s window: 10% weight, so 1 pick in 11.
    expect(counts).toEqual([1000, 100]);
  });
});
