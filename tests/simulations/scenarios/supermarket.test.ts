import { describe, expect, it } from 'vitest';
import { supermarket, type SupermarketParams } from '../../../simulations/scenarios/supermarket.ts';
import { supermarketMeanTime, supermarketTail } from '../../../simulations/theory/supermarket.ts';
import { meanAndStandardError } from './stats.ts';

/**
 * Independent replications, as in the queue scenario's test: K runs on
 * different seeds give K independent estimates of the mean time, so their
 * sample standard deviation / √K is an honest standard error of the grand
 * mean, one that accounts for the strong autocorrelation of successive
 * times in a queue (which sd/√n over all requests would ignore).
 */
function replicate(p: SupermarketParams, runs: number) {
  const results = Array.from({ length: runs }, (_, i) => supermarket.run(p, 2000 + i));
  return {
    meanTime: meanAndStandardError(results.map((r) => r.summary.meanTime)),
    tail: (level: number) => meanAndStandardError(results.map((r) => r.tails.measured[level - 1])),
    results,
  };
}

describe('supermarket against the supermarket model', () => {
  it('one choice is n independent M/M/1 queues: mean time 1/(1 − λ) within 4 standard errors, the error below 1.5% of it', () => {
    const lambda = 0.7;
    const { meanTime } = replicate({ backends: 10, utilization: lambda, choices: '1', requests: 50_000 }, 10);
    const theory = 1 / (1 - lambda);
    expect(supermarketMeanTime(lambda, 1)).toBe(theory);
    expect(meanTime.se).toBeLessThan(0.015 * theory);
    expect(Math.abs(meanTime.mean - theory)).toBeLessThan(4 * meanTime.se);
  });

  it('two choices over 500 backends: mean time Σ λ^(2^i − 2) within 4 standard errors plus 0.5% for n < ∞', () => {
    // The formula is the n → ∞ limit; the finite-n excess shrinks as 1/n. Measured with
    // 10 × 200 000 requests: +1.1% at n = 100, +0.06% ± 0.23% at n = 500 (λ = 0.8).
    const lambda = 0.8;
    const theory = supermarketMeanTime(lambda, 2);
    expect(theory).toBeCloseTo(1 + lambda ** 2 + lambda ** 6 + lambda ** 14 + lambda ** 30 + lambda ** 62, 9);
    const { meanTime, tail } = replicate({ backends: 500, utilization: lambda, choices: '2', requests: 100_000 }, 8);
    expect(meanTime.se).toBeLessThan(0.01 * theory);
    expect(Math.abs(meanTime.mean - theory)).toBeLessThan(4 * meanTime.se + 0.005 * theory);
    // The fraction of busy backends is λ whatever the policy (work conservation), and the
    // fraction with at least 2 and 3 requests follows the fixed point s_i = λ^(2^i − 1).
    for (const level of [1, 2, 3]) {
      const measured = tail(level);
      const expected = supermarketTail(lambda, 2, level);
      expect(Math.abs(measured.mean - expected), `level ${level}`).toBeLessThan(4 * measured.se + 0.01 * expected + 1e-3);
    }
  });

  it('joining the shortest of all queues beats two choices, which beat one, on every seed', () => {
    for (let seed = 0; seed < 5; seed++) {
      const run = (choices: SupermarketParams['choices']) => supermarket.run({ backends: 50, utilization: 0.9, choices, requests: 20_000 }, seed).summary;
      const [one, two, all] = [run('1'), run('2'), run('all')];
      // Expected about 10, 2.7 and 1.1 service times: gaps far beyond the run-to-run spread.
      expect(two.meanTime).toBeLessThan(one.meanTime);
      expect(all.meanTime).toBeLessThan(two.meanTime);
      expect(all.maxQueueLength).toBeLessThan(one.maxQueueLength);
    }
  });

  it('theory: more choices, shorter time; the tail falls doubly exponentially; and with two choices the time stays small as λ → 1', () => {
    for (const lambda of [0.3, 0.6, 0.9, 0.99]) {
      const times = [1, 2, 3, 4].map((d) => supermarketMeanTime(lambda, d));
      for (let d = 1; d < 4; d++) expect(times[d]).toBeLessThan(times[d - 1]);
      expect(times[1]).toBeGreaterThan(1);
      for (let i = 1; i < 6; i++) expect(supermarketTail(lambda, 2, i + 1)).toBeCloseTo(lambda * supermarketTail(lambda, 2, i) ** 2, 12);
    }
    expect(supermarketMeanTime(0.99, 1)).toBeCloseTo(100, 9);
    expect(supermarketMeanTime(0.99, 2)).toBeLessThan(7);
  });

  it('every request is served, and the tails are reported for levels 1 to 12 with their limits', () => {
    const r = supermarket.run({ backends: 20, utilization: 0.5, choices: 'all', requests: 5000 }, 1);
    expect(r.summary).toMatchObject({ requests: 5000, succeeded: 5000, failed: 0, rejected: 0, timedOut: 0, shed: 0, expectedMeanTime: 1 });
    expect(r.tails.level).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.tails.expected[0]).toBe(0.5);
    for (let i = 1; i < 12; i++) expect(r.tails.measured[i]).toBeLessThanOrEqual(r.tails.measured[i - 1]);
  });
});
