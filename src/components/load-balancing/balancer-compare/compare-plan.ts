import { defaultValues, type ParamValues } from '../../../params/params.ts';
import type { HeterogeneousAlgorithm, LbHeterogeneousParams, LbHeterogeneousResult } from '../../../../simulations/scenarios/lb-heterogeneous.ts';
import { lbHeterogeneousSpec } from '../../../../simulations/scenarios/specs/lb-heterogeneous.ts';
import { compareSides, type CompareSide } from '../../frame/compare-sides.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { CompareSpecs } from './compare-specs.ts';

export interface BalancerSide extends CompareSide<CompareSpecs> {
  /** The algorithms run, in plan order: the two compared (the preview: the first only). */
  readonly algorithms: readonly HeterogeneousAlgorithm[];
}

export interface CompareMeta {
  readonly sides: readonly BalancerSide[];
  /** Set for a preview: its runs are the whole runs' first seconds. */
  readonly preview?: ComparePreview;
}

/** A preview's runs: the first `seconds` of the whole runs, and what the whole runs are (their length and fault window). */
export interface ComparePreview {
  readonly seconds: number;
  readonly durationS: number;
  readonly fault: { readonly start: number; readonly end: number };
}

/**
 * The preview's run length: the shortest the scenario takes. The simulator
 * is deterministic and a run's events up to a time do not depend on how
 * long it goes on, so a shorter run on the same seed is exactly the start
 * of the whole one (tests/components/load-balancing/compare-preview.test.ts).
 * A sixth of the default minute, for both algorithms, is a third of one
 * whole run's work: cheap enough for the frame the slider moved in.
 */
const PREVIEW_S = lbHeterogeneousSpec.params.duration.min;

/**
 * Requests in a run: offered load × capacity × length. Capacity is about
 * 80 req/s per normal backend (4 workers, 50 ms each), and the groups are a
 * third each of speed r, 1 and 1/r. Only a guess for the runner's choice of
 * thread, so the scenario's constants are not needed exactly.
 */
function requestsEstimate(v: LbHeterogeneousParams): number {
  const r = v.speedRatio;
  return v.utilization * 80 * (v.backends / 3) * (r + 1 + 1 / r) * v.duration;
}

/** Per side, both algorithms on the same seed: the same arrivals, service times and fault. */
export function planCompare(state: WidgetState<CompareSpecs>): SimulationPlan<Run<LbHeterogeneousResult>[][], CompareMeta> {
  return plan(state, (v) => [v.algorithm, v.versus]);
}

/** The preview: both algorithms per side, for the first 10 s of the minute. */
export function previewCompare(state: WidgetState<CompareSpecs>): SimulationPlan<Run<LbHeterogeneousResult>[][], CompareMeta> {
  const whole = defaultValues(lbHeterogeneousSpec.params);
  const p = plan(state, (v) => [v.algorithm, v.versus], PREVIEW_S);
  // As the scenario places it: the fault's window, cut at the run's end.
  const end = Math.min(whole.faultStart + whole.faultDuration, whole.duration);
  const preview: ComparePreview = { seconds: PREVIEW_S, durationS: whole.duration, fault: { start: Math.min(whole.faultStart, whole.duration), end } };
  return { ...p, meta: { ...p.meta, preview }, label: `Preview: the first ${PREVIEW_S} s of the ${whole.duration} s runs.` };
}

function plan(
  state: WidgetState<CompareSpecs>,
  algorithms: (v: ParamValues<CompareSpecs>) => HeterogeneousAlgorithm[],
  seconds?: number,
): SimulationPlan<Run<LbHeterogeneousResult>[][], CompareMeta> {
  const base = defaultValues(lbHeterogeneousSpec.params);
  const sides = compareSides(state).map((s): BalancerSide => ({ ...s, algorithms: algorithms(s.values) }));
  const runs = sides.map((side) => {
    const { versus: _, ...shared } = side.values;
    return side.algorithms.map((algorithm) => {
      const params: LbHeterogeneousParams = { ...base, ...shared, algorithm, ...(seconds === undefined ? {} : { duration: seconds }) };
      return run(lbHeterogeneousSpec, params, state.seed, requestsEstimate(params));
    });
  });
  return { runs, meta: { sides } };
}
