import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutlierDetector, type OutlierDetectionOptions, type OutlierEvent, type ResponseOutcome } from '../../../src/resilience/health/outlier-detector.ts';

const noRandom = () => {
  throw new Error('nothing random configured: must not draw');
};

function detector(hosts: number, options: OutlierDetectionOptions = {}): OutlierDetector {
  return new OutlierDetector(hosts, { maxEjectionPercent: 100, ...options }, 0, noRandom);
}

function report(d: OutlierDetector, host: number, outcome: ResponseOutcome, times: number, now = 0): (OutlierEvent | null)[] {
  return Array.from({ length: times }, () => d.onResult(host, now, outcome));
}

/** One interval of traffic: `successes[h]` out of `volume[h]` requests for each host, then a sweep. */
function interval(d: OutlierDetector, volume: number[], successes: number[], now: number): OutlierEvent[] {
  volume.forEach((v, h) => {
    for (let i = 0; i < v; i++) d.onResult(h, now - 1, i < successes[h] ? 'success' : 'server-error');
  });
  return d.sweep(now);
}

describe('OutlierDetector, consecutive errors', () => {
  it('ejects on exactly the 5th consecutive 5xx, not the 4th', () => {
    const d = detector(10);
    expect(report(d, 3, 'server-error', 4)).toEqual([null, null, null, null]);
    expect(d.isEjected(3)).toBe(false);
    expect(d.onResult(3, 7, 'server-error')).toEqual({ kind: 'ejected', host: 3, at: 7, reason: 'consecutive-5xx', durationMs: 30_000 });
    expect(d.isEjected(3)).toBe(true);
  });

  it('restarts the streak after any success', () => {
    const d = detector(10);
    report(d, 0, 'server-error', 4);
    d.onResult(0, 0, 'success');
    report(d, 0, 'server-error', 4);
    expect(d.isEjected(0)).toBe(false);
  });

  it('counts gateway errors as 5xx, and as gateway failures only when that rule is on', () => {
    const d = detector(10, { consecutive5xx: { threshold: 5 }, consecutiveGatewayFailure: { threshold: 3 } });
    report(d, 0, 'gateway-error', 2);
    expect(d.onResult(0, 0, 'gateway-error')).toMatchObject({ kind: 'ejected', reason: 'consecutive-gateway-failure' });
    // A plain 5xx breaks a gateway streak but continues the 5xx one.
    report(d, 1, 'gateway-error', 2);
    d.onResult(1, 0, 'server-error');
    report(d, 1, 'gateway-error', 1);
    expect(d.isEjected(1)).toBe(false);
    expect(d.onResult(1, 0, 'gateway-error')).toMatchObject({ kind: 'ejected', reason: 'consecutive-5xx' });
  });

  it('with a rule off, never ejects on it', () => {
    const d = detector(10, { consecutive5xx: false, successRate: false });
    expect(report(d, 0, 'server-error', 100).every((e) => e === null)).toBe(true);
  });
});

describe('OutlierDetector, max ejection percent', () => {
  it('never ejects more than maxEjectionPercent of hosts, and says when it skipped one', () => {
    const d = new OutlierDetector(10, { maxEjectionPercent: 20 }, 0, noRandom);
    report(d, 0, 'server-error', 5);
    report(d, 1, 'server-error', 5);
    const third = report(d, 2, 'server-error', 5).at(-1);
    expect(third).toEqual({ kind: 'ejection-skipped', host: 2, at: 0, reason: 'consecutive-5xx', because: 'max-ejection-percent' });
    expect(d.ejectedCount).toBe(2);
  });

  it('holds for any sequence of results (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<ResponseOutcome>('success', 'server-error', 'gateway-error')), { maxLength: 300 }),
        (n, maxEjectionPercent, results) => {
          const d = new OutlierDetector(n, { maxEjectionPercent, consecutive5xx: { threshold: 2 }, intervalMs: 1000, baseEjectionTimeMs: 1000 }, 0, noRandom);
          results.forEach(([host, outcome], i) => {
            d.onResult(host % n, i, outcome);
            if (i % 50 === 49) d.sweep(i);
            expect((100 * d.ejectedCount) / n).toBeLessThanOrEqual(maxEjectionPercent);
          });
        },
      ),
    );
  });

  it('ejects one host even above the cap when alwaysEjectOneHost is set', () => {
    const d = new OutlierDetector(5, { maxEjectionPercent: 10, alwaysEjectOneHost: true }, 0, noRandom);
    expect(report(d, 0, 'server-error', 5).at(-1)).toMatchObject({ kind: 'ejected' });
    expect(report(d, 1, 'server-error', 5).at(-1)).toMatchObject({ kind: 'ejection-skipped', because: 'max-ejection-percent' });
  });
});

