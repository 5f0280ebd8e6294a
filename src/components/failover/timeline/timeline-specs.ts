import { failoverSpec } from '../../../../simulations/scenarios/specs/failover.ts';

const p = failoverSpec.params;

/**
 * What the reader tunes: the topology, how the primary fails, the checks
 * that notice, and the failback hold. The run's length follows the outage
 * (see timeline-plan.ts); the hosts' own model stays at the scenario's
 * defaults.
 */
export const timelineSpecs = {
  mode: p.mode,
  outageKind: p.outageKind,
  flapping: p.flapping,
  interval: p.interval,
  timeout: p.timeout,
  unhealthyThreshold: p.unhealthyThreshold,
  healthyThreshold: p.healthyThreshold,
  failbackHold: p.failbackHold,
  outage: p.outage,
  rate: p.rate,
};

export type TimelineSpecs = typeof timelineSpecs;
