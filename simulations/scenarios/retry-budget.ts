import { RetryCore, adaptiveThrottle, attemptSucceeded, brookerBackoff, ratioBudget, retryQuota, retryQuotaCosts2026, tokenBucketBudget } from '../../src/resilience/index.ts';
import type { AdaptiveThrottle, AttemptOutcome, RetryBudget, RetryState } from '../../src/resilience/index.ts';
import { CircuitBreakerCore, type BreakerState, type Permit } from '../../src/resilience/circuit-breaker/index.ts';
import { EventQueue } from '../engine/event-queue.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { SeriesRecorder, type TimeSeries } from '../engine/time-series.ts';
import { RequestLedger, type LedgerCounts, type RequestOutcome } from '../models/request-ledger.ts';
import { defineScenario } from '../scenario.ts';
import { retryBudgetSpec, BREAKER_WINDOW, BREAKER_OPEN_MS, type RetryBudgetPolicy, type QuotaCosts } from './specs/retry-budget.ts';
export { retryPolicies, type RetryBudgetPolicy } from './specs/retry-budget.ts';

const params = retryBudgetSpec.params;

/**
 * Retry budgets against a failing dependency. Each client sends requests at a
 * steady rate (evenly spaced, from a random phase); each attempt takes
 * ATTEMPT_LATENCY_MS and fails independently with probability `failureRate`,
 * or always during the optional outage. A failed attempt is retried, with
 * full-jitter backoff, up to `retries` times, as far as the policy allows.
 * Budgets and throttles are per client, as in gRPC, the AWS SDKs and the SRE
 * book. Fixed settings of the policies:
 * - token-bucket: gRPC retry throttling, maxTokens 10, tokenRatio 0.1;
 * - ratio-budget: retries at most 10% of requests over a 10 s window;
 * - retry-quota: the AWS SDKs' standard mode (capacity 500, 5 per retry,
 *   refunded on success, 1 back per first-try success); with quotaCosts
 *   '2026', the updated standard mode's 14 per retry;
 * - adaptive: SRE client-side throttling, K = 2 over 2 minutes, gating every
 *   attempt (first ones included), with plain capped retries; the throttle
 *   rejects nothing before its window holds 20 requests (its cold-start
 *   guard), so a client whose first attempts fail is not locked out;
 * - circuit-breaker: a circuit breaker on retries only (see RetryBreaker):
 *   each client's breaker counts its last BREAKER_WINDOW attempts and opens
 *   once at least `breakerThreshold` of them failed; while it is open, failed
 *   requests are not retried, and first attempts still go out.
 * A request ends exactly once: succeeded, failed (its last attempt failed and
 * the per-request cap was reached), or rejected (a budget, throttle or the
 * breaker refused its next attempt).
 */

const ATTEMPT_LATENCY_MS = 20;
const BACKOFF = { baseMs: 20, capMs: 1000 };
const TOKEN_BUCKET = { maxTokens: 10, tokenRatio: 0.1 };
const RATIO_BUDGET = { ratio: 0.1, windowMs: 10_000 };
const ADAPTIVE = { k: 2, windowMs: 120_000 };

type SeriesColumn = 'offered' | 'attempts' | 'successes' | 'rejected';

export interface RetryBudgetResult {
  readonly summary: {
    successRate: number;
    load: number;
    attempts: number;
    failedAttempts: number;
    retries: number;
  } & Pick<LedgerCounts, 'rejected' | 'requests' | 'succeeded' | 'failed'>;
  /** Per 1 s bucket: requests started, attempts sent, requests succeeded, requests rejected; until the last request ends. */
  readonly series: TimeSeries<SeriesColumn>;
}

interface Client {
  readonly kind: 'arrival';
  readonly core: RetryCore;
  readonly throttle: AdaptiveThrottle | undefined;
  readonly breaker: RetryBreaker | undefined;
  /** Arrival j of this client is at (phase + j) · intervalMs. */
  readonly phase: number;
  arrivals: number;
}

/** A request in progress; it has one event pending at a time, so the event is the request itself. */
interface Request {
  kind: 'attempt-end' | 'retry';
  readonly client: Client;
  readonly state: RetryState;
  /** Outcome of the attempt in flight. */
  ok: boolean;
  /** The breaker's permit for the attempt in flight, when it is counted. */
  permit: Permit | undefined;
  /** How the request ended; undefined until then (the ledger's record). */
  outcome: RequestOutcome | undefined;
}

