import { defaultValues } from '../../../params/params.ts';
import { expectedAmplification, retryAmplificationSpec } from '../../../../simulations/scenarios/specs/retry-amplification.ts';
import type { RetryAmplificationResult } from '../../../../simulations/scenarios/retry-amplification.ts';
import { retryBudgetSpec } from '../../../../simulations/scenarios/specs/retry-budget.ts';
import { amplificationSpread } from '../../../../simulations/theory/retry-amplification-spread.ts';
import type { RetryBudgetResult } from '../../../../simulations/scenarios/retry-budget.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { flattenRuns, run, runKey, type Run } from '../../frame/runner/run.ts';
import { everyNth, gridWith } from '../../frame/sweep.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import { budgetSpecs, retryPolicies, type BudgetSpecs, type Policy } from './budget-specs.ts';

export interface BudgetSide extends CompareSide<BudgetSpecs> {
  /** Failure rates of the whole sweep: a grid of tenths plus the chosen rate. The same in every part of the plan, so a partial view keeps its axes. */
  readonly rates: number[];
  /** Top-level requests simulated for each stack height 1..6. */
  readonly requests: number[];
  /** Stack heights this plan runs: 1 to this (MAX_LAYERS in the full plan, fewer in a part of it). */
  readonly heights: number;
  /** Per policy (in `retryPolicies` order), the failure rates this plan runs, ascending: all of `rates` in the full plan. */
  readonly ran: number[][];
}

export interface BudgetMeta {
  readonly sides: readonly BudgetSide[];
}

/**
 * Per side: (a) one run per stack height 1..heights; (b) per policy, one run
 * per failure rate it runs. A type, not an interface: a record of runs
 * needs the implicit index signature only type aliases have.
 */
export type BudgetSideRuns = { readonly amplification: Run<RetryAmplificationResult>[]; readonly policies: Run<RetryBudgetResult>[][] };

export type BudgetPlan = SimulationPlan<BudgetSideRuns[], BudgetMeta>;

export const MAX_LAYERS = budgetSpecs.layers.max;
const GRID = Array.from({ length: 11 }, (_, i) => i / 10);
/**
 * Calls an amplification run may make: in an outage a stack of 6 layers
 * retrying 5 times sends 46,656 calls per request, so the number of requests
 * shrinks as the expected calls grow.
 */
const CALLS_PER_RUN = 1_000_000;
/**
 * The relative standard error an amplification run aims for: it simulates
 * the requests this needs (amplificationSpread) and no more, within
 * [MIN_REQUESTS, MAX_REQUESTS] and CALLS_PER_RUN. One percent is far below
 * what the logarithmic chart shows, and the summary gives two significant
 * digits. In a hard outage (the default) or with a healthy dependency every
 * request makes exactly the same calls, so MIN_REQUESTS give the exact
 * answer; in between, 10% failures need about 1,000 requests and 50% about
 * 5,000.
 */
const RELATIVE_ERROR = 0.01;
const MIN_REQUESTS = 10;
const MAX_REQUESTS = 10_000;
/**
 * Below this many calls a run takes about a millisecond or less whatever
 * its requests, so it simulates at least this many (up to MAX_REQUESTS):
 * more requests cost nothing there, and a run this long is one the page's
 * cost model can time (it learns nothing from a run under half a
 * millisecond; with 10 requests a run and nothing learned, every press sent
 * the whole plan to the worker: 61 ms to the chart instead of 14).
 */
const MIN_CALLS = 50_000;

/**
 * How much of (a) the preview runs: the stack heights from 1 whose calls
 * add up to at most this (at least one height). About 1 ms in Node, 3-4
 * times that on the main thread, whose code is colder. With 3 retries: in
 * an outage, height 1 (50,000 calls; each height makes at least MIN_CALLS);
 * at failure rate 0.5, heights 1 and 2.
 */
const PREVIEW_CALLS = 100_000;
/**
 * The policy of (b) the preview runs: one attempt a request, so at any
 * failure rate about 1 ms in Node (3-4 on the main thread). With the token
 * bucket as well, a press of the retries slider took 24-32 ms to the first
 * chart in Chromium; without, 12-16.
 */
const PREVIEW_POLICY: Policy = 'none';

/** What part of the whole plan a plan runs, per side. */
interface Part {
  readonly heights: (side: BudgetSide['values']) => number;
  readonly rates: (policy: Policy, side: BudgetSide['values'], sweep: number[]) => number[];
}

/**
 * (a) the amplification scenario for every stack height from 1 to 6 (the
 * chosen one is marked), (b) the budget scenario for every policy over a
 * sweep of failure rates. All on the same seed; a moved slider reruns only
 * the runs it changes (the rest come from the cache).
 */
export function planBudget(state: WidgetState<BudgetSpecs>): BudgetPlan {
  return plan(state, { heights: () => MAX_LAYERS, rates: (_, __, sweep) => sweep });
}

const previewPart: Part = {
  heights: ({ retries, failureRate }) => previewHeights(retries, failureRate),
  rates: (policy, { failureRate }) => (policy === PREVIEW_POLICY ? [failureRate] : []),
};

/**
 * The preview, small enough for the frame a slider moved in whatever the
 * settings: (a) the lowest stack heights (PREVIEW_CALLS), (b) no retries
 * at the chosen failure rate. 2 runs of the 83 at the defaults.
 */
