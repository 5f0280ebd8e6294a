import { setMaxListeners } from 'node:events';
import type { Policy } from '../../src/resilience/index.ts';
import { HttpError, parseRetryAfter } from './http-error.ts';

/**
 * Sends a bounded number of GETs through a policy, a fixed number at a time,
 * and reports what happened. Bounded in count and in time: when `maxRunMs`
 * passes, no new call starts and the calls in flight are aborted; those are
 * reported as unfinished, not as failures of the service.
 */
export interface LoadOptions {
  url: string;
  policy: Policy;
  requests: number;
  concurrency: number;
  maxRunMs: number;
}

export interface LoadReport {
  /** Calls that ended, successes and failures (fewer than asked if time ran out). */
  calls: number;
  succeeded: number;
  /**
   * Why calls failed, by error name (TypeError for resets, RetriesExhaustedError, ...);
   * an HTTP status outside 2xx as `HTTP 503`, a redirect (never followed) as `HTTP 302`.
   */
  failures: Record<string, number>;
  /** Calls cut off by the run's own time limit: neither successes nor failures. */
  unfinished: number;
  /** Latency of every call that ended, ms, in completion order. */
  latencies: number[];
  elapsedMs: number;
  /** Whether the time limit stopped the run early. */
  timedOut: boolean;
}

/**
 * A GET that passes on a 2xx. A redirect is never followed: its target could
 * be any host, and these calls may only reach loopback addresses; it comes
 * back as an HttpError with its 3xx status.
 */
export async function getOk(url: string, signal: AbortSignal): Promise<void> {
  const res = await fetch(url, { signal, redirect: 'manual' });
  // Drain the body so the connection can be reused.
  await res.arrayBuffer();
  if (!res.ok) throw new HttpError(res.status, parseRetryAfter(res.headers.get('retry-after'), Date.now()));
}

export async function runLoad(opts: LoadOptions, onCall?: (index: number) => void): Promise<LoadReport> {
  const started = performance.now();
  const stop = AbortSignal.timeout(opts.maxRunMs);
  // Every call in flight listens to the run's stop signal.
  setMaxListeners(Math.max(10, 4 * opts.concurrency), stop);
  const failures: Record<string, number> = {};
  const latencies: number[] = [];
  let succeeded = 0;
  let unfinished = 0;
  let next = 0;

  const worker = async () => {
    while (next < opts.requests && !stop.aborted) {
      const index = next++;
      onCall?.(index);
      const t0 = performance.now();
      try {
        await opts.policy.execute(({ signal }) => getOk(opts.url, signal), stop);
        succeeded++;
      } catch (error) {
        // Whatever the policy made of the abort (a TimeoutError, an AbortError), the run's own limit ended this call.
        if (stop.aborted) {
          unfinished++;
          continue;
        }
        const name = error instanceof HttpError ? `HTTP ${error.status}` : error instanceof Error ? error.name : typeof error;
        failures[name] = (failures[name] ?? 0) + 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return { calls: latencies.length, succeeded, failures, unfinished, latencies, elapsedMs: performance.now() - started, timedOut: stop.aborted };
}
