import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConsecutiveFailuresDetector } from '../../../src/resilience/circuit-breaker/consecutive-failures-detector.ts';
import { CountWindowDetector } from '../../../src/resilience/circuit-breaker/count-window-detector.ts';
import { TimeWindowDetector } from '../../../src/resilience/circuit-breaker/time-window-detector.ts';
import type { FailureDetector } from '../../../src/resilience/circuit-breaker/failure-detector.ts';

interface Call {
  readonly at: number;
  readonly failed: boolean;
  readonly slow: boolean;
}

/** 'F' failed, 'S' succeeded, 'f' failed and slow, 's' succeeded and slow; one call per ms from t = 0. */
function calls(script: string): Call[] {
  return [...script].map((c, at) => ({ at, failed: c === 'F' || c === 'f', slow: c === 'f' || c === 's' }));
}

/** Index of the call that made the detector trip, or -1. */
function tripIndex(detector: FailureDetector, script: Call[]): number {
  return script.findIndex((c) => detector.record(c.at, c.failed, c.slow));
}

describe('consecutive failures detector', () => {
  it.each([
    { script: 'FFF', threshold: 3, trips: 2 },
    { script: 'FF', threshold: 3, trips: -1 },
    { script: 'FFSFF', threshold: 3, trips: -1 },
    { script: 'FFSFFF', threshold: 3, trips: 5 },
    { script: 'F', threshold: 1, trips: 0 },
  ])('$script with threshold $threshold trips at call $trips', ({ script, threshold, trips }) => {
    expect(tripIndex(new ConsecutiveFailuresDetector({ kind: 'consecutive', failureThreshold: threshold }), calls(script))).toBe(trips);
  });

  it.each([
    { script: 'sss', trips: 2 },
    { script: 'ssSs', trips: -1 },
    { script: 'sfs', trips: 2 },
  ])('$script trips on 3 slow calls in a row at call $trips', ({ script, trips }) => {
    const d = new ConsecutiveFailuresDetector({ kind: 'consecutive', failureThreshold: 10, slowCalls: { durationMs: 100, threshold: 3 } });
    expect(tripIndex(d, calls(script))).toBe(trips);
  });
});

describe('count window detector', () => {
  it.each([
    // At the threshold exactly: trip (resilience4j: rate >= threshold).
    { script: 'FSSF', windowSize: 4, minimumCalls: 4, threshold: 50, trips: 3 },
    { script: 'FSSS', windowSize: 4, minimumCalls: 4, threshold: 50, trips: -1 },
    // Just below: 2 of 3 is 66.67 %, under 67 but over 66.
    { script: 'FFS', windowSize: 3, minimumCalls: 3, threshold: 67, trips: -1 },
    { script: 'FFS', windowSize: 3, minimumCalls: 3, threshold: 66, trips: 2 },
    // Below the minimum number of calls nothing trips, even at 100 %; reaching it with a success can.
    { script: 'FFFFS', windowSize: 10, minimumCalls: 5, threshold: 50, trips: 4 },
    { script: 'FFFF', windowSize: 10, minimumCalls: 5, threshold: 50, trips: -1 },
    // A minimum above the window size is the window size.
    { script: 'FF', windowSize: 2, minimumCalls: 100, threshold: 100, trips: 1 },
    // Old failures slide out of the window.
    { script: 'FSSSSF', windowSize: 4, minimumCalls: 4, threshold: 50, trips: -1 },
  ])('$script, window $windowSize, minimum $minimumCalls, $threshold %: trips at call $trips', ({ script, windowSize, minimumCalls, threshold, trips }) => {
    const d = new CountWindowDetector({ kind: 'count-window', windowSize, minimumCalls, failureRateThreshold: threshold });
    expect(tripIndex(d, calls(script))).toBe(trips);
  });

  it('trips on the slow-call rate alone, slow failures counting as slow', () => {
    const d = () => new CountWindowDetector({ kind: 'count-window', windowSize: 4, minimumCalls: 4, failureRateThreshold: 100, slowCalls: { durationMs: 100, rateThreshold: 50 } });
    expect(tripIndex(d(), calls('sSsS'))).toBe(3);
    expect(tripIndex(d(), calls('sSfS'))).toBe(3);
    expect(tripIndex(d(), calls('sSSS'))).toBe(-1);
  });

  it('rejects thresholds outside (0, 100] and sizes below 1', () => {
    expect(() => new CountWindowDetector({ kind: 'count-window', windowSize: 0, minimumCalls: 1, failureRateThreshold: 50 })).toThrow(RangeError);
    expect(() => new CountWindowDetector({ kind: 'count-window', windowSize: 5, minimumCalls: 1, failureRateThreshold: 0 })).toThrow(RangeError);
    expect(() => new CountWindowDetector({ kind: 'count-window', windowSize: 5, minimumCalls: 1, failureRateThreshold: 101 })).toThrow(RangeError);
  });
});

describe('time window detector', () => {
  const detector = () => new TimeWindowDetector({ kind: 'time-window', windowMs: 1000, buckets: 10, minimumCalls: 2, failureRateThreshold: 50 });

  it.each([
    { name: 'two calls, one failed, in one bucket', script: [{ at: 0, failed: true }, { at: 50, failed: false }], trips: 1 },
    // Bucket 0 ([0, 100)) leaves the window when bucket 10 ([1000, 1100)) begins.
    { name: 'a failure that has slid out of the window', script: [{ at: 0, failed: true }, { at: 1000, failed: false }, { at: 1001, failed: false }], trips: -1 },
    { name: 'a failure in the oldest bucket still in the window', script: [{ at: 0, failed: true }, { at: 999, failed: false }], trips: 1 },
    { name: 'calls below the minimum', script: [{ at: 0, failed: true }], trips: -1 },
  ])('$name', ({ script, trips }) => {
    expect(tripIndex(detector(), script.map((c) => ({ ...c, slow: false })))).toBe(trips);
  });

  it('drops everything after a gap longer than the window', () => {
    const d = detector();
    d.record(0, true, false);
    d.record(10, true, false);
    expect(d.counts(5000)).toEqual({ calls: 0, failures: 0, slowCalls: 0 });
  });
});

