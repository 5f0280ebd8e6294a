import { metastabilitySpec } from '../../../../simulations/scenarios/specs/metastability.ts';

const p = metastabilitySpec.params;

/** The defences first (what the reader toggles), then the load and the grid of triggers. */
export const mapSpecs = {
  retryBudget: p.retryBudget,
  backoffJitter: p.backoffJitter,
  cancellation: p.cancellation,
  queueing: p.queueing,
  timeout: p.timeout,
  baseRate: p.baseRate,
  minSpike: p.minSpike,
  maxSpike: p.maxSpike,
  maxSpikeDuration: p.maxSpikeDuration,
  gridSize: p.gridSize,
};

export type MapSpecs = typeof mapSpecs;
