import { quantile } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import {
  behaviorInjection,
  exponentialBackoff,
  faultInjection as faultInjector,
  latencyInjection,
  neverAborted,
  outcomeInjection,
  pipeline,
  RetriesExhaustedError,
  retry,
  type Policy,
} from '../../../src/resilience/index.ts';
import { sampler } from '../../../simulations/engine/distributions.ts';
import { RandomStreams } from '../../../simulations/engine/random-streams.ts';
import { faultInjection, playgroundRetry, serviceTimeOf, type CallEnding, type FaultInjectionParams } from '../../../simulations/scenarios/fault-injection.ts';
import { VirtualClock } from '../../resilience/virtual-clock.ts';

class InjectedFault extends Error {}
class ServiceFailure extends Error {}
const FAKE_503 = 'fake 503';

/**
 * The same calls through the real policies of src/resilience, awaited on a
 * virtual clock: retry, the chaos injector, and an operation that sleeps the
 * service's time. The random streams are the scenario's, drawn in the same
 * order, so the two must agree call for call. (A test-only policy draws the
 * service's time for every attempt, as the scenario does, even when the
 * injector does not let the operation run.)
 */
async function throughRealPolicies(p: FaultInjectionParams, seed: number) {
  const streams = new RandomStreams(seed);
  const injectionRandom = streams.stream('injection');
  const serviceRandom = streams.stream('service');
  const serviceTime = sampler(serviceTimeOf(p), serviceRandom);
  const clock = new VirtualClock();
  const common = { injectionRate: p.injectionRate, random: injectionRandom };
  const injector: Policy =
    p.injector === 'fault'
      ? faultInjector({ ...common, fault: () => new InjectedFault() })
      : p.injector === 'outcome'
        ? outcomeInjection({ ...common, outcome: FAKE_503 })
        : p.injector === 'latency'
          ? latencyInjection({ ...common, latencyMs: p.injectedLatency, clock })
          : behaviorInjection({ ...common, behavior: () => clock.sleep(p.behaviorMs) });
  const attempt = { work: 0, fails: false };
  const drawService: Policy = {
    execute(operation, signal = neverAborted, n = 1) {
      attempt.work = serviceTime();
      attempt.fails = serviceRandom() < p.serviceErrors;
      return Promise.resolve().then(() => operation({ signal, attempt: n }));
    },
  };
  const policies: Policy[] = [];
  if (p.position === 'outside') policies.push(injector);
  if (p.retry)
    policies.push(
      retry({ maxAttempts: playgroundRetry.maxAttempts, backoff: exponentialBackoff(playgroundRetry.backoff), clock, random: streams.stream('backoff') }),
    );
  policies.push(drawService);
  if (p.position === 'inside') policies.push(injector);
  const call = pipeline(...policies);

  const endings: Record<CallEnding, number> = { succeeded: 0, 'injected-fault': 0, 'injected-outcome': 0, 'timed-out': 0, 'service-error': 0 };
  const latencies: number[] = [];
  for (let c = 0; c < p.calls; c++) {
    const start = clock.now();
    const settled = call
      // Typed as any string: the outcome injector may resolve with its fake result instead.
      .execute<string>(() => clock.sleep(attempt.work).then(() => (attempt.fails ? Promise.reject(new ServiceFailure()) : 'answer')))
      .then(
        (value): CallEnding => (value === FAKE_503 ? 'injected-outcome' : 'succeeded'),
        (error: unknown): CallEnding => {
          const last = error instanceof RetriesExhaustedError ? error.lastError : error;
          if (last instanceof InjectedFault) return 'injected-fault';
          if (last instanceof ServiceFailure) return 'service-error';
          throw error;
        },
      );
    await clock.runAll();
    endings[await settled]++;
    latencies.push(clock.now() - start);
  }
  latencies.sort((a, b) => a - b);
  return { endings, p50: quantile(latencies, 0.5) ?? 0, p99: quantile(latencies, 0.99) ?? 0 };
}

const base: FaultInjectionParams = { ...defaultValues(faultInjection.params), calls: 400, timeout: false, serviceErrors: 0.1 };

describe('fault-injection scenario', () => {
  // Without the per-attempt timeout: the real timeout policy abandons an attempt on a shared timer
  // tick (up to timeoutMs/20 late), where the scenario cuts it at timeoutMs exactly.
  it.each([
    { injector: 'fault', position: 'inside' },
    { injector: 'fault', position: 'outside' },
    { injector: 'fault', position: 'inside', retry: false },
    { injector: 'outcome', position: 'inside' },
    { injector: 'latency', position: 'inside' },
    { injector: 'latency', position: 'outside' },
    { injector: 'behavior', position: 'inside' },
  ] as const)('agrees call for call with the real injector and retry policies on a virtual clock: %o', async (settings) => {
    const p: FaultInjectionParams = { ...base, ...settings };
    const real = await throughRealPolicies(p, 5);
    const s = faultInjection.run(p, 5).summary;
    const share = (k: CallEnding) => real.endings[k] / p.calls;
    expect([s.succeeded, s.injectedFault, s.injectedOutcome, s.serviceError]).toEqual([
      share('succeeded'),
      share('injected-fault'),
      share('injected-outcome'),
      share('service-error'),
    ]);
    expect(s.p50).toBeCloseTo(real.p50, 6);
    expect(s.p99).toBeCloseTo(real.p99, 6);
  });
});
