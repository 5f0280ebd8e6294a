import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brookerBackoff, constantBackoff, jitterStrategies, ratioBudget, retryQuota, RetryCore, tokenBucketBudget } from '../../../src/resilience/index.ts';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { PiecewiseRate } from '../../../simulations/models/arrival-rate.ts';
import { ClosedLoopClients, OpenLoopClients } from '../../../simulations/models/clients.ts';
import type { Fault, FaultWindow } from '../../../simulations/models/fault-schedule.ts';
import { RequestLedger } from '../../../simulations/models/request-ledger.ts';
import { RetryingCaller, type SimRequest } from '../../../simulations/models/retrying-caller.ts';
import { Service, type ServiceOptions } from '../../../simulations/models/service.ts';
import { TrafficMetrics } from '../../../simulations/models/traffic-metrics.ts';

const noLimits = { maxTimeMs: Infinity, maxEvents: 10_000_000 };

function oneRequest(service: Partial<ServiceOptions>, caller: { timeoutMs?: number; retry?: RetryCore } = {}) {
  const sim = new Simulation(1);
  const ledger = new RequestLedger();
  const svc = new Service(sim, { workers: 1, serviceTime: { kind: 'constant', value: 10 }, ...service });
  const c = new RetryingCaller(sim, { service: svc, ledger, attemptTimeoutMs: caller.timeoutMs, retry: caller.retry });
  let ended: SimRequest | undefined;
  const request = c.call((r) => (ended = r));
  sim.run(noLimits);
  ledger.assertBalanced();
  expect(ended).toBe(request);
  return { request, ledger, sim };
}

describe('RetryingCaller', () => {
  it('one attempt without a retry core: succeeded, failed, shed or timed out as the attempt went', () => {
    expect(oneRequest({}).request).toMatchObject({ outcome: 'succeeded', attempts: 1, endedAt: 10 });
    expect(oneRequest({ errorProbability: 1 }).request).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(oneRequest({ queueCapacity: 0, faults: [{ startMs: 0, endMs: 1, fault: { kind: 'capacity-drop', workers: 0 } }] }).request.outcome).toBe('shed');
    expect(oneRequest({ faults: [{ startMs: 0, endMs: 1, fault: { kind: 'outage', mode: 'fail-fast' } }] }).request.outcome).toBe('failed');
    expect(oneRequest({ serviceTime: { kind: 'constant', value: 100 } }, { timeoutMs: 30 }).request).toMatchObject({ outcome: 'timedOut', endedAt: 30 });
  });

  it('retries after the backoff the RetryCore decides, up to maxAttempts', () => {
    const retry = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(50) });
    const { request } = oneRequest({ errorProbability: 1 }, { retry });
    // Attempts at 0, 60 and 120, each taking 10 ms.
    expect(request).toMatchObject({ outcome: 'failed', attempts: 3, endedAt: 130 });
  });

  it('a late answer to a timed-out attempt is ignored, and the request ends once', () => {
    // Two workers: the first attempt times out at 60 and is answered at 100, after the retry started at 60.
    const retry = new RetryCore({ maxAttempts: 2, backoff: constantBackoff(0) });
    const { request } = oneRequest({ serviceTime: { kind: 'constant', value: 100 }, workers: 2 }, { timeoutMs: 60, retry });
    expect(request).toMatchObject({ outcome: 'timedOut', attempts: 2, endedAt: 120 });
  });

  it('a retry the budget refuses ends the request as rejected', () => {
    // A bucket of 2 tokens allows retries while more than 1 is left: the first failure leaves 1.
    const retry = new RetryCore({ maxAttempts: 5, backoff: constantBackoff(0), budget: tokenBucketBudget({ maxTokens: 2, tokenRatio: 0.1 }) });
    expect(oneRequest({ errorProbability: 1 }, { retry }).request).toMatchObject({ outcome: 'rejected', attempts: 1 });
  });
});