describe('OutlierDetector, ejection time', () => {
  const options = { intervalMs: 100, baseEjectionTimeMs: 1000, maxEjectionTimeMs: 3500, consecutive5xx: { threshold: 1 }, successRate: false as const };

  it('grows as base × times ejected, capped at the maximum', () => {
    const d = detector(2, options);
    const durations: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      const e = d.onResult(0, now, 'server-error');
      expect(e?.kind).toBe('ejected');
      durations.push(e?.kind === 'ejected' ? e.durationMs : NaN);
      now += durations[i];
      // Returned at the sweep when its time is up, and failing again at once.
      expect(d.sweep(now)).toEqual([{ kind: 'unejected', host: 0, at: now }]);
    }
    expect(durations).toEqual([1000, 2000, 3000, 3500, 3500, 3500]);
  });

  it('returns a host only at a sweep at or after its ejection time', () => {
    const d = detector(2, options);
    d.onResult(0, 50, 'server-error');
    expect(d.ejectedUntil(0)).toBe(1050);
    expect(d.sweep(1049)).toEqual([]);
    expect(d.isEjected(0)).toBe(true);
    expect(d.sweep(1050)).toEqual([{ kind: 'unejected', host: 0, at: 1050 }]);
    expect(d.ejectedUntil(0)).toBeNaN();
  });

  it('forgives one ejection per interval spent back in service', () => {
    const d = detector(2, options);
    let now = 0;
    for (let i = 0; i < 3; i++) {
      d.onResult(0, now, 'server-error');
      now += 1000 * (i + 1);
      d.sweep(now);
    }
    // Ejected three times: the multiplier is 3, and the next ejection would
    // last 4 × 1000 capped to 3500. Two full intervals back in service bring
    // it down to 1, so the next ejection raises it to 2: 2000 ms.
    d.sweep(now + 100);
    d.sweep(now + 200);
    const e = d.onResult(0, now + 200, 'server-error');
    expect(e).toMatchObject({ kind: 'ejected', durationMs: 2000 });
    expect(d.ejectionCount(0)).toBe(4);
  });

  it('adds a jitter of 0 to maxEjectionTimeJitterMs drawn from the injected random', () => {
    const d = new OutlierDetector(2, { ...options, maxEjectionPercent: 100, maxEjectionTimeJitterMs: 500 }, 0, () => 0.5);
    expect(d.onResult(0, 0, 'server-error')).toMatchObject({ durationMs: 1000 + 250 });
  });

  it('lets an active health check return a host early, with fresh counters', () => {
    const d = detector(2, { consecutive5xx: { threshold: 2 }, successRate: false });
    d.onResult(0, 0, 'server-error');
    d.onResult(0, 0, 'server-error');
    expect(d.uneject(0, 10)).toEqual({ kind: 'unejected', host: 0, at: 10 });
    expect(d.uneject(0, 10)).toBeNull();
    expect(d.onResult(0, 11, 'server-error')).toBeNull();
  });

  it('rejects a maximum below the base', () => {
    expect(() => detector(2, { baseEjectionTimeMs: 1000, maxEjectionTimeMs: 999 })).toThrow(RangeError);
  });
});

