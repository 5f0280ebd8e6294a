import { setMaxListeners } from 'node:events';
import { randomLcg } from 'd3-random';
import { circuitBreaker, exponentialBackoff, pipeline, realClock, retry, timeout, type Policy, type RandomSource } from '../../src/resilience/index.ts';
import { runFaultTimeline } from '../shared/fault-timeline.ts';
import { startFaultyService, type FaultyService } from '../shared/faulty-service.ts';
import { isRetryableHttpFailure } from '../shared/http-error.ts';
import { isDependencyFailure } from '../shared/http-outcome.ts';
import { httpGet } from '../shared/http-get.ts';
import { runOpenLoop } from '../shared/open-loop.ts';
import { warmUpHttpClient } from '../shared/warm-up-http-client.ts';
import { phaseReports, type CallRecord, type PhaseReport } from './phase-report.ts';

/**
 * The circuit breaker for real: a local HTTP service goes down for a while
 * and comes back, and calls keep arriving at a fixed rate through two
 * policies at the same time, each against its own copy of the service:
 *
 *   retry + timeout            pipeline(retry(...), timeout(...))
 *   retry + breaker + timeout  pipeline(retry(...), circuitBreaker(...), timeout(...))
 *
 * The retry is outside the breaker, so every attempt asks the breaker, and a
 * rejection (BrokenCircuitError) is not retried: it fails the call at once.
 */
export interface CircuitBreakerExampleOptions {
  /** Calls started per second through each policy (an open loop: arrivals do not wait for answers). */
  ratePerSecond: number;
  /** The service is up for this long, then down (every request a 503) for `outageMs`, then up for `afterMs`. */
  beforeMs: number;
  outageMs: number;
  afterMs: number;
  /** Latency of every response of the service, ms. */
  serviceLatencyMs: number;
  /** Per-attempt timeout, ms. */
  timeoutMs: number;
  /** How long the breaker rejects calls before it lets a probe through. */
  openDurationMs: number;
  /** Seed of the retry's jitter and the breaker's random source. */
  seed: number;
}

export const defaultCircuitBreakerOptions: CircuitBreakerExampleOptions = {
  ratePerSecond: 20,
  beforeMs: 2000,
  outageMs: 5000,
  afterMs: 3000,
  serviceLatencyMs: 5,
  timeoutMs: 1000,
  openDurationMs: 1000,
  seed: 1,
};

export type PolicyName = 'retry + timeout' | 'retry + breaker + timeout';

/** A state change of the breaker, from its onStateChange event. */
export interface StateChangeRecord {
  /** ms since the start of the run. */
  readonly atMs: number;
  readonly from: string;
  readonly to: string;
  /** The machine event that caused it (trip, probe failure, ...). */
  readonly event: string;
}

export interface PolicyReport {
  readonly policy: PolicyName;
  readonly phases: readonly PhaseReport[];
  /** Empty for the policy without a breaker. */
  readonly stateChanges: readonly StateChangeRecord[];
}

export interface CircuitBreakerExampleReport {
  /** When the outage really started and ended, ms since the start of the run (timers can be late). */
  readonly outage: { readonly startMs: number; readonly endMs: number };
  readonly policies: readonly PolicyReport[];
}

/** Retries as in examples/retry: three attempts, full jitter, retryable HTTP failures only. */
const RETRY = { maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 20, capMs: 200, jitter: 'full' }), deadlineMs: 1000 } as const;
/**
 * resilience4j's count-based window: trip when at least half of the last 20
 * attempts failed, once 10 have been seen; one probe in half-open.
 */
const DETECTION = { kind: 'count-window', windowSize: 20, minimumCalls: 10, failureRateThreshold: 50 } as const;

interface Contender {
  readonly name: PolicyName;
  readonly service: FaultyService;
  readonly policy: Policy;
  readonly calls: CallRecord[];
  readonly stateChanges: StateChangeRecord[];
  /** service.stats.requests when the outage started and ended. */
  readonly requestsAt: { start: number; end: number };
  dispose(): void;
}

