import type { Permit } from './circuit-breaker-core.ts';

/**
 * What the breaker knows in each state, as a discriminated union (the way
 * cockatiel's CircuitBreakerPolicy keeps its `InnerState`): entering a state
 * builds that state's data, so nothing of the state left behind can linger
 * in a field someone forgot to clear. A state's object is built once per
 * transition and never per call; only the half-open probe counts change in
 * place.
 */
export type BreakerStateData = ClosedData | DisabledData | ForcedOpenData | OpenData | HalfOpenData;

/** The recovery since the breaker last closed: it outlives the open ↔ half-open cycles. */
export interface Recovery {
  /** Times opened since last closed: the `retry` a growing open duration is asked about. */
  readonly openings: number;
  readonly lastOpenDurationMs: number | undefined;
}

export const noRecovery: Recovery = Object.freeze({ openings: 0, lastOpenDurationMs: undefined });

interface Entered {
  /** Bumped on every transition (and on a reset while closed); results from older permits are not counted. */
  readonly epoch: number;
  /** When the state was entered; null before the first transition. */
  readonly enteredAt: number | null;
  readonly recovery: Recovery;
}

export interface ClosedData extends Entered {
  readonly name: 'closed';
  /** One shared permit per epoch, so the closed path allocates nothing. */
  readonly permit: Permit;
}

export interface DisabledData extends Entered {
  readonly name: 'disabled';
  readonly permit: Permit;
}

export interface ForcedOpenData extends Entered {
  readonly name: 'forced-open';
}

export interface OpenData extends Entered {
  readonly name: 'open';
  /** End of the open wait. */
  readonly until: number;
}

export interface InFlightProbe {
  readonly id: number;
  readonly deadline: number;
}

export interface HalfOpenData extends Entered {
  readonly name: 'half-open';
  successes: number;
  failures: number;
  nextProbeId: number;
  /** Probes in flight, in admission order, so deadlines ascend. */
  readonly inFlight: InFlightProbe[];
}

/** The shared permit of a closed or disabled epoch. */
export function normalPermitFor(epoch: number): Permit {
  return Object.freeze({ permitted: true, kind: 'normal', epoch, probe: 0 });
}

export function closedData(epoch: number, enteredAt: number | null): ClosedData {
  return { name: 'closed', epoch, enteredAt, recovery: noRecovery, permit: normalPermitFor(epoch) };
}

export function halfOpenData(epoch: number, enteredAt: number, recovery: Recovery): HalfOpenData {
  return { name: 'half-open', epoch, enteredAt, recovery, successes: 0, failures: 0, nextProbeId: 1, inFlight: [] };
}
