import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PriorityFailover, priorityLoad, type PriorityLevelHealth } from '../../../src/resilience/failover/index.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const level = (hosts: number, healthy: number, degraded = 0): PriorityLevelHealth => ({ hosts, healthy, degraded });

describe('priorityLoad (Envoy arithmetic)', () => {
  // The table of https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/load_balancing/priority
  // (two levels, P=1 fully healthy; percent of healthy P=0 endpoints -> traffic to P=0 / P=1).
  it.each([
    [100, 100, 0],
    [72, 100, 0],
    [71, 99, 1],
    [50, 70, 30],
    [25, 35, 65],
    [0, 0, 100],
  ])('P=0 %i %% healthy: %i %% to P=0, %i %% to P=1', (healthyPercent, p0, p1) => {
    const load = priorityLoad([level(100, healthyPercent), level(100, 100)]);
    expect(load.healthy).toEqual([p0, p1]);
    expect(load.panic).toEqual([false, false]);
  });

  it("reproduces Envoy's own worked example: health 10/20/10 and degraded 20/10/0 give 16/28/14 healthy and 28/14/0 degraded", () => {
    // load_balancer_impl.cc, recalculatePerPriorityState: the first healthy level gets the 2 % of rounding.
    // Panic is off here: the example is about the load arithmetic alone (with panic on, all three levels would panic).
    const load = priorityLoad([level(100, 10, 20), level(100, 20, 10), level(100, 10, 0)], { overprovisioningFactor: 1, panicThresholdPercent: 0 });
    expect(load.healthy).toEqual([16, 28, 14]);
    expect(load.degraded).toEqual([28, 14, 0]);
    expect(load.normalizedTotalAvailability).toBe(70);
  });

  it('ignores panic while the levels together are healthy enough, even with a level far below the threshold', () => {
    const load = priorityLoad([level(10, 1), level(10, 10)]);
    expect(load.normalizedTotalAvailability).toBe(100);
    expect(load.panic).toEqual([false, false]);
    expect(load.healthy).toEqual([14, 86]);
  });

  it('panics per level when the total is short, and in total panic spreads the load by host counts', () => {
    // Health scores 28 + 84 cap at 100: enough in total, so no panic although level 0 is at 20 %.
    expect(priorityLoad([level(10, 2), level(10, 6)]).panic).toEqual([false, false]);
    const oneShort = priorityLoad([level(10, 2), level(10, 5)]);
    expect(oneShort.normalizedTotalAvailability).toBe(98);
    expect(oneShort.panic).toEqual([true, false]);
    expect(oneShort.totalPanic).toBe(false);
    const short = priorityLoad([level(10, 2), level(10, 3)]);
    expect(short.normalizedTotalAvailability).toBe(70);
    expect(short.panic).toEqual([true, true]);
    expect(short.totalPanic).toBe(true);
    const uneven = priorityLoad([level(10, 0), level(30, 0)]);
    expect(uneven.healthy).toEqual([25, 75]);
  });

  it('with panic disabled and nothing healthy, points everything at level 0, where no host is found', () => {
    const load = priorityLoad([level(3, 0), level(3, 0)], { panicThresholdPercent: 0 });
    expect(load.healthy).toEqual([100, 0]);
    const failover = new PriorityFailover([3, 3], { panicThresholdPercent: 0 });
    for (let h = 0; h < 6; h++) failover.setHealth(h, 'unhealthy');
    expect(failover.pick(0, () => 0.5)).toBe(-1);
  });

  it('rejects impossible levels and options', () => {
    expect(() => priorityLoad([])).toThrow(RangeError);
    expect(() => priorityLoad([level(2, 3)])).toThrow(RangeError);
    expect(() => priorityLoad([level(2, 1)], { overprovisioningFactor: 0 })).toThrow(RangeError);
    expect(() => priorityLoad([level(2, 1)], { panicThresholdPercent: 101 })).toThrow(RangeError);
  });
});