type Event = Client | Request;

const failure: AttemptOutcome = Object.freeze({ ok: false });

export const retryBudget = defineScenario({
  ...retryBudgetSpec,
  run(p, seed, options = {}): RetryBudgetResult {
    const streams = new RandomStreams(seed);
    const phases = streams.stream('arrivals');
    const failures = streams.stream('failures');
    const jitter = streams.stream('backoff');
    const throttling = streams.stream('throttle');
    const durationMs = p.duration * 1000;
    const outageFrom = p.outageStart * 1000;
    const outageTo = outageFrom + p.outageDuration * 1000;
    const attemptFails = (now: number) => (now >= outageFrom && now < outageTo) || failures() < p.failureRate;

    // Requests arrive before durationMs; none lasts longer than its attempts and waits.
    const longestRequestMs = (p.retries + 1) * ATTEMPT_LATENCY_MS + p.retries * BACKOFF.capMs;
    const series = new SeriesRecorder<SeriesColumn>(1000, durationMs + longestRequestMs, ['offered', 'attempts', 'successes', 'rejected']);
    const ledger = new RequestLedger();
    const counts = { attempts: 0, failedAttempts: 0, retries: 0 };

    const queue = new EventQueue<Event>();
    const intervalMs = 1000 / p.rate;
    for (let c = 0; c < p.clients; c++) {
      const throttle = p.policy === 'adaptive' ? adaptiveThrottle(ADAPTIVE) : undefined;
      const breaker = p.policy === 'circuit-breaker' ? new RetryBreaker(p.breakerThreshold) : undefined;
      // Steady but not synchronised: each client starts at its own phase.
      const client: Client = { kind: 'arrival', core: retryCoreFor(p), throttle, breaker, phase: phases(), arrivals: 0 };
      queue.push(client.phase * intervalMs, client);
    }

    const end = (now: number, request: Request, outcome: 'succeeded' | 'failed' | 'rejected') => {
      ledger.end(request, outcome);
      if (outcome === 'succeeded') series.add('successes', now);
      if (outcome === 'rejected') series.add('rejected', now);
    };
    // Sends the request's next attempt, unless adaptive throttling rejects it locally, or the breaker a retry.
    const attempt = (now: number, request: Request) => {
      const { throttle, breaker } = request.client;
      if (throttle?.shouldReject(now, throttling)) return end(now, request, 'rejected');
      const permit = breaker?.admit(now, request.state.attempt > 1);
      if (permit === 'refused') return end(now, request, 'rejected');
      request.permit = permit;
      counts.attempts++;
      if (request.state.attempt > 1) counts.retries++;
      series.add('attempts', now);
      request.ok = !attemptFails(now);
      request.kind = 'attempt-end';
      queue.push(now + ATTEMPT_LATENCY_MS, request);
    };

    const progress = options.onProgress && new ProgressReporter(options.onProgress, () => queue.lastTime / durationMs);
    let lastEventMs = 0;
    while (queue.size > 0) {
      const event = queue.pop()!;
      const now = queue.lastTime;
      lastEventMs = now;
      if (event.kind === 'arrival') {
        const request: Request = { kind: 'attempt-end', client: event, state: event.core.begin(now), ok: false, permit: undefined, outcome: undefined };
        ledger.start(request);
        series.add('offered', now);
        attempt(now, request);
        const next = (event.phase + ++event.arrivals) * intervalMs;
        if (next < durationMs) queue.push(next, event);
      } else if (event.kind === 'attempt-end') {
        const { client, state } = event;
        client.throttle?.record(now, event.ok);
        client.breaker?.record(now, event.ok, event.permit);
        if (!event.ok) counts.failedAttempts++;
        const decision = client.core.decide(state, event.ok ? attemptSucceeded : failure, now, jitter);
        if (decision.retry) {
          event.kind = 'retry';
          queue.push(now + decision.delayMs, event);
        } else if (decision.reason === 'succeeded') end(now, event, 'succeeded');
        else end(now, event, decision.reason === 'budget' ? 'rejected' : 'failed');
      } else {
        attempt(now, event);
      }
      progress?.poll();
    }
    ledger.assertBalanced();
    progress?.finish();

    const { requests, succeeded, failed, rejected } = ledger.counts();
    return {
      summary: {
        // Every client sends its first request at phase · interval < 1 s <= duration, so requests >= 1.
        successRate: succeeded / requests,
        load: counts.attempts / requests,
        rejected,
        requests,
        succeeded,
        failed,
        attempts: counts.attempts,
        failedAttempts: counts.failedAttempts,
        retries: counts.retries,
      },
      series: trimmed(series.toJSON(), Math.max(p.duration, Math.floor(lastEventMs / 1000) + 1)),
    };
  },
});

