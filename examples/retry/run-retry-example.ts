import { exponentialBackoff, pipeline, retry, timeout, tokenBucketBudget, type Policy, type RetryPolicy } from '../../src/resilience/index.ts';
import { startFaultyService, type Faults } from '../shared/faulty-service.ts';
import { isRetryableHttpFailure } from '../shared/http-error.ts';
import { runLoad } from '../shared/load-runner.ts';
import { latencySummary } from '../shared/latency-summary.ts';

/**
 * The retry slice for real: requests over HTTP on loopback to a service that
 * fails, resets connections and sometimes stalls, first with no protection,
 * then through `pipeline(retry(...), timeout(...))` with a gRPC-style token
 * bucket. Both runs see the same fault sequence (the service is seeded).
 */
export interface RetryExampleOptions {
  requests: number;
  /** Requests in flight at once. */
  concurrency: number;
  faults: Partial<Faults>;
  seed: number;
  /** Give up on the whole run after this long, whatever happens. */
  maxRunMs: number;
}

export interface RunReport {
  label: PolicyName;
  requests: number;
  succeeded: number;
  /** HTTP requests the service saw, retries included. */
  serviceRequests: number;
  retries: number;
  gaveUp: Record<string, number>;
  /** Calls cut off by maxRunMs: neither successes nor failures. */
  unfinished: number;
  p50Ms: number;
  p99Ms: number;
}

/** A flaky dependency: retries are what it needs. */
export const flaky: RetryExampleOptions = {
  requests: 300,
  concurrency: 10,
  faults: { errorRate: 0.05, resetRate: 0.02, latencyMs: 5 },
  seed: 7,
  maxRunMs: 20_000,
};

/** A dependency that is down: retries only multiply its load, unless a budget stops them. */
export const outage: RetryExampleOptions = { ...flaky, faults: { errorRate: 1, latencyMs: 5 } };

async function runOne(
  label: PolicyName,
  url: string,
  policy: Policy,
  opts: RetryExampleOptions,
  serviceCount: () => number,
  retryPolicy?: RetryPolicy,
): Promise<RunReport> {
  const before = serviceCount();
  let retries = 0;
  const sub = retryPolicy?.onRetry(() => retries++);
  const load = await runLoad({ url, policy, requests: opts.requests, concurrency: opts.concurrency, maxRunMs: opts.maxRunMs });
  sub?.dispose();
  const { p50, p99 } = latencySummary(load.latencies);
  return {
    label,
    requests: load.calls,
    succeeded: load.succeeded,
    serviceRequests: serviceCount() - before,
    retries,
    gaveUp: load.failures,
    unfinished: load.unfinished,
    p50Ms: p50,
    p99Ms: p99,
  };
}

export type PolicyName = 'no retries' | 'retries' | 'retries + token bucket';
export const policyNames: readonly PolicyName[] = ['no retries', 'retries', 'retries + token bucket'];

function makePolicy(name: PolicyName): { policy: Policy; retrying?: RetryPolicy } {
  if (name === 'no retries') return { policy: timeout(1000) };
  const retrying = retry({
    maxAttempts: 3,
    backoff: exponentialBackoff({ baseMs: 10, capMs: 200, jitter: 'full' }),
    deadlineMs: 2000,
    retryable: isRetryableHttpFailure,
    budget: name === 'retries + token bucket' ? tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 }) : undefined,
  });
  return { policy: pipeline(retrying, timeout(1000)), retrying };
}

/** Runs every policy against the same faults, each on a fresh service with the same seed. */
export async function runRetryExample(opts: RetryExampleOptions = flaky): Promise<RunReport[]> {
  const reports: RunReport[] = [];
  for (const name of policyNames) {
    // Same seed: every policy meets the same faults in the same order.
    const service = await startFaultyService({ faults: opts.faults, seed: opts.seed });
    try {
      const { policy, retrying } = makePolicy(name);
      reports.push(await runOne(name, service.url, policy, opts, () => service.stats.requests, retrying));
    } finally {
      await service.close();
    }
  }
  return reports;
}