const callArb = fc.record({ gap: fc.integer({ min: 0, max: 400 }), failed: fc.boolean(), slow: fc.boolean() });

describe('window counts match a naive recount of the same calls', () => {
  it('count window: the last windowSize calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(callArb, { maxLength: 80 }), (windowSize, script) => {
        const d = new CountWindowDetector({ kind: 'count-window', windowSize, minimumCalls: 1, failureRateThreshold: 100 });
        const seen: Call[] = [];
        for (const c of script) {
          d.record(0, c.failed, c.slow);
          seen.push({ at: 0, ...c });
          const last = seen.slice(-windowSize);
          expect(d.counts()).toEqual({ calls: last.length, failures: last.filter((x) => x.failed).length, slowCalls: last.filter((x) => x.slow).length });
        }
      }),
    );
  });

  it('time window: the calls in the newest bucket and the buckets − 1 before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3000 }), fc.array(callArb, { maxLength: 80 }), (buckets, windowMs, script) => {
        const d = new TimeWindowDetector({ kind: 'time-window', windowMs, buckets, minimumCalls: 1, failureRateThreshold: 100 });
        const bucketMs = windowMs / buckets;
        const seen: Call[] = [];
        let now = 0;
        for (const c of script) {
          now += c.gap;
          d.record(now, c.failed, c.slow);
          seen.push({ at: now, failed: c.failed, slow: c.slow });
          const newest = Math.floor(now / bucketMs);
          const inWindow = seen.filter((x) => Math.floor(x.at / bucketMs) > newest - buckets);
          expect(d.counts(now)).toEqual({
            calls: inWindow.length,
            failures: inWindow.filter((x) => x.failed).length,
            slowCalls: inWindow.filter((x) => x.slow).length,
          });
        }
      }),
    );
  });

  it('consecutive: the current runs of failures and of slow calls', () => {
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 60 }), (script) => {
        const d = new ConsecutiveFailuresDetector({ kind: 'consecutive', failureThreshold: 1000 });
        const seen: Call[] = [];
        const run = (pick: (c: Call) => boolean) => {
          let n = 0;
          for (let i = seen.length - 1; i >= 0 && pick(seen[i]); i--) n++;
          return n;
        };
        for (const c of script) {
          d.record(0, c.failed, c.slow);
          seen.push({ at: 0, ...c });
          expect(d.counts()).toEqual({ calls: seen.length, failures: run((x) => x.failed), slowCalls: run((x) => x.slow) });
        }
      }),
    );
  });

  it('window detectors trip exactly when a naive recount reaches the minimum and a threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(callArb, { maxLength: 60 }),
        (windowSize, minimumCalls, failureRate, slowRate, script) => {
          const d = new CountWindowDetector({ kind: 'count-window', windowSize, minimumCalls, failureRateThreshold: failureRate, slowCalls: { durationMs: 1, rateThreshold: slowRate } });
          const seen: Call[] = [];
          for (const c of script) {
            const tripped = d.record(0, c.failed, c.slow);
            seen.push({ at: 0, ...c });
            const last = seen.slice(-windowSize);
            const n = last.length;
            const expected =
              n >= Math.min(minimumCalls, windowSize) &&
              (last.filter((x) => x.failed).length / n >= failureRate / 100 - 1e-12 || last.filter((x) => x.slow).length / n >= slowRate / 100 - 1e-12);
            // The division with a 1e-12 slack and the exact integer comparison agree on every case this range can produce.
            expect(tripped).toBe(expected);
          }
        },
      ),
    );
  });
});

describe('detector snapshots', () => {
  it('a restored detector holds the same counts and carries on identically', () => {
    fc.assert(
      fc.property(fc.array(callArb, { maxLength: 40 }), fc.array(callArb, { maxLength: 40 }), (before, after) => {
        const make = (): FailureDetector[] => [
          new ConsecutiveFailuresDetector({ kind: 'consecutive', failureThreshold: 3 }),
          new CountWindowDetector({ kind: 'count-window', windowSize: 7, minimumCalls: 3, failureRateThreshold: 50 }),
          new TimeWindowDetector({ kind: 'time-window', windowMs: 1000, buckets: 4, minimumCalls: 3, failureRateThreshold: 50 }),
        ];
        const originals = make();
        const copies = make();
        let now = 0;
        for (const c of before) {
          now += c.gap;
          for (const d of originals) d.record(now, c.failed, c.slow);
        }
        originals.forEach((d, i) => copies[i].restore(JSON.parse(JSON.stringify(d.snapshot()))));
        for (const c of after) {
          now += c.gap;
          const a = originals.map((d) => d.record(now, c.failed, c.slow));
          const b = copies.map((d) => d.record(now, c.failed, c.slow));
          expect(b).toEqual(a);
          expect(copies.map((d) => d.counts(now))).toEqual(originals.map((d) => d.counts(now)));
        }
      }),
    );
  });

  it('refuses a snapshot of another kind of detector', () => {
    const count = new CountWindowDetector({ kind: 'count-window', windowSize: 3, minimumCalls: 1, failureRateThreshold: 50 });
    const time = new TimeWindowDetector({ kind: 'time-window', windowMs: 100, minimumCalls: 1, failureRateThreshold: 50 });
    expect(() => time.restore(count.snapshot())).toThrow(TypeError);
  });
});
