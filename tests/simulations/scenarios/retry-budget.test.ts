import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { RetryBreaker, retryBudget, retryPolicies } from '../../../simulations/scenarios/retry-budget.ts';
import { paramsArbitrary, smallRunBounds } from '../small-params.ts';

const defaults = defaultValues(retryBudget.params);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('retry-budget: load on the dependency', () => {
  it.each(retryPolicies)('with a healthy dependency, %s sends exactly one attempt per request', (policy) => {
    const { summary } = retryBudget.run({ ...defaults, failureRate: 0, policy }, 1);
    expect(summary).toMatchObject({ load: 1, successRate: 1, rejected: 0, retries: 0 });
  });

  it('in a hard outage, plain retries multiply the load by exactly retries + 1', () => {
    for (let retries = 0; retries <= 10; retries++) {
      const { summary } = retryBudget.run({ ...defaults, failureRate: 1, policy: 'retries', retries }, retries);
      expect(summary.load).toBe(retries + 1);
      expect(summary.failed).toBe(summary.requests);
    }
  });

  it('in a hard outage, no retries sends exactly one attempt per request', () => {
    expect(retryBudget.run({ ...defaults, failureRate: 1, policy: 'none' }, 1).summary.load).toBe(1);
  });

  it('in a hard outage, the breaker on retries lets a client retry only until its window first fills, then at most once per open period', () => {
    // Each client's breaker trips on its 20th counted attempt (a full window of failures trips at any
    // threshold), so fewer than 20 of its retries come before the trip. From then on it is open for 5 s,
    // then admits one probe, which fails and reopens it: at most one retry per open period, and the
    // periods are at least 5 s long over a run of duration + drain (< 65 s here): 13 of them.
    // First tries always go out, so load >= 1.
    const runs = [0, 0.1, 0.5, 0.99, 1].map((breakerThreshold) => retryBudget.run({ ...defaults, failureRate: 1, policy: 'circuit-breaker', breakerThreshold }, 1).summary);
    for (const s of runs) {
      expect(s.retries).toBeLessThanOrEqual(defaults.clients * (20 + 13));
      expect(s.load).toBeGreaterThanOrEqual(1);
      expect(s.load).toBeLessThan(1.06);
      expect(s.succeeded).toBe(0);
    }
    // The bound is not vacuous: every client retried while its window filled.
    expect(runs[0].retries).toBeGreaterThanOrEqual(defaults.clients * 10);
    // With every attempt failing, the threshold makes no difference.
    for (const s of runs) expect(s).toEqual(runs[0]);
  });

  it('while its breaker never trips, the breaker policy is exactly plain retries', () => {
    // At 2% failures, a window of 20 attempts reaching 50% failures has probability below 1e-11.
    const breaker = retryBudget.run({ ...defaults, failureRate: 0.02, policy: 'circuit-breaker', breakerThreshold: 0.5 }, 4).summary;
    const plain = retryBudget.run({ ...defaults, failureRate: 0.02, policy: 'retries' }, 4).summary;
    expect(breaker.rejected).toBe(0);
    expect(breaker).toEqual(plain);
  });

  it('a 10% breaker trips on local noise at 5% failures, failing requests plain retries would have saved (Brooker 2022)', () => {
    // 2 failures in a client's last 20 attempts are enough, and at 5% that happens every few seconds.
    const breaker = retryBudget.run({ ...defaults, failureRate: 0.05, policy: 'circuit-breaker' }, 1).summary;
    const plain = retryBudget.run({ ...defaults, failureRate: 0.05, policy: 'retries' }, 1).summary;
    expect(breaker.rejected).toBeGreaterThan(0);
    expect(breaker.successRate).toBeLessThan(plain.successRate);
    expect(breaker.load).toBeLessThan(plain.load);
  });

  it('in a hard outage, the token bucket allows each client at most 4 retries in all', () => {
    // gRPC: each failed attempt takes a token from a bucket of 10, a retry needs more than
    // 10/2 tokens left, and without a success nothing refills it: after the k-th failure
    // 10 - k tokens remain, so only failures 1..4 can be retried. load <= 1 + 4·clients/requests.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10 }), fc.nat(), (clients, rate, retries, seed) => {
        const { summary } = retryBudget.run({ ...defaults, clients, rate, duration: 10, retries, failureRate: 1, policy: 'token-bucket' }, seed);
        expect(summary.retries).toBeLessThanOrEqual(4 * clients);
        expect(summary.load).toBeLessThanOrEqual(1 + (4 * clients) / summary.requests);
      }),
      { numRuns: 200 },
    );
  });

  it('whatever the failure rate, the ratio budget keeps retries within 20% of requests (load <= 1.2)', () => {
    // The budget grants a retry only while retries in the last 10 one-second slices stay
    // within 10% of requests in them. Cut time into blocks of 10 slices: the window at a
    // block's last grant covers every retry of the block, and requests from that block and
    // the one before. Summing over blocks, retries <= 0.1 · 2 · requests.
    fc.assert(
      fc.property(paramsArbitrary(retryBudget.params, { clients: { max: 10 }, duration: { max: 30 } }), fc.nat(), (p, seed) => {
        const { summary } = retryBudget.run({ ...p, policy: 'ratio-budget' }, seed);
        expect(summary.retries).toBeLessThanOrEqual(0.2 * summary.requests);
      }),
      { numRuns: 200 },
    );
    // The bound is not vacuous: in an outage the budget is used, and load sits near 1.1.
    const { summary } = retryBudget.run({ ...defaults, failureRate: 1, policy: 'ratio-budget' }, 1);
    expect(summary.load).toBeGreaterThan(1.05);
    expect(summary.load).toBeLessThanOrEqual(1.2);
  });

  it('in a hard outage, the AWS retry quota allows each client at most 500 / 5 = 100 retries', () => {
    const { summary } = retryBudget.run({ ...defaults, failureRate: 1, policy: 'retry-quota', duration: 120 }, 1);
    expect(summary.retries).toBe(100 * defaults.clients);
  });

  it('in a hard outage, adaptive throttling sends almost nothing', () => {
    // The cold-start guard lets a client's first 20 attempts out (minRequests); after that, with no
    // accepts, an attempt goes out with probability 1/(requests + 1): a client sends about
    // 20 + ln(600/20) ≈ 23 attempts for its 600 requests, load ≈ 0.04; 0.05 leaves room for sampling.
    const { summary } = retryBudget.run({ ...defaults, failureRate: 1, policy: 'adaptive' }, 1);
    expect(summary.load).toBeLessThan(0.05);
    expect(summary.succeeded).toBe(0);
    expect(summary.rejected).toBeGreaterThan(0.95 * summary.requests);
  });

  it('with plain retries, success rate and load match 1 - p^(r+1) and sum_{i<=r} p^i within sampling error', () => {
    const p = 0.5;
    const { summary } = retryBudget.run({ ...defaults, failureRate: p, policy: 'retries', duration: 120 }, 7);
    // 12000 independent requests: success is Bernoulli(1 - p^4), sd of the rate sqrt(q(1-q)/n) ≈ 0.0022;
    // attempts per request have sd ≈ 1.05 (truncated geometric), so the load's sd ≈ 0.0096. 4 sd each.
    expect(Math.abs(summary.successRate - (1 - p ** 4))).toBeLessThan(4 * Math.sqrt((0.9375 * 0.0625) / summary.requests));
    expect(Math.abs(summary.load - (1 + p + p ** 2 + p ** 3))).toBeLessThan(4 * (1.05 / Math.sqrt(summary.requests)));
  });
});

