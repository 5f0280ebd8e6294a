import { intParam, numberParam } from '../../../params/params.ts';
import { retryPolicies } from '../../../../simulations/scenarios/specs/retry-budget.ts';
import type { Dash, SeriesColor } from '../../charts/chart-model.ts';

/**
 * One set of controls for both halves of the widget: the same retries and
 * the same failing dependency, seen (a) through a stack of retrying layers
 * and (b) through one layer with each retry policy. The defaults are a hard
 * outage, where both lessons are starkest.
 */
export const budgetSpecs = {
  layers: intParam({ label: 'Layers', default: 3, min: 1, max: 6, help: 'layers that each retry, between the client and the dependency (a)' }),
  retries: intParam({ label: 'Retries', default: 3, min: 0, max: 5, help: 'retries after a failed call: at every layer in (a), per request in (b)' }),
  failureRate: numberParam({ label: 'Failure rate', default: 1, min: 0, max: 1, step: 0.01, help: 'probability that a call to the dependency fails; 1 is a hard outage' }),
};

export type BudgetSpecs = typeof budgetSpecs;

export type Policy = (typeof retryPolicies)[number];

/** How each policy is drawn and named; colour and dash together, so no two look alike in either theme or in grey. */
export const policyStyles: Record<Policy, { label: string; color: SeriesColor; dash: Dash }> = {
  none: { label: 'No retries', color: 8, dash: 'solid' },
  retries: { label: 'Capped retries', color: 1, dash: 'solid' },
  'token-bucket': { label: 'Token bucket (gRPC)', color: 2, dash: 'dashed' },
  'ratio-budget': { label: 'Ratio budget (10%)', color: 3, dash: 'dotted' },
  'retry-quota': { label: 'Retry quota (AWS)', color: 4, dash: 'dashdot' },
  adaptive: { label: 'Adaptive throttling (SRE)', color: 5, dash: 'dashed' },
  'circuit-breaker': { label: 'Stop above 10% failures', color: 7, dash: 'dotted' },
};

export { retryPolicies };
