import { CircuitBreakerCore, type Permit } from '../../../src/resilience/circuit-breaker/circuit-breaker-core.ts';
import type { CircuitBreakerCoreOptions } from '../../../src/resilience/circuit-breaker/breaker-options.ts';
import type { BreakerState } from '../../../src/resilience/circuit-breaker/breaker-machine.ts';

/**
 * Drives a core on virtual time with one-letter calls, for table-driven
 * tests: 'S' a call that succeeds, 'F' one that fails, both starting and
 * ending at the same instant. Returns what happened to each call ('ran' or
 * 'rejected') and the state after it.
 */
export function drive(core: CircuitBreakerCore, at: number, script: string): { outcomes: string; states: BreakerState[] } {
  let outcomes = '';
  const states: BreakerState[] = [];
  for (const c of script) {
    const permit = core.tryAcquire(at);
    if (permit.permitted) {
      if (c === 'S') core.onSuccess(at, 0, permit);
      else core.onFailure(at, 0, permit);
      outcomes += c;
    } else {
      outcomes += '-';
    }
    states.push(core.state);
  }
  return { outcomes, states };
}

/** Acquires at `now` and expects a permit. */
export function acquire(core: CircuitBreakerCore, now: number): Permit {
  const r = core.tryAcquire(now);
  if (!r.permitted) throw new Error(`expected a permit at ${now}, got a rejection in ${r.state}`);
  return r;
}

/** A breaker that opens on the first failure, for 1000 ms. */
export function oneStrike(options: Partial<CircuitBreakerCoreOptions> = {}): CircuitBreakerCore {
  return new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: 1000, ...options });
}

/** Trips `core` (a one-strike breaker) at `now`. */
export function trip(core: CircuitBreakerCore, now: number): void {
  core.onFailure(now, 0, acquire(core, now));
}
