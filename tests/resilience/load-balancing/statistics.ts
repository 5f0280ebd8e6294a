/**
 * Tolerances for the long-run tests. A host picked with probability p in N
 * independent picks is picked Binomial(N, p) times: mean Np, standard error
 * sqrt(Np(1 - p)). Allowing 5 standard errors makes a false failure about
 * 6e-7 likely per host; the seeds are fixed anyway, so a failure means the
 * algorithm changed, not bad luck.
 */
export const STANDARD_ERRORS = 5;

export function binomialTolerance(n: number, p: number, k = STANDARD_ERRORS): number {
  return k * Math.sqrt(n * p * (1 - p));
}

/** Counts how often each of `hostCount` hosts came out of `picks` calls of `pick`. */
export function tally(hostCount: number, picks: number, pick: () => number): number[] {
  const counts = new Array<number>(hostCount).fill(0);
  for (let i = 0; i < picks; i++) counts[pick()]++;
  return counts;
}

/** Asserts every count is within the binomial tolerance of its share of the weights. */
export function expectProportional(counts: readonly number[], weights: readonly number[], expectFn: (ok: boolean, message: string) => void): void {
  const n = counts.reduce((a, b) => a + b, 0);
  const total = weights.reduce((a, b) => a + b, 0);
  counts.forEach((c, i) => {
    const p = weights[i] / total;
    const tol = binomialTolerance(n, p);
    expectFn(Math.abs(c - n * p) <= tol, `host ${i}: ${c} picks, expected ${(n * p).toFixed(1)} ± ${tol.toFixed(1)}`);
  });
}
