/**
 * Per-call cost of the circuit breaker family on the path that matters most:
 * the breaker is closed and the call succeeds. Ours against cockatiel 3.2.1
 * and opossum 9, configured alike, all measured against a bare `await fn()`
 * in the same run (bench/harness.ts alternates the contenders).
 *
 * Opossum is made as cheap as it can be: no per-call timeout (`timeout:
 * false`; the pipeline table adds timeouts explicitly), no periodic
 * snapshots (`enableSnapshots: false`), no latency percentiles
 * (`rollingPercentilesEnabled: false`). What remains is its own per-call
 * machinery (semaphore, events, rolling counters); its bucket-rotation timer
 * (once per second, unref'd) is not per call, and `shutdown()` stops it.
 *
 * Two more tables justify the design: what an XState event costs, which is
 * why the machine only sees state changes; and the pure `transition()`
 * against an actor, which is why each core keeps an actor.
 */
import {
  bulkhead as cockatielBulkhead,
  circuitBreaker as cockatielCircuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  retry as cockatielRetry,
  timeout as cockatielTimeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import CircuitBreaker from 'opossum';
import { createActor, initialTransition, transition } from 'xstate';
import { exponentialBackoff } from '../src/resilience/backoff/index.ts';
import { bulkhead } from '../src/resilience/bulkhead/bulkhead-policy.ts';
import { circuitBreakerMachine } from '../src/resilience/circuit-breaker/breaker-machine.ts';
import { circuitBreaker } from '../src/resilience/circuit-breaker/circuit-breaker-policy.ts';
import { pipeline } from '../src/resilience/pipeline/policy.ts';
import { rateLimiter } from '../src/resilience/rate-limiter/rate-limiter-policy.ts';
import { retry } from '../src/resilience/retry/retry-policy.ts';
import { timeout } from '../src/resilience/timeout/timeout-policy.ts';
import { compare } from './harness.ts';

export default async function circuitBreakerBench(): Promise<void> {
  let counter = 0;
  const fn = async () => ++counter;

  await closedBreakers(fn);
  await neighbours(fn);
  await machineEvents();
  // Last, so that the timer and AbortController cockatiel's timeout creates per
  // call (and the garbage they leave) cannot weigh on the other tables.
  await pipelines(fn);
}

async function closedBreakers(fn: () => Promise<number>): Promise<void> {
  const consecutive = circuitBreaker({ detection: { kind: 'consecutive', failureThreshold: 5 }, openDuration: 10_000 });
  const countWindow = circuitBreaker({ detection: { kind: 'count-window', windowSize: 100, minimumCalls: 100, failureRateThreshold: 50 }, openDuration: 10_000 });
  const timeWindow = circuitBreaker({ detection: { kind: 'time-window', windowMs: 10_000, minimumCalls: 100, failureRateThreshold: 50 }, openDuration: 10_000 });
  const withSignal = new AbortController().signal;

  const theirs = cockatielCircuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });
  const opossum = new CircuitBreaker(fn, {
    timeout: false,
    resetTimeout: 10_000,
    errorThresholdPercentage: 50,
    enableSnapshots: false,
    rollingPercentilesEnabled: false,
  });

  // The design not taken: every call's outcome sent through the machine (an event it ignores while closed).
  const actor = createActor(circuitBreakerMachine).start();
  const probeSucceeded = { type: 'probe-succeeded' } as const;
  const actorPerCall = async () => {
    const value = await fn();
    actor.send(probeSucceeded);
    return value;
  };

  await compare({
    title: 'closed circuit breaker around a succeeding async function',
    baseline: 'bare await fn()',
    reference: 'ours, consecutive(5)',
    contenders: [
      { name: 'bare await fn()', call: () => fn() },
      { name: 'ours, consecutive(5)', call: () => consecutive.execute(fn) },
      { name: 'ours, count window 100', call: () => countWindow.execute(fn) },
      { name: 'ours, time window 10 s', call: () => timeWindow.execute(fn) },
      { name: 'ours, consecutive, caller signal', call: () => consecutive.execute(fn, withSignal) },
      { name: 'cockatiel ConsecutiveBreaker(5)', call: () => theirs.execute(fn) },
      { name: 'opossum 9 (snapshots off)', call: () => opossum.fire() },
      { name: 'XState actor.send per call (not taken)', call: actorPerCall },
    ],
  });
  opossum.shutdown();
  actor.stop();
}

async function pipelines(fn: () => Promise<number>): Promise<void> {
  const ours = pipeline(
    retry({ maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 128, capMs: 30_000, jitter: 'full' }) }),
    circuitBreaker({ detection: { kind: 'consecutive', failureThreshold: 5 }, openDuration: 10_000 }),
    timeout(1000),
  );
  const theirs = wrap(
    cockatielRetry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }),
    cockatielCircuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
    cockatielTimeout(1000, TimeoutStrategy.Aggressive),
  );

  await compare({
    title: 'retry + circuit breaker + per-attempt timeout around a succeeding async function',
    baseline: 'bare await fn()',
    reference: 'pipeline(retry, breaker, timeout) (ours)',
    contenders: [
      { name: 'bare await fn()', call: () => fn() },
      { name: 'pipeline(retry, breaker, timeout) (ours)', call: () => ours.execute(fn) },
      { name: 'wrap(retry, circuitBreaker, timeout) (cockatiel)', call: () => theirs.execute(fn) },
    ],
  });
}

async function neighbours(fn: () => Promise<number>): Promise<void> {
  const ourBulkhead = bulkhead({ maxConcurrent: 10, maxQueue: 10 });
  const theirBulkhead = cockatielBulkhead(10, 10);
  const limiter = rateLimiter({ ratePerSecond: 1e12, burst: 1e6 });

  await compare({
    title: 'bulkhead and rate limiter under their limits',
    baseline: 'bare await fn()',
    reference: 'bulkhead (ours)',
    contenders: [
      { name: 'bare await fn()', call: () => fn() },
      { name: 'bulkhead (ours)', call: () => ourBulkhead.execute(fn) },
      { name: 'bulkhead (cockatiel)', call: () => theirBulkhead.execute(fn) },
      { name: 'rate limiter (ours, reads clock)', call: () => limiter.execute(fn) },
    ],
  });
}

async function machineEvents(): Promise<void> {
  const actor = createActor(circuitBreakerMachine).start();
  const trip = { type: 'trip' } as const;
  const reset = { type: 'reset' } as const;
  const ignored = { type: 'probe-succeeded' } as const;
  const [closed] = initialTransition(circuitBreakerMachine);
  let sink = 0;

  await compare({
    title: 'the breaker machine: what one XState event costs (synchronous)',
    baseline: 'nothing',
    reference: 'actor.send, trip then reset',
    async: false,
    unit: 'round trip',
    contenders: [
      { name: 'nothing', call: () => sink++ },
      {
        name: 'actor.send, trip then reset',
        call: () => {
          actor.send(trip);
          actor.send(reset);
        },
      },
      {
        name: 'actor.send, two ignored events',
        call: () => {
          actor.send(ignored);
          actor.send(ignored);
        },
      },
      {
        name: 'pure transition(), trip then reset',
        call: () => {
          const [open] = transition(circuitBreakerMachine, closed, trip);
          transition(circuitBreakerMachine, open, reset);
        },
      },
    ],
  });
  actor.stop();
  // Keeps `sink` observable, so the baseline loop is not optimised away.
  if (sink < 0) console.log(sink);
}
