import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballsIntoBins } from '../../../simulations/scenarios/balls-into-bins.ts';
import { expectedMaxLoad, expectedMaxLoads } from '../../../simulations/theory/balanced-allocations.ts';
import { meanAndStandardError } from './stats.ts';

/** Mean and standard error of the final maximum load over `runs` seeds. */
function replicate(requests: number, backends: number, choices: number, runs: number) {
  const maxima = Array.from({ length: runs }, (_, i) => ballsIntoBins.run({ requests, backends, choices }, 500 + i).summary.maxLoad);
  return { ...meanAndStandardError(maxima), maxima };
}

/**
 * Theory agreement. The maximum load of one run is one draw, so K runs on
 * fixed seeds give a mean and a standard error (sample sd / √K); the mean
 * must be within 4 standard errors of the theory, plus APPROXIMATION balls:
 * the theory treats the backends as independent and n as large (see
 * theory/balanced-allocations.ts), which against 200 seeds per case came out
 * within 0.1 ball at these sizes. With two choices the maximum barely
 * varies (it is 3 in nearly every run of m = n = 1000), so that allowance
 * is what the check rests on there.
 */
const APPROXIMATION = 0.15;
const RUNS = 30;

describe('balls-into-bins against the theory of balanced allocations', () => {
  it.each([
    { requests: 1000, backends: 1000, choices: 1 },
    { requests: 1000, backends: 1000, choices: 2 },
    { requests: 1000, backends: 1000, choices: 3 },
    { requests: 10_000, backends: 1000, choices: 1 },
    { requests: 10_000, backends: 1000, choices: 2 },
    { requests: 100_000, backends: 100, choices: 2 },
  ])('mean maximum load agrees with the theory: %o', ({ requests, backends, choices }) => {
    const { mean, se } = replicate(requests, backends, choices, RUNS);
    const theory = expectedMaxLoad(requests, backends, choices);
    expect(Math.abs(mean - theory)).toBeLessThanOrEqual(4 * se + APPROXIMATION);
  });

  it('two choices beat one on every seed: m = n = 1000 gives a maximum of about 5.5 with one choice and 3 with two', () => {
    for (let seed = 0; seed < 20; seed++) {
      const one = ballsIntoBins.run({ requests: 1000, backends: 1000, choices: 1 }, seed).summary.maxLoad;
      const two = ballsIntoBins.run({ requests: 1000, backends: 1000, choices: 2 }, seed).summary.maxLoad;
      // P(one choice puts at most 3 balls in every bin) = P(Poisson(1) <= 3)^1000 ≈ 4e-9.
      expect(two).toBeLessThan(one);
    }
  });

  it('the gap above the mean grows with the requests for one choice and stays flat for two', () => {
    const one = ballsIntoBins.run({ requests: 50_000, backends: 100, choices: 1 }, 7).byRequests;
    const two = ballsIntoBins.run({ requests: 50_000, backends: 100, choices: 2 }, 7).byRequests;
    const gap = (p: { maxLoad: number; meanLoad: number }) => p.maxLoad - p.meanLoad;
    // One choice: about sqrt(2 (m/n) ln n), from ~9 at m/n = 10 to ~65 at m/n = 500; two: about ln ln n / ln 2 + O(1) ≈ 2-3 throughout.
    expect(gap(one[one.length - 1])).toBeGreaterThan(3 * gap(one[0]));
    for (const p of two) expect(gap(p)).toBeLessThanOrEqual(4);
    expect(gap(one[one.length - 1])).toBeGreaterThan(10 * gap(two[two.length - 1]));
  });

  it('the max-load curve of one run tracks the theory at every point, within 5 standard deviations of the maximum', () => {
    const n = 200;
    // One choice: the maximum of n loads of sd σ = sqrt(m/n) has sd about σ·π/(√6·sqrt(2 ln n))
    // (Gumbel limit of the normal maximum), 0.39·σ here; two choices: the maximum sits on one or two values.
    const sdOfMax = (m: number, choices: number) => (choices === 1 ? (Math.sqrt(m / n) * Math.PI) / (Math.sqrt(6) * Math.sqrt(2 * Math.log(n))) : 0.5);
    for (const choices of [1, 2]) {
      const { byRequests } = ballsIntoBins.run({ requests: 20_000, backends: n, choices }, 3);
      for (const p of byRequests) {
        expect(Math.abs(p.maxLoad - p.expectedMaxLoad), `${choices} choices at ${p.requests}`).toBeLessThanOrEqual(5 * sdOfMax(p.requests, choices) + APPROXIMATION);
      }
    }
  });
});

describe('balls-into-bins invariants', () => {
  it('pigeonhole: min <= m/n <= max, the curve rises to m in at most 50 points, and its maximum never falls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 4 }), fc.nat(), (requests, backends, choices, seed) => {
        const { summary, byRequests } = ballsIntoBins.run({ requests, backends, choices }, seed);
        expect(summary.minLoad).toBeLessThanOrEqual(summary.meanLoad);
        expect(summary.maxLoad).toBeGreaterThanOrEqual(Math.ceil(requests / backends));
        expect(summary.meanLoad).toBe(requests / backends);
        expect(summary).toMatchObject({ requests, succeeded: requests, failed: 0, rejected: 0, timedOut: 0, shed: 0 });
        expect(byRequests.length).toBe(Math.min(50, requests));
        expect(byRequests[byRequests.length - 1]).toMatchObject({ requests, maxLoad: summary.maxLoad, expectedMaxLoad: summary.expectedMaxLoad });
        for (let i = 1; i < byRequests.length; i++) {
          expect(byRequests[i].requests).toBeGreaterThan(byRequests[i - 1].requests);
          expect(byRequests[i].maxLoad).toBeGreaterThanOrEqual(byRequests[i - 1].maxLoad);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('theory: the expected maximum lies between the mean and the number of balls, grows with the balls, and more choices never raise it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 10_000 }), (m, n) => {
        const byChoices = [1, 2, 3, 4].map((d) => expectedMaxLoad(m, n, d));
        for (let d = 0; d < 4; d++) {
          expect(byChoices[d]).toBeGreaterThanOrEqual(m / n - 1e-9);
          expect(byChoices[d]).toBeLessThanOrEqual(m + 1e-9);
          if (d > 0) expect(byChoices[d]).toBeLessThanOrEqual(byChoices[d - 1] + 1e-9);
        }
        const curve = expectedMaxLoads([m, 2 * m], n, 2);
        expect(curve[1]).toBeGreaterThan(curve[0]);
      }),
      { numRuns: 100 },
    );
  });

  it('theory: one bin holds every ball, and far beyond m/n = 30 two choices keep a constant gap', () => {
    expect(expectedMaxLoad(1234, 1, 2)).toBe(1234);
    const gapAt = (m: number) => expectedMaxLoad(m, 1000, 2) - m / 1000;
    expect(gapAt(100_000)).toBeCloseTo(gapAt(1_000_000), 1);
  });

  it('same seed, same run; another seed, another run', () => {
    const p = { requests: 5000, backends: 100, choices: 1 };
    const a = JSON.stringify(ballsIntoBins.run(p, 11));
    expect(JSON.stringify(ballsIntoBins.run(p, 11))).toBe(a);
    expect(JSON.stringify(ballsIntoBins.run(p, 12))).not.toBe(a);
  });
});
