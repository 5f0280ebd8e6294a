import { cascadingFailureSpec } from '../../../../simulations/scenarios/specs/cascading-failure.ts';

const p = cascadingFailureSpec.params;

/**
 * The scenario's parameters in the order a reader reaches for them: the
 * protections on A's calls to B first, then B's fault, then A's traffic and
 * size. All of them are shown: the story is as much about when a protection
 * stops working (a timeout too long for the call rate, a bulkhead as large as
 * the worker pool) as about the protections themselves.
 */
export const cascadeSpecs = {
  timeout: p.timeout,
  bulkhead: p.bulkhead,
  breaker: p.breaker,
  faultMode: p.faultMode,
  addedLatency: p.addedLatency,
  faultStart: p.faultStart,
  faultDuration: p.faultDuration,
  rate: p.rate,
  dependentShare: p.dependentShare,
  workers: p.workers,
  duration: p.duration,
};

export type CascadeSpecs = typeof cascadeSpecs;
