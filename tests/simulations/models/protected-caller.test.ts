import { describe, expect, it } from 'vitest';
import { constantBackoff, RetryCore } from '../../../src/resilience/index.ts';
import { CircuitBreakerCore, type CircuitBreakerCoreOptions } from '../../../src/resilience/circuit-breaker/index.ts';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { recordTransitions } from '../../../simulations/models/breaker-timeline.ts';
import type { FaultWindow } from '../../../simulations/models/fault-schedule.ts';
import { ProtectedCaller, type ProtectedCallerOptions } from '../../../simulations/models/protected-caller.ts';
import type { RequestOutcome } from '../../../simulations/models/request-ledger.ts';
import { Service } from '../../../simulations/models/service.ts';

const noLimits = { maxTimeMs: Infinity, maxEvents: 1_000_000 };

/** A breaker that opens on one failure, for 100 ms. */
const oneStrike = (options: Partial<CircuitBreakerCoreOptions> = {}) =>
  new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: 100, ...options });

/** A caller of a 10-worker service that takes 50 ms per call, with what it saw, call by call. */
function setup(faults: FaultWindow[], options: Omit<ProtectedCallerOptions, 'service'>) {
  const sim = new Simulation(1);
  const service = new Service(sim, { workers: 10, serviceTime: { kind: 'constant', value: 50 }, faults });
  const seen: string[] = [];
  const caller = new ProtectedCaller(sim, {
    service,
    observer: {
      attemptSent: (now) => seen.push(`${now} sent`),
      attemptEnded: (now, ending) => seen.push(`${now} ${ending}`),
      attemptRejected: (now, by) => seen.push(`${now} rejected by ${by}`),
    },
    ...options,
  });
  const outcomes: string[] = [];
  const callAt = (t: number) => sim.at(t, () => caller.call((outcome: RequestOutcome, now) => outcomes.push(`${t}: ${outcome} at ${now}`)));
  return { sim, caller, seen, outcomes, callAt };
}

const errorsFrom = (startMs: number, endMs: number): FaultWindow => ({ startMs, endMs, fault: { kind: 'error-spike', probability: 1 } });

describe('ProtectedCaller', () => {
  it('retries outside the breaker: a retry the open breaker refuses never reaches the service and ends the call', () => {
    const breaker = oneStrike();
    const retry = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(10) });
    const { sim, caller, seen, outcomes, callAt } = setup([errorsFrom(0, 1000)], { breaker, retry });
    callAt(0);
    sim.run(noLimits);
    expect(seen).toEqual(['0 sent', '50 failed', '60 rejected by breaker']);
    expect(outcomes).toEqual(['0: rejected at 60']);
    expect(caller.attemptsSent).toBe(1);
  });

  it('without a breaker, retries run to the cap and the call ends as its last attempt did', () => {
    const retry = new RetryCore({ maxAttempts: 3, backoff: constantBackoff(10) });
    const { sim, outcomes, callAt } = setup([errorsFrom(0, 1000)], { retry });
    callAt(0);
    sim.run(noLimits);
    // Attempts at 0, 60 and 120, 50 ms each.
    expect(outcomes).toEqual(['0: failed at 170']);
  });

  it('a timeout is a failure for the breaker', () => {
    const breaker = oneStrike({ openDuration: 1000 });
    const { sim, seen, outcomes, callAt } = setup([], { breaker, attemptTimeoutMs: 20 });
    callAt(0);
    callAt(30);
    sim.run(noLimits);
    expect(outcomes).toEqual(['0: timedOut at 20', '30: rejected at 30']);
    expect(seen).toEqual(['0 sent', '20 timedOut', '30 rejected by breaker']);
  });

  it('a timeout frees the bulkhead slot at once, while the service still works on the abandoned call', () => {
    const { sim, seen, callAt } = setup([], { bulkheadSize: 1, attemptTimeoutMs: 20 });
    callAt(0);
    callAt(30);
    sim.run(noLimits);
    expect(seen).toEqual(['0 sent', '20 timedOut', '30 sent', '50 timedOut']);
  });

  it('a full bulkhead refuses without counting against the dependency', () => {
    const breaker = oneStrike();
    const { sim, seen, outcomes, callAt } = setup([], { breaker, bulkheadSize: 1 });
    callAt(0);
    callAt(10);
    sim.run(noLimits);
    expect(seen).toEqual(['0 sent', '10 rejected by bulkhead', '50 succeeded']);
    expect(outcomes).toEqual(['10: rejected at 10', '0: succeeded at 50']);
    expect(breaker.state).toBe('closed');
  });

  it('a bulkhead refusal hands a half-open probe slot back to the breaker', () => {
    // L holds one of two bulkhead slots for 10 s; F trips the breaker at 60 (open until 160); at 200 a
    // first probe takes the other slot; a second probe at 210 finds the bulkhead full.
    const breaker = oneStrike({ halfOpen: { probes: 2 } });
    const faults: FaultWindow[] = [{ startMs: 0, endMs: 1, fault: { kind: 'added-latency', ms: 10_000 } }, errorsFrom(10, 20)];
    const { sim, seen, callAt } = setup(faults, { breaker, bulkheadSize: 2 });
    for (const t of [0, 10, 200, 210]) callAt(t);
    sim.run({ ...noLimits, maxTimeMs: 215 });
    expect(seen).toEqual(['0 sent', '10 sent', '60 failed', '200 sent', '210 rejected by bulkhead']);
    expect(breaker.state).toBe('half-open');
    expect(breaker.probes.inFlight).toBe(1);
  });

  it('keeps the breaker’s timer on the agenda: an automatic half-open happens with no call to trigger it', () => {
    const breaker = oneStrike({ automaticHalfOpen: true });
    const states = recordTransitions(breaker);
    const { sim, callAt } = setup([errorsFrom(0, 1000)], { breaker });
    callAt(0);
    sim.run(noLimits);
    expect(states.map((s) => [s.t, s.to])).toEqual([
      [50, 'open'],
      [150, 'half-open'],
    ]);
  });
});
