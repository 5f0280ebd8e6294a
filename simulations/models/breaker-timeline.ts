import type { BreakerEventType, BreakerState, CircuitBreakerCore } from '../../src/resilience/circuit-breaker/index.ts';

/**
 * One state change of a breaker, as its core announced it: at virtual time
 * `t` (ms), `event` moved it from `from` to `to`. A breaker starts closed, so
 * the list alone says what state it was in at any time, and which
 * transition it took last: what a replay highlights on the state diagram.
 */
export interface BreakerTransition {
  readonly t: number;
  readonly from: BreakerState;
  readonly to: BreakerState;
  readonly event: BreakerEventType;
}

/**
 * Records every state change of `core` from now on, in order, into the
 * returned list (which grows as the run goes). The entries are the core's own
 * events, so each `from` is the previous entry's `to`.
 */
export function recordTransitions(core: CircuitBreakerCore): BreakerTransition[] {
  const transitions: BreakerTransition[] = [];
  core.onStateChange((e) => transitions.push({ t: e.at, from: e.from, to: e.to, event: e.event }));
  return transitions;
}
