import type { BreakerEventType, BreakerState } from './breaker-machine.ts';

/** The states in which a breaker turns callers away. */
export type RejectingState = 'open' | 'half-open' | 'forced-open';

/** The breaker moved from one state to another; `event` is the machine event that moved it. */
export interface BreakerStateChangeEvent {
  readonly from: BreakerState;
  readonly to: BreakerState;
  readonly event: BreakerEventType;
  readonly at: number;
}

/** A call was turned away without reaching the operation. */
export interface CallRejectedEvent {
  readonly at: number;
  readonly state: RejectingState;
  /** How long to wait before a call may pass; Infinity while forced open. */
  readonly retryAfterMs: number;
}

/**
 * A call that was let through ended. `counted` is false when its outcome did
 * not feed the breaker's decisions: the breaker is disabled, the state
 * changed while the call ran (its permit is stale), or the probe had already
 * timed out.
 */
export interface CallOutcomeEvent {
  readonly at: number;
  readonly durationMs: number;
  readonly kind: PermitKind;
  readonly counted: boolean;
}

/** A call ended that took strictly longer than the slow-call duration. */
export interface SlowCallEvent extends CallOutcomeEvent {
  readonly failed: boolean;
}

/** A normal call while closed (or disabled); a probe while half-open. */
export type PermitKind = 'normal' | 'probe';
