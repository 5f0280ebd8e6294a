import { describe, expect, it } from 'vitest';
import { jitterContention } from '../../../simulations/scenarios/jitter-contention.ts';
import { jitterStrategies, type JitterStrategy } from '../../../src/resilience/index.ts';
import { meanAndStandardError } from './stats.ts';

const defaults = { clients: 50, strategy: 'full', base: 5, cap: 2000 } as const;
const RUNS = 30;

function meanCalls(clients: number, strategy: JitterStrategy) {
  const calls = Array.from({ length: RUNS }, (_, i) => jitterContention.run({ ...defaults, clients, strategy }, 1000 + i).summary.calls);
  return meanAndStandardError(calls);
}

/**
 * `a` needs more calls than `b`: the gap between the means exceeds 4 standard
 * errors of the difference (√(se_a² + se_b²), from 30 runs each), so sampling
 * noise alone would produce it with probability below 1e-4.
 */
function expectMoreCalls(a: { mean: number; se: number }, b: { mean: number; se: number }) {
  expect(a.mean - b.mean).toBeGreaterThan(4 * Math.hypot(a.se, b.se));
}

describe('jitter-contention agrees with the shape of Brooker 2015', () => {
  for (const clients of [50, 100]) {
    it(`with ${clients} clients, over ${RUNS} seeds: none > exponential >> equal, full and decorrelated jitter in calls`, () => {
      const m = Object.fromEntries(jitterStrategies.map((s) => [s, meanCalls(clients, s)])) as Record<JitterStrategy, { mean: number; se: number }>;
      expectMoreCalls(m.none, m.exponential);
      for (const jittered of ['equal', 'full', 'decorrelated'] as const) {
        expectMoreCalls(m.exponential, m[jittered]);
        // "Many more": Brooker's plot shows exponential without jitter far above every jittered curve.
        expect(m.exponential.mean).toBeGreaterThan(1.5 * m[jittered].mean);
      }
    });
  }

  it('exponential backoff without jitter takes far longer to finish than full jitter (clients wait in lockstep)', () => {
    const time = (strategy: JitterStrategy) =>
      meanAndStandardError(Array.from({ length: RUNS }, (_, i) => jitterContention.run({ ...defaults, strategy }, 2000 + i).summary.completionTime));
    const exponential = time('exponential');
    const full = time('full');
    expect(exponential.mean - full.mean).toBeGreaterThan(4 * Math.hypot(exponential.se, full.se));
  });
});

describe('jitter-contention model', () => {
  it('one client never conflicts, and finishes after four one-way messages of |Normal(10, 2)| ms: 40 ms on average', () => {
    const times = Array.from({ length: 400 }, (_, seed) => {
      const { summary } = jitterContention.run({ ...defaults, clients: 1 }, seed);
      expect(summary).toMatchObject({ calls: 1, reads: 1, conflicts: 0, succeededClients: 1 });
      return summary.completionTime;
    });
    // Sum of four N(10, 2) (folding at 0 is 5 sd away, negligible): mean 40, sd 4;
    // 4 standard errors of the sample mean is 4 · 4/√400 = 0.8 ms.
    const { mean } = meanAndStandardError(times);
    expect(Math.abs(mean - 40)).toBeLessThan(0.8);
  });

  it('two clients that start together collide exactly once: the loser then has the row to itself', () => {
    // B's read reaches the server at ~N(10, 2) ms, A's write at ~N(30, 3.5) ms: B reads
    // after A's write only 5 standard deviations out (p < 1e-6), so every seed collides.
    for (let seed = 0; seed < 50; seed++) {
      const { summary } = jitterContention.run({ ...defaults, clients: 2, strategy: 'full' }, seed);
      expect(summary.succeededClients).toBe(2);
      expect(summary).toMatchObject({ calls: 3, conflicts: 1 });
    }
  });

  it('the series has at most 100 round-width buckets covering the run, and its columns add up to the summary', () => {
    for (const strategy of jitterStrategies) {
      const { summary, series } = jitterContention.run({ ...defaults, strategy }, 3);
      const buckets = series.columns.calls.length;
      expect(buckets).toBeLessThanOrEqual(100);
      expect(buckets).toBeGreaterThanOrEqual(40);
      expect(series.bucketMs * buckets).toBeGreaterThanOrEqual(summary.completionTime);
      expect(String(series.bucketMs)).toMatch(/^[125]0*$/);
      expect(series.columns.calls.reduce((a, b) => a + b)).toBe(summary.calls);
      expect(series.columns.successes.reduce((a, b) => a + b)).toBe(summary.succeededClients);
    }
  });

  it('reports progress rising to 1', () => {
    const seen: number[] = [];
    jitterContention.run(defaults, 1, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  });
});