export function previewBudget(state: WidgetState<BudgetSpecs>): BudgetPlan {
  return plan(state, previewPart);
}

/**
 * Then, in this order: (b) every policy at the chosen failure rate; (a) up
 * to the chosen height; (b) every other rate of the grid; (a) in full. Each
 * part holds the one before; a part that would add nothing is left out.
 */
export function refineBudget(state: WidgetState<BudgetSpecs>): BudgetPlan[] {
  const chosenRate: Part = { heights: previewPart.heights, rates: (_, { failureRate }) => [failureRate] };
  const chosenHeight: Part = { ...chosenRate, heights: (v) => Math.max(previewPart.heights(v), v.layers) };
  const coarse: Part = { ...chosenHeight, rates: (_, { failureRate }) => gridWith(everyNth(GRID, 2), failureRate) };
  const allHeights: Part = { ...coarse, heights: () => MAX_LAYERS };
  const parts = [previewPart, chosenRate, chosenHeight, coarse, allHeights].map((p) => plan(state, p));
  const counts = parts.map(distinctRuns);
  const full = distinctRuns(planBudget(state));
  return parts.filter((_, i) => i > 0 && counts[i] > counts[i - 1] && counts[i] < full);
}

/** Distinct runs of a plan: in compare mode the two sides share every run when they differ in layers only. */
function distinctRuns(p: BudgetPlan): number {
  return new Set(flattenRuns(p.runs).map(runKey)).size;
}

function plan(state: WidgetState<BudgetSpecs>, part: Part): BudgetPlan {
  const sides = compareSides(state).map((side): BudgetSide => {
    const rates = gridWith(GRID, side.values.failureRate);
    return {
      ...side,
      rates,
      requests: Array.from({ length: MAX_LAYERS }, (_, i) => amplificationRequests(i + 1, side.values.retries, side.values.failureRate)),
      heights: part.heights(side.values),
      ran: retryPolicies.map((policy) => part.rates(policy, side.values, rates)),
    };
  });
  const budgetBase = defaultValues(retryBudgetSpec.params);
  const budgetRequests = budgetBase.clients * budgetBase.rate * budgetBase.duration;
  const runs = sides.map((side): BudgetSideRuns => {
    const { retries, failureRate } = side.values;
    return {
      amplification: side.requests
        .slice(0, side.heights)
        .map((requests, i) => run(retryAmplificationSpec, { layers: i + 1, retries, failureRate, requests }, state.seed, requests * expectedCalls(i + 1, retries, failureRate))),
      policies: retryPolicies.map((policy, k) =>
        side.ran[k].map((rate) => run(retryBudgetSpec, { ...budgetBase, failureRate: rate, policy, retries }, state.seed, budgetRequests * attemptsPerRequest(policy, retries, rate))),
      ),
    };
  });
  return { runs, meta: { sides } };
}

/** The stack heights from 1 whose expected calls add up to at most PREVIEW_CALLS; at least 1. */
function previewHeights(retries: number, failureRate: number): number {
  let calls = 0;
  for (let h = 1; h <= MAX_LAYERS; h++) {
    calls += amplificationRequests(h, retries, failureRate) * expectedCalls(h, retries, failureRate);
    if (calls > PREVIEW_CALLS) return Math.max(1, h - 1);
  }
  return MAX_LAYERS;
}

function expectedCalls(layers: number, retries: number, failureRate: number): number {
  return expectedAmplification(layers, retries, failureRate).byLayer.reduce((a, b) => a + b, 0);
}

/** Top-level requests of an amplification run: as many as RELATIVE_ERROR or MIN_CALLS need, as CALLS_PER_RUN allows, at least one. */
function amplificationRequests(layers: number, retries: number, failureRate: number): number {
  const { mean, variance } = amplificationSpread(layers, retries, failureRate);
  const perRequest = expectedCalls(layers, retries, failureRate);
  const needed = Math.ceil(variance / (mean * RELATIVE_ERROR) ** 2);
  const wanted = Math.min(MAX_REQUESTS, Math.max(MIN_REQUESTS, needed, Math.ceil(MIN_CALLS / perRequest)));
  return Math.max(1, Math.min(wanted, Math.floor(CALLS_PER_RUN / perRequest)));
}

/**
 * A budget run's work per request, in attempts: what its time follows
 * (measured in Node over policies, 1-5 retries and failure rates 0-1).
 * Capped retries send the expected 1 + f + ... + f^retries; the budgets
 * hold retries to about a tenth (token bucket, ratio budget) or a half
 * (retry quota, adaptive throttling, which at high failure rates sends even
 * fewer) of the requests; the breaker holds them to about a tenth, but its
 * window costs about twice an attempt again. `1 + retries · f`, used
 * before, had the budgets' runs at up to 6 times their work.
 */
function attemptsPerRequest(policy: Policy, retries: number, failureRate: number): number {
  let capped = 0;
  for (let k = 0; k <= retries; k++) capped += failureRate ** k;
  switch (policy) {
    case 'none':
      return 1;
    case 'retries':
      return capped;
    case 'token-bucket':
    case 'ratio-budget':
      return Math.min(capped, 1.1);
    case 'retry-quota':
    case 'adaptive':
      return Math.min(capped, 1.6);
    case 'circuit-breaker':
      return 3 * Math.min(capped, 1.1);
  }
}
