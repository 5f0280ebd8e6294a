import { defaultValues, type ParamValues } from '../../../params/params.ts';
import { expectedAmplification, retryAmplificationSpec } from '../../../../simulations/scenarios/specs/retry-amplification.ts';
import type { RetryAmplificationResult } from '../../../../simulations/scenarios/retry-amplification.ts';
import { retryBudgetSpec } from '../../../../simulations/scenarios/specs/retry-budget.ts';
import type { RetryBudgetResult } from '../../../../simulations/scenarios/retry-budget.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import { everyNth, gridWith } from '../../frame/sweep.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { budgetSpecs, retryPolicies, type BudgetSpecs } from './budget-specs.ts';

export interface BudgetSide extends CompareSide<BudgetSpecs> {
  /** Failure rates of the sweep: a grid of tenths plus the chosen rate. */
  readonly rates: number[];
  /** Top-level requests simulated for each stack height 1..max. */
  readonly requests: number[];
}

export interface BudgetMeta {
  readonly sides: readonly BudgetSide[];
}

/**
 * Per side: (a) one run per stack height 1..6; (b) per policy, one run per
 * failure rate of the sweep. A type, not an interface: a record of runs
 * needs the implicit index signature only type aliases have.
 */
export type BudgetSideRuns = { readonly amplification: Run<RetryAmplificationResult>[]; readonly policies: Run<RetryBudgetResult>[][] };

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
export function planBudget(state: WidgetState<BudgetSpecs>): SimulationPlan<BudgetSideRuns[], BudgetMeta> {
  return plan(
    state,
    (rate) => gridWith(GRID, rate),
    () => MAX_LAYERS,
  );
}

/**
 * The preview: (a) for stacks up to the chosen height, at least 2 (the
 * higher ones make up to a million calls each; heights are a prefix of the
 * full plan's, as the view numbers them by their place), (b) every policy
 * at the chosen failure rate only: 10 runs of the 83 at the defaults.
 */
export function previewBudget(state: WidgetState<BudgetSpecs>): SimulationPlan<BudgetSideRuns[], BudgetMeta> {
  return plan(
    state,
    (rate) => [rate],
    (layers) => Math.max(2, layers),
  );
}

/** Then (a) in full, and then (b) at every other rate of the grid too: 13, then 48 runs of the 83. */
export function refineBudget(state: WidgetState<BudgetSpecs>): SimulationPlan<BudgetSideRuns[], BudgetMeta>[] {
  return [
    plan(
      state,
      (rate) => [rate],
      () => MAX_LAYERS,
    ),
    plan(
      state,
      (rate) => gridWith(everyNth(GRID, 2), rate),
      () => MAX_LAYERS,
    ),
  ];
}

function plan(
  state: WidgetState<BudgetSpecs>,
  sweep: (failureRate: number) => number[],
  highest: (layers: number) => number,
): SimulationPlan<BudgetSideRuns[], BudgetMeta> {
  const sides = compareSides(state).map((side): BudgetSide => ({
    ...side,
    rates: sweep(side.values.failureRate),
    requests: Array.from({ length: highest(side.values.layers) }, (_, i) => amplificationRequests(i + 1, side.values.retries, side.values.failureRate)),
  }));
  const budgetBase = defaultValues(retryBudgetSpec.params);
  const budgetRequests = budgetBase.clients * budgetBase.rate * budgetBase.duration;
  const runs = sides.map((side): BudgetSideRuns => {
    const { retries, failureRate } = side.values;
    return {
      amplification: side.requests.map((requests, i) =>
        run(retryAmplificationSpec, { layers: i + 1, retries, failureRate, requests }, state.seed, requests * expectedCalls(i + 1, retries, failureRate)),
      ),
      policies: retryPolicies.map((policy) =>
        side.rates.map((rate) => run(retryBudgetSpec, { ...budgetBase, failureRate: rate, policy, retries }, state.seed, budgetRequests * (1 + retries * rate))),
      ),
    };
  });
  return { runs, meta: { sides } };
}

function expectedCalls(layers: number, retries: number, failureRate: number): number {
  return expectedAmplification(layers, retries, failureRate).byLayer.reduce((a, b) => a + b, 0);
}

function amplificationRequests(layers: number, retries: number, failureRate: number): number {
  return Math.max(100, Math.min(10_000, Math.floor(CALLS_PER_RUN / expectedCalls(layers, retries, failureRate))));
}