describe('retry-budget: the outage window and the series', () => {
  it('during an outage nothing succeeds; before it, everything does', () => {
    const { series } = retryBudget.run({ ...defaults, failureRate: 0, outageStart: 20, outageDuration: 10, duration: 40 }, 3);
    const { offered, successes, attempts } = series.columns;
    // Bucket 20 still holds successes of attempts sent just before 20 s; 30 those just after.
    for (let b = 21; b < 30; b++) {
      expect(offered[b]).toBeGreaterThan(0);
      expect(successes[b]).toBe(0);
      expect(attempts[b]).toBeGreaterThan(offered[b]);
    }
    // A success lands 20 ms after its request is offered: per client at most one request
    // (sent every 100 ms) crosses each bucket edge, so the two columns differ by at most `clients`.
    for (let b = 0; b < 19; b++) expect(Math.abs(successes[b] - offered[b])).toBeLessThanOrEqual(defaults.clients);
    expect(sum(successes.slice(0, 20))).toBeGreaterThanOrEqual(sum(offered.slice(0, 19)));
  });

  it('the series columns add up to the summary, in 1 s buckets covering at least the duration', () => {
    fc.assert(
      fc.property(paramsArbitrary(retryBudget.params, smallRunBounds['retry-budget']), fc.nat(), (p, seed) => {
        const { summary, series } = retryBudget.run(p, seed);
        expect(series.bucketMs).toBe(1000);
        expect(series.columns.offered.length).toBeGreaterThanOrEqual(p.duration);
        expect(sum(series.columns.offered)).toBe(summary.requests);
        expect(sum(series.columns.attempts)).toBe(summary.attempts);
        expect(sum(series.columns.successes)).toBe(summary.succeeded);
        expect(sum(series.columns.rejected)).toBe(summary.rejected);
      }),
      { numRuns: 200 },
    );
  });

  it('every client sends its first request within the first second, so there is always at least one request per client', () => {
    const { summary } = retryBudget.run({ ...defaults, clients: 100, rate: 1, duration: 1 }, 5);
    expect(summary.requests).toBe(100);
  });
});

