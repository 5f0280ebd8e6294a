import { supermarketSpec } from '../../../../simulations/scenarios/specs/supermarket.ts';
import type { SeriesColor } from '../../charts/chart-model.ts';

const p = supermarketSpec.params;

/**
 * The scenario's parameters without `choices` (every policy is run). Smaller
 * defaults and a lower ceiling on requests than the scenario's own: the
 * widget runs each point of a utilization sweep for four policies, so 30,000
 * requests a point is 840,000 in all, a few seconds in the worker.
 */
export const supermarketSpecs = {
  utilization: { ...p.utilization, help: 'λ: added to the sweep in (a) and marked there; (b) shows the queue lengths at this utilization.' },
  backends: { ...p.backends, default: 50 },
  requests: { ...p.requests, default: 10_000, max: 30_000, help: 'Arrivals per point of the sweep, per policy; the first tenth of each run is a warm-up left out.' },
};

export type SupermarketSpecs = typeof supermarketSpecs;

/** The policies compared: the scenario's `choices` values, one colour each. */
export const policies = [
  { choices: '1', d: 1, label: '1 choice (random)', color: 1 },
  { choices: '2', d: 2, label: '2 choices', color: 2 },
  { choices: '3', d: 3, label: '3 choices', color: 4 },
  { choices: 'all', d: undefined, label: 'Join the shortest queue', color: 3 },
] as const satisfies readonly { choices: string; d: number | undefined; label: string; color: SeriesColor }[];

export type PolicyChoice = (typeof policies)[number]['choices'];

/** The sweep: enough points to show the knee of 1/(1 − λ), few enough that the default renders at build time. */
export const UTILIZATION_GRID: readonly number[] = [0.2, 0.5, 0.7, 0.8, 0.9, 0.95];
