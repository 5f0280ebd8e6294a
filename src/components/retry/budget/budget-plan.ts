import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { expectedAmplification } from '../../../../simulations/scenarios/retry-amplification.ts';
import { retryBudget } from '../../../../simulations/scenarios/retry-budget.ts';
import type { RunRequest } from '../../runner/run-request.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { budgetSpecs, retryPolicies, type BudgetSpecs } from './budget-specs.ts';

export interface BudgetSide {
  readonly label: string;
  readonly values: ParamValues<BudgetSpecs>;
  /** Failure rates of the sweep: a grid of tenths plus the chosen rate. */
  readonly rates: number[];
  /** Top-level requests simulated for each stack height 1..max. */
  readonly requests: number[];
}

export interface BudgetMeta {
  readonly sides: readonly BudgetSide[];
}

export const MAX_LAYERS = budgetSpecs.layers.max;
const GRID = Array.from({ length: 11 }, (_, i) => i / 10);
/**
 * Calls an amplification run may make: in an outage a stack of 6 layers
 * retrying 5 times sends 46,656 calls per request, so the number of requests
 * shrinks as the expected calls grow (at least 100, at most 10,000).
 */
const CALLS_PER_RUN = 1_000_000;

/**
 * (a) the amplification scenario for every stack height from 1 to 6 (the
 * chosen one is marked), (b) the budget scenario for every policy over a
 * sweep of failure rates. All on the same seed; a moved slider reruns only
 * the runs it changes (the rest come from the cache).
 */
export function planBudget(state: WidgetState<BudgetSpecs>): SimulationPlan<BudgetMeta> {
  const sides: BudgetSide[] = (state.compare ? [['A', state.values] as const, ['B', state.valuesB] as const] : [['', state.values] as const]).map(([label, values]) => ({
    label,
    values,
    rates: [...new Set([...GRID, values.failureRate])].sort((a, b) => a - b),
    requests: Array.from({ length: MAX_LAYERS }, (_, i) => amplificationRequests(i + 1, values.retries, values.failureRate)),
  }));
  const budgetBase = defaultValues(retryBudget.params);
  const budgetRequests = budgetBase.clients * budgetBase.rate * budgetBase.duration;
  const runs: RunRequest[] = [];
  for (const side of sides) {
    const { retries, failureRate } = side.values;
    side.requests.forEach((requests, i) => {
      const layers = i + 1;
      runs.push({ scenario: 'retry-amplification', params: { layers, retries, failureRate, requests }, seed: state.seed, cost: requests * expectedCalls(layers, retries, failureRate) });
    });
    for (const policy of retryPolicies) {
      for (const rate of side.rates) {
        runs.push({ scenario: 'retry-budget', params: { ...budgetBase, failureRate: rate, policy, retries }, seed: state.seed, cost: budgetRequests * (1 + retries * rate) });
      }
    }
  }
  return { runs, meta: { sides } };
}

function expectedCalls(layers: number, retries: number, failureRate: number): number {
  return expectedAmplification(layers, retries, failureRate).byLayer.reduce((a, b) => a + b, 0);
}

function amplificationRequests(layers: number, retries: number, failureRate: number): number {
  return Math.max(100, Math.min(10_000, Math.floor(CALLS_PER_RUN / expectedCalls(layers, retries, failureRate))));
}