async function startContender(name: PolicyName, opts: CircuitBreakerExampleOptions): Promise<Contender> {
  // Each policy its own seeded source, so neither's draws shift the other's.
  const random: RandomSource = randomLcg(opts.seed);
  const service = await startFaultyService({ seed: opts.seed, faults: { latencyMs: opts.serviceLatencyMs } });
  const retrying = retry({ ...RETRY, retryable: isRetryableHttpFailure, random, clock: realClock });
  const stateChanges: StateChangeRecord[] = [];
  if (name === 'retry + timeout') {
    return { name, service, policy: pipeline(retrying, timeout(opts.timeoutMs)), calls: [], stateChanges, requestsAt: { start: 0, end: 0 }, dispose() {} };
  }
  const breaker = circuitBreaker({
    detection: DETECTION,
    openDuration: opts.openDurationMs,
    halfOpen: { probes: 1 },
    isFailure: isDependencyFailure,
    random,
    clock: realClock,
  });
  // Clock time for now; the report makes it relative to the start of the run.
  const sub = breaker.onStateChange((e) => stateChanges.push({ atMs: e.at, from: e.from, to: e.to, event: e.event }));
  return {
    name,
    service,
    policy: pipeline(retrying, breaker, timeout(opts.timeoutMs)),
    calls: [],
    stateChanges,
    requestsAt: { start: 0, end: 0 },
    dispose() {
      sub.dispose();
      breaker.dispose();
    },
  };
}

/** The error's name, and for a retry that gave up what its last attempt got (`RetriesExhaustedError (HTTP 503)`). */
function errorLabel(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  return e.cause instanceof Error ? `${e.name} (${e.cause.message})` : e.name;
}

async function callThrough(c: Contender, startMs: number, stop: AbortSignal): Promise<void> {
  const t0 = realClock.now();
  try {
    await c.policy.execute(({ signal }) => httpGet(c.service.url, signal), stop);
    c.calls.push({ startMs, latencyMs: realClock.now() - t0 });
  } catch (e) {
    // Whatever the policies made of the abort, the run's own time limit ended this call.
    if (stop.aborted) c.calls.push({ startMs, latencyMs: realClock.now() - t0, unfinished: true });
    else c.calls.push({ startMs, latencyMs: realClock.now() - t0, error: errorLabel(e) });
  }
}

export async function runCircuitBreakerExample(opts: CircuitBreakerExampleOptions = defaultCircuitBreakerOptions): Promise<CircuitBreakerExampleReport> {
  const clock = realClock;
  const runMs = opts.beforeMs + opts.outageMs + opts.afterMs;
  const names: PolicyName[] = ['retry + timeout', 'retry + breaker + timeout'];
  await warmUpHttpClient();
  const contenders = await Promise.all(names.map((name) => startContender(name, opts)));
  // Whatever happens, nothing runs longer than this: calls in flight then are aborted.
  const stop = AbortSignal.timeout(runMs + 5000);
  // Every call in flight listens to the stop signal (a few listeners each, through the policies).
  setMaxListeners(Math.max(10, 20 * opts.ratePerSecond), stop);
  try {
    const t0 = clock.now();
    const setOutage = (on: boolean) => () => {
      for (const c of contenders) {
        c.service.setFaults({ outage: on });
        c.requestsAt[on ? 'start' : 'end'] = c.service.stats.requests;
      }
    };
    const [applied] = await Promise.all([
      runFaultTimeline(
        [
          { atMs: opts.beforeMs, label: 'outage starts', apply: setOutage(true) },
          { atMs: opts.beforeMs + opts.outageMs, label: 'outage ends', apply: setOutage(false) },
        ],
        clock,
        t0,
        stop,
      ),
      // Both policies see the same arrivals: each one starts a call through each.
      runOpenLoop({ ratePerSecond: opts.ratePerSecond, durationMs: runMs, clock, startedAt: t0, signal: stop }, async (_, startMs) => {
        await Promise.all(contenders.map((c) => callThrough(c, startMs, stop)));
      }),
    ]);
    const outage = { startMs: applied[0]?.appliedMs ?? runMs, endMs: applied[1]?.appliedMs ?? runMs };
    return {
      outage,
      policies: contenders.map((c) => {
        const total = c.service.stats.requests;
        // A step the hard stop skipped did not happen: its phase ends with the run.
        const atStart = applied.length > 0 ? c.requestsAt.start : total;
        const atEnd = applied.length > 1 ? c.requestsAt.end : total;
        return {
          policy: c.name,
          phases: phaseReports(c.calls, outage, [atStart, atEnd - atStart, total - atEnd]),
          stateChanges: c.stateChanges.map((s) => ({ ...s, atMs: s.atMs - t0 })),
        };
      }),
    };
  } finally {
    for (const c of contenders) {
      c.dispose();
      await c.service.close();
    }
  }
}