/** A random small system: service, faults, clients and retry policy. */
const systems = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  workers: fc.integer({ min: 1, max: 4 }),
  queueCapacity: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity)),
  serviceMean: fc.integer({ min: 1, max: 50 }),
  errorProbability: fc.constantFrom(0, 0.1, 0.5, 1),
  contentionSlowdown: fc.constantFrom(0, 1, 3),
  cancellation: fc.boolean(),
  faults: fc.array(
    fc.record({
      startMs: fc.integer({ min: 0, max: 2000 }),
      lengthMs: fc.integer({ min: 0, max: 1000 }),
      fault: fc.oneof(
        fc.record({ kind: fc.constant('outage' as const), mode: fc.constantFrom('fail-fast' as const, 'hang' as const) }),
        fc.record({ kind: fc.constant('error-spike' as const), probability: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ kind: fc.constant('added-latency' as const), ms: fc.integer({ min: 0, max: 500 }) }),
        fc.record({ kind: fc.constant('capacity-drop' as const), workers: fc.integer({ min: 0, max: 3 }) }),
      ) as fc.Arbitrary<Fault>,
    }),
    { maxLength: 3 },
  ),
  timeoutMs: fc.oneof(fc.integer({ min: 5, max: 300 }), fc.constant(Infinity)),
  maxAttempts: fc.integer({ min: 1, max: 5 }),
  backoff: fc.constantFrom(...jitterStrategies),
  budget: fc.constantFrom('none', 'token-bucket', 'ratio-budget', 'retry-quota'),
  closedLoop: fc.boolean(),
  rate: fc.integer({ min: 1, max: 300 }),
});

describe('conservation', () => {
  it('in any small system, every request ends exactly once and the totals add up; no request makes more than maxAttempts attempts', () => {
    fc.assert(
      fc.property(systems, (s) => {
        const durationMs = 3000;
        const sim = new Simulation(s.seed);
        const ledger = new RequestLedger();
        const metrics = new TrafficMetrics(500, durationMs);
        const faults: FaultWindow[] = s.faults.map((f) => ({ startMs: f.startMs, endMs: f.startMs + f.lengthMs, fault: f.fault }));
        const service = new Service(sim, {
          workers: s.workers,
          queueCapacity: s.queueCapacity,
          serviceTime: { kind: 'exponential', mean: s.serviceMean },
          errorProbability: s.errorProbability,
          contentionSlowdown: s.contentionSlowdown,
          cancellation: s.cancellation,
          faults,
          observer: metrics,
        });
        const budget =
          s.budget === 'token-bucket'
            ? tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 })
            : s.budget === 'ratio-budget'
              ? ratioBudget({ ratio: 0.1, windowMs: 1000 })
              : s.budget === 'retry-quota'
                ? retryQuota()
                : undefined;
        const retry = new RetryCore({ maxAttempts: s.maxAttempts, backoff: brookerBackoff(s.backoff, { baseMs: 10, capMs: 200 }), budget });
        const caller = new RetryingCaller(sim, { service, ledger, retry, metrics, attemptTimeoutMs: s.timeoutMs });
        const requests: SimRequest[] = [];
        const clients = s.closedLoop
          ? new ClosedLoopClients(sim, { clients: s.workers * 3, thinkTime: { kind: 'exponential', mean: 1000 / s.rate }, untilMs: durationMs, send: (done) => requests.push(caller.call(done)) })
          : new OpenLoopClients(sim, { rate: PiecewiseRate.constant(s.rate), untilMs: durationMs, send: () => requests.push(caller.call()) });
        const reason = sim.run({ maxTimeMs: durationMs + 10_000, maxEvents: 1_000_000, isDone: () => clients.done && ledger.inFlight === 0 });
        // Only a hang without a timeout can leave requests open for ever.
        if (reason !== 'done') {
          expect(s.timeoutMs).toBe(Infinity);
          ledger.cutOff();
        }
        ledger.assertBalanced();
        const c = ledger.counts();
        expect(c.requests).toBe(requests.length);
        expect(c.succeeded + c.failed + c.rejected + c.timedOut + c.shed).toBe(c.requests);
        expect(requests.every((r) => r.attempts >= 1 && r.attempts <= s.maxAttempts)).toBe(true);
        expect(caller.attemptsSent).toBe(requests.reduce((n, r) => n + r.attempts, 0));
        if (reason === 'done') expect(requests.every((r) => r.outcome !== undefined)).toBe(true);
        // Goodput in the series counts the successes that ended within the run, never more.
        const series = metrics.series();
        const successesInSeries = series.columns.goodput.reduce((n, g) => n + g * (metrics.bucketMs / 1000), 0);
        expect(Math.round(successesInSeries)).toBe(requests.filter((r) => r.outcome === 'succeeded' && r.endedAt < durationMs).length);
      }),
      { numRuns: 1000 },
    );
  });
});
