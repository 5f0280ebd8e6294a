import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { queueScenario } from '../../../simulations/scenarios/queue.ts';

/** Erlang C: the probability that an arrival to an M/M/c queue has to wait, with offered load a = λ/μ < c. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a); // a^c / c! · c / (c − a)
  return top / (sum + top);
}

/**
 * Independent replications: K runs on different seeds give K independent
 * estimates, so their sample standard deviation / sqrt(K) is an honest
 * standard error of the grand mean, one that accounts for the strong
 * autocorrelation of successive sojourn times (which a naive sd/sqrt(n) over
 * all requests would ignore). The standard error shrinks as 1/sqrt(K · N);
 * with N and K as below it comes out between 0.2% and 1.7% of the
 * estimate.
 */
function replicate(params: { arrivalRate: number; serviceRate: number; workers: number }, runs: number, requests: number) {
  const summaries = Array.from({ length: runs }, (_, i) => queueScenario.run({ ...params, requests }, 1000 + i).summary);
  return (key: 'meanTime' | 'p99Time' | 'waitProbability' | 'meanWait' | 'utilization') => {
    const xs = summaries.map((s) => s[key]);
    const mean = xs.reduce((a, b) => a + b, 0) / runs;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (runs - 1);
    return { mean, se: Math.sqrt(variance / runs) };
  };
}

/**
 * The estimate is within 4 standard errors of the theory (a correct model
 * fails this with probability about 6e-5, and the seeds are fixed), and the
 * standard error is below `relative` of the theory, so the check is tight.
 */
function expectAgrees(estimate: { mean: number; se: number }, theory: number, relative: number) {
  expect(estimate.se).toBeLessThan(relative * theory);
  expect(Math.abs(estimate.mean - theory)).toBeLessThan(4 * estimate.se);
}

describe('queue scenario against queueing theory', () => {
  it('M/M/1 (λ = 50/s, μ = 100/s): mean time in system 1/(μ − λ), p99 ln(100)/(μ − λ), wait probability and utilization ρ', () => {
    const lambda = 50;
    const mu = 100;
    const stat = replicate({ arrivalRate: lambda, serviceRate: mu, workers: 1 }, 10, 50_000);
    expectAgrees(stat('meanTime'), 1000 / (mu - lambda), 0.01);
    // The time in system of M/M/1 (FIFO) is exponential with rate μ − λ.
    expectAgrees(stat('p99Time'), (1000 * Math.log(100)) / (mu - lambda), 0.02);
    expectAgrees(stat('waitProbability'), lambda / mu, 0.01);
    expectAgrees(stat('utilization'), lambda / mu, 0.01);
  });

  it('M/M/4 (λ = 30/s, μ = 10/s per worker): wait probability Erlang C, mean wait C/(cμ − λ), mean time that + 1/μ', () => {
    const lambda = 30;
    const mu = 10;
    const c = 4;
    const C = erlangC(c, lambda / mu);
    const meanWait = (1000 * C) / (c * mu - lambda);
    const stat = replicate({ arrivalRate: lambda, serviceRate: mu, workers: c }, 10, 100_000);
    expectAgrees(stat('waitProbability'), C, 0.01);
    // The wait is the noisiest estimate (half the requests do not wait at all): about 1.7% here.
    expectAgrees(stat('meanWait'), meanWait, 0.03);
    expectAgrees(stat('meanTime'), meanWait + 1000 / mu, 0.015);
    expectAgrees(stat('utilization'), lambda / (c * mu), 0.01);
  });

  it('Erlang C itself: known values', () => {
    // c = 1: C = ρ. c = 2, a = 1: C = 1/3 (textbook value).
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('every request of a run succeeds and the totals add up', () => {
    const s = queueScenario.run({ ...defaultValues(queueScenario.params), requests: 5_000 }, 3).summary;
    expect(s).toMatchObject({ requests: 5_000, succeeded: 5_000, failed: 0, rejected: 0, timedOut: 0, shed: 0 });
  });

  it('same seed, same summary; another seed, another summary', () => {
    const p = { ...defaultValues(queueScenario.params), requests: 5_000 };
    const a = JSON.stringify(queueScenario.run(p, 11));
    expect(JSON.stringify(queueScenario.run(p, 11))).toBe(a);
    expect(JSON.stringify(queueScenario.run(p, 12))).not.toBe(a);
  });
});