/** The retry core of one client: the per-request cap, and the policy's budget if it has one. */
function retryCoreFor(p: { policy: RetryBudgetPolicy; retries: number; quotaCosts: QuotaCosts }): RetryCore {
  const backoff = brookerBackoff('full', BACKOFF);
  const maxAttempts = p.policy === 'none' ? 1 : p.retries + 1;
  return new RetryCore({ maxAttempts, backoff, budget: budgetFor(p) });
}

function budgetFor(p: { policy: RetryBudgetPolicy; quotaCosts: QuotaCosts }): RetryBudget | undefined {
  switch (p.policy) {
    case 'token-bucket':
      return tokenBucketBudget(TOKEN_BUCKET);
    case 'ratio-budget':
      return ratioBudget(RATIO_BUDGET);
    case 'retry-quota':
      return retryQuota(p.quotaCosts === '2026' ? retryQuotaCosts2026 : {});
    case 'none':
    case 'retries':
    case 'adaptive':
    case 'circuit-breaker':
      return undefined;
  }
}

/**
 * A circuit breaker on retries only, the variant Marc Brooker simulates in
 * "Fixing retries with token buckets and circuit breakers" (2022): the
 * breaker counts every attempt, but only retries obey it; first tries go out
 * whatever its state, so a breaker tripped by a partial failure never turns
 * away a request that would have succeeded at its first try. Inside is the
 * real CircuitBreakerCore: a count window of BREAKER_WINDOW attempts that may
 * trip once full, at or above the threshold (resilience4j's rule), open for
 * BREAKER_OPEN_MS, then one probe. A first try the breaker would have refused
 * goes out uncounted, as every call the breaker did not admit is.
 */
export class RetryBreaker {
  private readonly core: CircuitBreakerCore;

  /** `threshold`: the failed fraction of the window, in [0, 1], at which the breaker opens; 0 opens on any failure. */
  constructor(threshold: number) {
    // The core takes a percentage in (0, 100]. Rounded to the parameter's step, so that 0.1 is exactly
    // 10 % (0.1 · 100 is not); 0 becomes the smallest positive percentage, which trips exactly when
    // failures · 100 >= ε · calls, that is on one failure.
    const percent = Math.max(Math.round(threshold * 10_000) / 100, Number.MIN_VALUE);
    this.core = new CircuitBreakerCore({
      detection: { kind: 'count-window', windowSize: BREAKER_WINDOW, minimumCalls: BREAKER_WINDOW, failureRateThreshold: percent },
      openDuration: BREAKER_OPEN_MS,
      halfOpen: { probes: 1 },
    });
  }

  /** The breaker's state, for tests and charts. */
  get state(): BreakerState {
    return this.core.state;
  }

  /**
   * Asked as an attempt starts: the permit to report its outcome with, or
   * undefined for a first try the breaker would have refused (it goes out,
   * uncounted), or 'refused' for a retry it turns away.
   */
  admit(now: number, isRetry: boolean): Permit | undefined | 'refused' {
    const r = this.core.tryAcquire(now);
    if (r.permitted) return r;
    return isRetry ? 'refused' : undefined;
  }

  /** The attempt started with `permit` ended at `now`. */
  record(now: number, ok: boolean, permit: Permit | undefined): void {
    if (!permit) return;
    if (ok) this.core.onSuccess(now, ATTEMPT_LATENCY_MS, permit);
    else this.core.onFailure(now, ATTEMPT_LATENCY_MS, permit);
  }
}

/** The first `buckets` buckets of each column: the recorder was sized for the longest possible run. */
function trimmed<K extends string>(s: TimeSeries<K>, buckets: number): TimeSeries<K> {
  const columns = {} as Record<K, number[]>;
  for (const k of Object.keys(s.columns) as K[]) columns[k] = s.columns[k].slice(0, buckets);
  return { bucketMs: s.bucketMs, columns };
}
