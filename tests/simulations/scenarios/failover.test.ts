import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { failover, type FailoverParams } from '../../../simulations/scenarios/failover.ts';

const base: FailoverParams = defaultValues(failover.params);
const seeds = Array.from({ length: 20 }, (_, i) => i + 1);

describe('failover scenario', () => {
  it.each(['hang', 'errors'] as const)('detection (%s) is never longer than interval × threshold + timeout, and traffic moves', (outageKind) => {
    for (const seed of seeds) {
      for (const unhealthyThreshold of [1, 3]) {
        const r = failover.run({ ...base, outageKind, unhealthyThreshold }, seed);
        expect(r.summary.detectionTime, `seed ${seed}`).toBeGreaterThan(0);
        expect(r.summary.detectionTime, `seed ${seed}`).toBeLessThanOrEqual(r.summary.detectionBound);
        expect(r.summary.detectionBound).toBe(unhealthyThreshold * base.interval + base.timeout);
      }
    }
  });

  it('fails back only after the hold, and the requests lost are those sent before the switch', () => {
    for (const seed of seeds.slice(0, 5)) {
      const r = failover.run(base, seed);
      // Back once healthy (healthyThreshold passed checks, at least one interval after the outage) plus the hold.
      expect(r.summary.failbackTime).toBeGreaterThanOrEqual(base.failbackHold * 1000);
      expect(r.summary.failbackTime).toBeLessThanOrEqual(base.failbackHold * 1000 + (base.healthyThreshold + 1) * base.interval);
      // Every request in the gap hung until its 1 s timeout; the detection time at 20 req/s bounds how many there were.
      expect(r.summary.failedDuringSwitch).toBe(r.summary.timedOut);
      expect(r.summary.availability).toBeCloseTo(r.summary.succeeded / r.summary.requests, 12);
      expect(r.timeline.switches.map((s) => s.kind)).toEqual(['failover', 'failback']);
    }
  });

  it('a flapping primary: the hold keeps traffic on the standby (no flaps); without a hold traffic flaps', () => {
    const held = failover.run({ ...base, flapping: true }, 3);
    expect(held.summary.flaps).toBe(0);
    const unheld = failover.run({ ...base, flapping: true, failbackHold: 0 }, 3);
    expect(unheld.summary.flaps).toBeGreaterThan(0);
    expect(unheld.summary.availability).toBeLessThan(held.summary.availability);
  });

  it('a slow primary is switched away from although its requests still succeed', () => {
    const r = failover.run({ ...base, outageKind: 'slow' }, 2);
    expect(r.summary.detectionTime).toBeGreaterThan(0);
    expect(r.summary.failedDuringSwitch).toBe(0);
  });

  it("priority mode: level 0's share steps down by Envoy's arithmetic as its hosts are found unhealthy, and comes back", () => {
    const r = failover.run({ ...base, mode: 'priority', hostsPerLevel: 5 }, 1);
    const level0 = r.timeline.load.map((l) => l.perLevel[0]);
    // 5 hosts, factor 1.4: 4 healthy still score 100; then 84, 56, 28, 0.
    expect(level0.slice(0, 5)).toEqual([100, 84, 56, 28, 0]);
    expect(level0[level0.length - 1]).toBe(100);
    for (const l of r.timeline.load) expect(l.perLevel.reduce((a, b) => a + b, 0)).toBe(100);
    expect(r.summary.detectionTime).toBeLessThanOrEqual(r.summary.detectionBound);
  });

  it('gives the widget its series: shares per bucket sum to 1, checks and health crossings in time order', () => {
    const r = failover.run(base, 1);
    const { perHost } = r.timeline.share;
    for (let b = 0; b < perHost[0].length; b++) {
      const total = perHost.reduce((a, col) => a + col[b], 0);
      if (r.timeline.series.requests[b] > 0) expect(total).toBeCloseTo(1, 12);
    }
    expect(r.timeline.series.errors.reduce((a, b) => a + b, 0)).toBe(r.summary.failed + r.summary.timedOut);
    for (let i = 1; i < r.timeline.health.length; i++) expect(r.timeline.health[i].t).toBeGreaterThanOrEqual(r.timeline.health[i - 1].t);
    expect(r.timeline.checks.some((c) => !c.ok)).toBe(true);
  });
});