describe('OutlierDetector, success rate', () => {
  const sr = { consecutive5xx: false as const, intervalMs: 1000 };

  it('ejects a host strictly below mean − 1.9 × stdev (Envoy’s example: 50% against 100% × 4)', () => {
    const d = detector(5, sr);
    const events = interval(d, [100, 100, 100, 100, 100], [50, 100, 100, 100, 100], 1000);
    expect(events).toEqual([{ kind: 'ejected', host: 0, at: 1000, reason: 'success-rate', durationMs: 30_000, successRate: 50, threshold: 52 }]);
  });

  it('does not eject a host exactly at the threshold', () => {
    // Same rates with factor 2: threshold 90 − 2 × 20 = 50, exactly the host's rate (all exact in binary).
    const d = detector(5, { ...sr, successRate: { stdevFactor: 2 } });
    const events = interval(d, [100, 100, 100, 100, 100], [50, 100, 100, 100, 100], 1000);
    expect(events).toEqual([]);
  });

  it('judges only hosts with the request volume, and only when enough of them have it', () => {
    // Host 4 has 99 requests: below the volume, so only 4 hosts qualify, below the minimum of 5.
    const d = detector(5, sr);
    expect(interval(d, [100, 100, 100, 100, 99], [10, 100, 100, 100, 99], 1000)).toEqual([]);
    // With 100 requests it qualifies, and host 0 goes.
    expect(interval(d, [100, 100, 100, 100, 100], [10, 100, 100, 100, 100], 2000)).toMatchObject([{ kind: 'ejected', host: 0 }]);
  });

  it('counts only the last interval: a sweep starts a fresh one', () => {
    const d = detector(5, sr);
    interval(d, [100, 100, 100, 100, 60], [100, 100, 100, 100, 60], 1000);
    // 40 more requests for host 4 would make 100 if intervals added up; they do not.
    expect(interval(d, [100, 100, 100, 100, 40], [10, 100, 100, 100, 40], 2000)).toEqual([]);
  });
});

describe('OutlierDetector, failure percentage', () => {
  const fp = { consecutive5xx: false as const, successRate: false as const, failurePercentage: {}, intervalMs: 1000 };

  it('ejects a host failing at least 85% of at least 50 requests', () => {
    const d = detector(5, fp);
    const events = interval(d, [50, 50, 50, 50, 50], [7, 8, 50, 50, 50], 1000);
    // Host 0 fails 86%, host 1 exactly 84%.
    expect(events).toEqual([{ kind: 'ejected', host: 0, at: 1000, reason: 'failure-percentage', durationMs: 30_000, successRate: 14 }]);
    const d2 = detector(5, fp);
    expect(interval(d2, [100, 100, 100, 100, 100], [15, 100, 100, 100, 100], 1000)).toMatchObject([{ host: 0, reason: 'failure-percentage' }]);
  });

  it('needs the volume and the minimum number of hosts', () => {
    const d = detector(5, fp);
    expect(interval(d, [49, 50, 50, 50, 50], [0, 50, 50, 50, 50], 1000)).toEqual([]);
    const d4 = detector(4, fp);
    expect(interval(d4, [50, 50, 50, 50], [0, 50, 50, 50], 1000)).toEqual([]);
  });
});

describe('OutlierDetector, enforcement', () => {
  it('enforces a detected outlier with probability enforcingPercent (binomial tolerance, fixed seed)', () => {
    // 2000 hosts each detected once at 30%: expected 600, standard error sqrt(2000 × 0.3 × 0.7) ≈ 20.5; allow 5 of those.
    const d = new OutlierDetector(2000, { maxEjectionPercent: 100, consecutive5xx: { threshold: 1, enforcingPercent: 30 } }, 0, randomLcg(12));
    for (let h = 0; h < 2000; h++) d.onResult(h, 0, 'server-error');
    expect(Math.abs(d.ejectedCount - 600)).toBeLessThanOrEqual(5 * Math.sqrt(2000 * 0.3 * 0.7));
  });
});