const levelsArb = fc.array(
  fc
    .integer({ min: 1, max: 12 })
    .chain((hosts) =>
      fc.integer({ min: 0, max: hosts }).chain((healthy) => fc.integer({ min: 0, max: hosts - healthy }).map((degraded) => level(hosts, healthy, degraded))),
    ),
  { minLength: 1, maxLength: 5 },
);
const optionsArb = fc.record({ overprovisioningFactor: fc.constantFrom(1, 1.4, 2), panicThresholdPercent: fc.integer({ min: 0, max: 100 }) });

describe('priorityLoad properties', () => {
  it('the per-level loads always sum to exactly 100 and stay within [0, 100]', () => {
    fc.assert(
      fc.property(levelsArb, optionsArb, (levels, options) => {
        const load = priorityLoad(levels, options);
        expect(sum(load.healthy) + sum(load.degraded)).toBe(100);
        for (const x of [...load.healthy, ...load.degraded]) expect(x >= 0 && x <= 100 && Number.isInteger(x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('outside total panic, a level with no available host gets no load while another has one', () => {
    fc.assert(
      fc.property(levelsArb, optionsArb, (levels, options) => {
        const load = priorityLoad(levels, options);
        const anyAvailable = levels.some((l) => l.healthy + l.degraded > 0);
        if (load.totalPanic || !anyAvailable) return;
        levels.forEach((l, i) => {
          if (l.healthy + l.degraded === 0) expect(load.healthy[i] + load.degraded[i], `level ${i}`).toBe(0);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('more healthy hosts at level 0 never take load away from level 0 (outside panic)', () => {
    fc.assert(
      fc.property(levelsArb, (levels) => {
        const l0 = levels[0];
        if (l0.healthy + l0.degraded >= l0.hosts) return;
        const better = [{ ...l0, healthy: l0.healthy + 1 }, ...levels.slice(1)];
        const a = priorityLoad(levels);
        const b = priorityLoad(better);
        if (a.panic.some(Boolean) || b.panic.some(Boolean)) return;
        expect(b.healthy[0] + b.degraded[0]).toBeGreaterThanOrEqual(a.healthy[0] + a.degraded[0]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('PriorityFailover', () => {
  it('never routes to an unhealthy host while its level is not in panic', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom('healthy', 'degraded', 'unhealthy') as fc.Arbitrary<'healthy' | 'degraded' | 'unhealthy'>, { minLength: 20, maxLength: 20 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 60, maxLength: 60 }),
        (sizes, healths, draws) => {
          const failover = new PriorityFailover(sizes);
          for (let h = 0; h < failover.hostCount; h++) failover.setHealth(h, healths[h]);
          let i = 0;
          const random = () => draws[i++ % draws.length];
          for (let k = 0; k < 20; k++) {
            const { host, level } = failover.choose(random);
            if (host < 0) continue;
            expect(failover.levelOf(host)).toBe(level);
            if (!failover.load.panic[level]) expect(failover.health(host)).not.toBe('unhealthy');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('spreads picks as the load says: 70/30 with half of level 0 healthy', () => {
    const failover = new PriorityFailover([10, 10]);
    for (let h = 0; h < 5; h++) failover.setHealth(h, 'unhealthy');
    expect(failover.load.healthy).toEqual([70, 30]);
    let draw = 0;
    const counts = [0, 0];
    // Draws evenly over [0, 1): exactly 70 of each hundred land on level 0.
    for (let k = 0; k < 1000; k++) counts[failover.choose(() => ((draw++ % 100) + 0.5) / 100).level]++;
    expect(counts[0]).toBe(700);
  });

  it('reports whether a health change moved load, and rejects unknown hosts', () => {
    const failover = new PriorityFailover([5, 5]);
    expect(failover.setHealth(0, 'unhealthy')).toBe(false); // 80 % healthy × 1.4 is still 100
    expect(failover.setHealth(1, 'unhealthy')).toBe(true);
    expect(failover.load.healthy).toEqual([84, 16]);
    expect(() => failover.setHealth(10, 'healthy')).toThrow(RangeError);
    expect(() => new PriorityFailover([0])).toThrow(RangeError);
  });
});
