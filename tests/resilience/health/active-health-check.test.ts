import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHealthCheck, worstCaseDetectionMs, type ActiveHealthCheckOptions } from '../../../src/resilience/health/active-health-check.ts';

const noRandom = () => {
  throw new Error('no jitter configured: must not draw');
};

const base: ActiveHealthCheckOptions = { intervalMs: 1000, timeoutMs: 200, healthyThreshold: 2, unhealthyThreshold: 3 };

/** Runs one check answered `ok` after `rttMs` (or at the deadline if it never answers). */
function check(hc: ActiveHealthCheck, ok: boolean | 'hang', rttMs = 10) {
  const start = hc.nextCheckAt();
  const id = hc.startCheck(start);
  return ok === 'hang' ? hc.onCheckResult(hc.checkDeadline(), false, id) : hc.onCheckResult(start + rttMs, ok, id);
}

describe('ActiveHealthCheck thresholds', () => {
  it('flips exactly on the N-th consecutive result, and any other result resets the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.boolean(), { maxLength: 60 }), (healthyThreshold, unhealthyThreshold, results) => {
        const hc = new ActiveHealthCheck({ ...base, healthyThreshold, unhealthyThreshold }, 0, noRandom);
        // Reference model: the verdict changes when the last N results all disagree with it.
        let healthy = true;
        let streak = 0;
        for (const ok of results) {
          streak = ok === healthy ? 0 : streak + 1;
          const flips = streak === (healthy ? unhealthyThreshold : healthyThreshold);
          const transition = check(hc, ok);
          if (flips) {
            healthy = !healthy;
            streak = 0;
          }
          expect(transition).toBe(flips ? (healthy ? 'became-healthy' : 'became-unhealthy') : null);
          expect(hc.healthy).toBe(healthy);
        }
      }),
    );
  });

  it('treats a check that times out, or answers after its deadline, as failed', () => {
    const hc = new ActiveHealthCheck({ ...base, unhealthyThreshold: 2 }, 0, noRandom);
    expect(check(hc, 'hang')).toBeNull();
    expect(hc.consecutiveFailures).toBe(1);
    // Answered ok, but 201 ms after the start with a 200 ms timeout.
    expect(check(hc, true, 201)).toBe('became-unhealthy');
    expect(check(hc, true, 200)).toBeNull();
    expect(hc.consecutiveSuccesses).toBe(1);
  });

  it('ignores a late answer to a check already reported as timed out', () => {
    const hc = new ActiveHealthCheck(base, 0, noRandom);
    const id = hc.startCheck(0);
    hc.onCheckResult(200, false, id);
    const next = hc.startCheck(hc.nextCheckAt());
    expect(hc.onCheckResult(1100, true, id)).toBeNull();
    expect(hc.consecutiveFailures).toBe(1);
    expect(hc.checkDeadline()).toBe(1200);
    hc.onCheckResult(1100, true, next);
    expect(hc.consecutiveSuccesses).toBe(1);
  });

  it('starting unhealthy, becomes healthy when the very first check passes, as Envoy at startup', () => {
    const hc = new ActiveHealthCheck({ ...base, healthyThreshold: 3, startHealthy: false }, 0, noRandom);
    expect(hc.healthy).toBe(false);
    expect(check(hc, true)).toBe('became-healthy');
    // After startup the thresholds apply as usual.
    check(hc, false);
    check(hc, false);
    expect(check(hc, false)).toBe('became-unhealthy');
    expect(check(hc, true)).toBeNull();
    expect(check(hc, true)).toBeNull();
    expect(check(hc, true)).toBe('became-healthy');
  });
});

describe('ActiveHealthCheck schedule', () => {
  it('starts checks a fixed interval apart, whatever the answer time', () => {
    const hc = new ActiveHealthCheck(base, 500, noRandom);
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      starts.push(hc.nextCheckAt());
      check(hc, i % 2 === 0, 150);
    }
    expect(starts).toEqual([500, 1500, 2500, 3500]);
  });

  it('has no next check while one is in flight, and waits for the answer when the timeout exceeds the interval', () => {
    const hc = new ActiveHealthCheck({ ...base, intervalMs: 100, timeoutMs: 250 }, 0, noRandom);
    hc.startCheck(0);
    expect(hc.nextCheckAt()).toBe(Infinity);
    hc.onCheckResult(250, false);
    expect(hc.nextCheckAt()).toBe(250);
  });

  it('keeps jittered intervals within [interval, interval + jitter) and the first check within the initial jitter', () => {
    const random = randomLcg(1);
    const hc = new ActiveHealthCheck({ ...base, intervalJitterMs: 300, initialJitterMs: 1000 }, 0, random);
    const first = hc.nextCheckAt();
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1000);
    let previous = first;
    const gaps = new Set<number>();
    for (let i = 0; i < 200; i++) {
      check(hc, true);
      const gap = hc.nextCheckAt() - previous;
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThan(1300);
      gaps.add(Math.floor((gap - 1000) / 100));
      previous = hc.nextCheckAt();
    }
    expect(gaps.size).toBe(3);
  });

  it('refuses to start a check early or twice', () => {
    const hc = new ActiveHealthCheck(base, 100, noRandom);
    expect(() => hc.startCheck(99)).toThrow(RangeError);
    hc.startCheck(100);
    expect(() => hc.startCheck(100)).toThrow();
  });
});

describe('ActiveHealthCheck detection time', () => {
  it('a host that fails at time f is declared unhealthy within (U − 1) × interval and U × (interval + jitter) + timeout after f', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 5000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0, max: 100_000, noNaN: true }),
        fc.boolean(),
        fc.nat(),
        (intervalMs, timeoutShare, intervalJitterMs, unhealthyThreshold, failAt, hangs, seed) => {
          // Timeouts from 2 ms (above the 1 ms answer of a healthy host) up to the interval.
          const options = { intervalMs, timeoutMs: Math.max(2, intervalMs * timeoutShare), intervalJitterMs, healthyThreshold: 1, unhealthyThreshold, initialJitterMs: intervalMs };
          const hc = new ActiveHealthCheck(options, 0, randomLcg(seed % 10_000));
          // The host answers in 1 ms while healthy; from failAt on it refuses at once or never answers.
          let detectedAt = NaN;
          while (Number.isNaN(detectedAt)) {
            const start = hc.nextCheckAt();
            const id = hc.startCheck(start);
            const healthyHere = start + 1 < failAt;
            const at = healthyHere ? start + 1 : hangs ? hc.checkDeadline() : start + 1;
            if (hc.onCheckResult(at, healthyHere, id) === 'became-unhealthy') detectedAt = at;
          }
          const delay = detectedAt - failAt;
          expect(delay).toBeLessThanOrEqual(worstCaseDetectionMs(options));
          expect(delay).toBeGreaterThanOrEqual((unhealthyThreshold - 1) * intervalMs);
        },
      ),
    );
  });

  it('states the bound as threshold × interval + timeout without jitter', () => {
    expect(worstCaseDetectionMs({ intervalMs: 5000, timeoutMs: 1000, healthyThreshold: 2, unhealthyThreshold: 3 })).toBe(16_000);
  });
});
