import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { retryBudget } from '../../../simulations/scenarios/retry-budget.ts';

/** `retry-budget --policy adaptive --retries 0 --failure-rate 0.3 --duration 300 --seed <seed>` */
function coldStartRun(seed: number) {
  const params = { ...defaultValues(retryBudget.params), policy: 'adaptive' as const, retries: 0, failureRate: 0.3, duration: 300 };
  return retryBudget.run(params, seed).summary;
}

describe('retry-budget: adaptive throttling does not lock a client out at cold start', () => {
  // The backend accepts 70% of attempts, above 1/K = 1/2, so the SRE formula's steady state rejects
  // nothing. Before the cold-start guard, a client whose first attempts failed could reject its next
  // requests itself, each local rejection raising `requests` without `accepts`, and shed most of its
  // traffic for a whole two-minute window (seed 2: 682 of 30,000 requests rejected).
  it('seeds 1–20 (the sim CLI with --runs 20): 18 of 600,000 requests rejected, all in one run', () => {
    const rejected = Array.from({ length: 20 }, (_, i) => coldStartRun(i + 1).rejected);
    expect(rejected.reduce((a, b) => a + b, 0)).toBe(18);
    expect(rejected.filter((r) => r > 0)).toEqual([18]);
  });

  it('the default seed: every one of 30,000 requests is sent; about 70% succeed', () => {
    const s = coldStartRun(1);
    expect(s.requests).toBe(30_000);
    expect(s.rejected).toBe(0);
    expect(s.attempts).toBe(30_000);
    expect(s.successRate).toBeCloseTo(0.7, 2);
  });
});