describe('RetryBreaker (the circuit-breaker policy: a breaker on retries only)', () => {
  /** Sends `script` ('S' a success, 'F' a failure) as first tries, all at time `at`. */
  function feed(breaker: RetryBreaker, at: number, script: string): void {
    for (const c of script) {
      const permit = breaker.admit(at, false);
      if (permit === 'refused') throw new Error('a first try is never refused');
      breaker.record(at, c === 'S', permit);
    }
  }

  it.each([
    // threshold, outcomes of the first 20 attempts, state after them
    [0.1, 'S'.repeat(19) + 'F', 'closed'],
    [0.1, 'S'.repeat(18) + 'FF', 'open'],
    [0, 'S'.repeat(19) + 'F', 'open'],
    [0, 'S'.repeat(20), 'closed'],
    [0.5, 'S'.repeat(11) + 'F'.repeat(9), 'closed'],
    [0.5, 'S'.repeat(10) + 'F'.repeat(10), 'open'],
    [1, 'S' + 'F'.repeat(19), 'closed'],
    [1, 'F'.repeat(20), 'open'],
    // Nothing trips before the window holds 20 attempts.
    [0, 'F'.repeat(19), 'closed'],
  ] as const)('threshold %s after %s: %s (trips at >= threshold once the window is full)', (threshold, script, state) => {
    const breaker = new RetryBreaker(threshold);
    feed(breaker, 0, script);
    expect(breaker.state).toBe(state);
  });

  it('while open, refuses retries and lets first tries go uncounted; strictly after 5 s one probe decides', () => {
    const breaker = new RetryBreaker(0.1);
    feed(breaker, 0, 'F'.repeat(20));
    expect(breaker.state).toBe('open');
    expect(breaker.admit(5000, true)).toBe('refused');
    expect(breaker.admit(5000, false)).toBeUndefined();
    const probe = breaker.admit(5000.5, true);
    if (probe === 'refused' || probe === undefined) throw new Error('expected the probe permit');
    expect(probe.kind).toBe('probe');
    // One probe at a time: a second caller, retry or not, is not counted.
    expect(breaker.admit(5001, true)).toBe('refused');
    expect(breaker.admit(5001, false)).toBeUndefined();
    breaker.record(5020, true, probe);
    expect(breaker.state).toBe('closed');
    expect(breaker.admit(5021, true)).toMatchObject({ permitted: true, kind: 'normal' });
  });
});
