import { chaosExperimentSpec } from '../../../../simulations/scenarios/specs/chaos-experiment.ts';

const p = chaosExperimentSpec.params;

/**
 * What the reader sets, in the order an experiment is written: the fault and
 * where it goes, the blast radius, the defences under test, then the
 * hypothesis and the guard. The traffic and the timing of the fault stay at
 * the scenario's defaults.
 */
export const runnerSpecs = {
  target: p.target,
  fault: p.fault,
  addedLatency: p.addedLatency,
  faultRate: p.faultRate,
  capacityRemaining: p.capacityRemaining,
  // A fifth of B's hosts by default: small enough that errors there are absorbed, which is what makes latency's effect stand out.
  blastRadius: { ...p.blastRadius, default: 0.2 },
  timeouts: p.timeouts,
  retries: p.retries,
  breaker: p.breaker,
  bulkhead: p.bulkhead,
  fallback: p.fallback,
  sloSuccessRate: p.sloSuccessRate,
  sloP99: p.sloP99,
  abortBelow: p.abortBelow,
};

export type RunnerSpecs = typeof runnerSpecs;
