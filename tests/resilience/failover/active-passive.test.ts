import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivePassiveFailover } from '../../../src/resilience/failover/index.ts';

describe('ActivePassiveFailover', () => {
  it('fails over at once when the active host turns unhealthy, and fails back only after the hold', () => {
    const f = new ActivePassiveFailover({ hosts: 2, failbackHoldMs: 10_000 });
    expect(f.pick()).toBe(0);
    expect(f.setHealthy(0, false, 1000)).toEqual({ kind: 'failover', at: 1000, from: 0, to: 1 });
    expect(f.pick()).toBe(1);
    expect(f.setHealthy(0, true, 5000)).toBeNull();
    expect(f.nextDecisionAt()).toBe(15_000);
    expect(f.update(14_999)).toBeNull();
    expect(f.update(15_000)).toEqual({ kind: 'failback', at: 15_000, from: 1, to: 0 });
    expect(f.nextDecisionAt()).toBe(Infinity);
    expect(f.switches).toBe(2);
    expect(f.flaps).toBe(0);
  });

  it('a primary that recovers and fails again within the hold never gets traffic back: no flap', () => {
    const f = new ActivePassiveFailover({ hosts: 2, failbackHoldMs: 10_000 });
    f.setHealthy(0, false, 0);
    for (let t = 1000; t < 60_000; t += 8000) {
      f.setHealthy(0, true, t);
      f.update(t + 3000);
      f.setHealthy(0, false, t + 4000);
    }
    expect(f.active).toBe(1);
    expect(f.flaps).toBe(0);
    expect(f.switches).toBe(1);
  });

  it('without a hold the same primary drags traffic back and forth, and each return that does not stick is a flap', () => {
    const f = new ActivePassiveFailover({ hosts: 2, failbackHoldMs: 0 });
    f.setHealthy(0, false, 0);
    for (let t = 1000; t < 33_000; t += 8000) {
      expect(f.setHealthy(0, true, t)?.kind).toBe('failback');
      expect(f.setHealthy(0, false, t + 4000)?.kind).toBe('failover');
    }
    expect(f.flaps).toBe(4);
    expect(f.failbackCount).toBe(4);
  });

  it('with three hosts goes to the first healthy one, and stays put when none is healthy', () => {
    const f = new ActivePassiveFailover({ hosts: 3, failbackHoldMs: 0 });
    f.setHealthy(1, false, 0);
    expect(f.setHealthy(0, false, 1)).toEqual({ kind: 'failover', at: 1, from: 0, to: 2 });
    expect(f.setHealthy(2, false, 2)).toBeNull();
    expect(f.active).toBe(2);
    expect(f.setHealthy(1, true, 3)).toEqual({ kind: 'failback', at: 3, from: 2, to: 1 });
  });

  it('rejects bad options and hosts', () => {
    expect(() => new ActivePassiveFailover({ hosts: 0, failbackHoldMs: 0 })).toThrow(RangeError);
    expect(() => new ActivePassiveFailover({ hosts: 2, failbackHoldMs: -1 })).toThrow(RangeError);
    expect(() => new ActivePassiveFailover({ hosts: 2, failbackHoldMs: 0 }).setHealthy(2, true, 0)).toThrow(RangeError);
  });
});

describe('ActivePassiveFailover properties', () => {
  const events = fc.array(fc.record({ host: fc.integer({ min: 0, max: 3 }), healthy: fc.boolean(), gap: fc.integer({ min: 0, max: 5000 }) }), {
    maxLength: 60,
  });

  it('traffic is on a healthy host whenever one exists, and a failback only ever goes to a host healthy for the whole hold', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 8000 }), (evs, hold) => {
        const f = new ActivePassiveFailover({ hosts: 4, failbackHoldMs: hold });
        const since = [0, 0, 0, 0];
        const healthy = [true, true, true, true];
        let now = 0;
        const check = (s: ReturnType<typeof f.update>) => {
          if (s?.kind === 'failback' && healthy[s.from]) expect(now - since[s.to]).toBeGreaterThanOrEqual(hold);
        };
        for (const e of evs) {
          // Decisions due before the next event are taken at their time, as a driver would.
          while (f.nextDecisionAt() <= now + e.gap) {
            now = Math.max(now, f.nextDecisionAt());
            check(f.update(now));
          }
          now += e.gap;
          if (healthy[e.host] !== e.healthy) {
            healthy[e.host] = e.healthy;
            if (e.healthy) since[e.host] = now;
          }
          check(f.setHealthy(e.host, e.healthy, now));
          if (healthy.some(Boolean)) expect(healthy[f.active]).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
