import { intParam } from '../../../params/params.ts';
import { jitterContentionSpec } from '../../../../simulations/scenarios/specs/jitter-contention.ts';

/**
 * The widget's parameters: the scenario's own (clients, base, cap; every
 * strategy is run, so there is no strategy control) plus how many seeds the
 * totals are averaged over.
 */
export const jitterSpecs = {
  clients: jitterContentionSpec.params.clients,
  base: jitterContentionSpec.params.base,
  cap: jitterContentionSpec.params.cap,
  runs: intParam({ label: 'Runs averaged', default: 10, min: 1, max: 50, help: 'totals are means over seeds seed, seed + 1, …; the lines show the first' }),
};

export type JitterSpecs = typeof jitterSpecs;

/** The five strategies, in the order Brooker discusses them, with a colour and line style each. */
export const strategies = [
  { key: 'none', label: 'No backoff', color: 1, dash: 'solid' },
  { key: 'exponential', label: 'Exponential, no jitter', color: 2, dash: 'dashed' },
  { key: 'equal', label: 'Equal jitter', color: 3, dash: 'dotted' },
  { key: 'full', label: 'Full jitter', color: 4, dash: 'solid' },
  { key: 'decorrelated', label: 'Decorrelated jitter', color: 5, dash: 'dashdot' },
] as const;

export type StrategyKey = (typeof strategies)[number]['key'];
