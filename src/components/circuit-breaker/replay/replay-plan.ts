import { defaultValues } from '../../../params/params.ts';
import { breakerOutageSpec } from '../../../../simulations/scenarios/specs/breaker-outage.ts';
import type { BreakerOutageResult } from '../../../../simulations/scenarios/breaker-outage.ts';
import { run, type Run } from '../../frame/runner/run.ts';
import type { SimulationPlan } from '../../frame/runner/useSimulation.ts';
import type { WidgetState } from '../../frame/url/widget-url.ts';
import type { ReplaySpecs, ReplayValues } from './replay-specs.ts';

export interface ReplayRun {
  /** How the run is named in legends, the table and summaries: "With breaker", "A". */
  readonly label: string;
  readonly values: ReplayValues;
}

export interface ReplayMeta {
  readonly compare: boolean;
  /** Always two runs on the same seed: the reader's and its counterpart. */
  readonly runs: readonly [ReplayRun, ReplayRun];
  /**
   * Set on a preview (`replay-preview.ts`): per run, the seconds its shorter
   * run covers. The runs' values keep the whole run's length, for the axes
   * and the scrubber.
   */
  readonly previewS?: readonly number[];
}

export type ReplayPlanRuns = [Run<BreakerOutageResult>, Run<BreakerOutageResult>];

/**
 * Two runs on the same seed, so both see the very same arrivals and the very
 * same outage. Alone, the reader's settings and the same settings with the
 * breaker switched the other way: "breaker vs no breaker" is the question
 * every reading of this widget comes back to. In compare mode, A and B.
 */
export function planReplay(state: WidgetState<ReplaySpecs>): SimulationPlan<ReplayPlanRuns, ReplayMeta> {
  const a = state.values;
  const pair: [ReplayRun, ReplayRun] = state.compare
    ? [
        { label: 'A', values: a },
        { label: 'B', values: state.valuesB },
      ]
    : [
        { label: breakerLabel(a.breaker), values: a },
        { label: breakerLabel(!a.breaker), values: { ...a, breaker: !a.breaker } },
      ];
  const base = defaultValues(breakerOutageSpec.params);
  const runOf = (r: ReplayRun) => run(breakerOutageSpec, { ...base, ...r.values }, state.seed, attemptsUpperBound(r.values));
  return { runs: [runOf(pair[0]), runOf(pair[1])], meta: { compare: state.compare, runs: pair } };
}

function breakerLabel(on: boolean): string {
  return on ? 'With breaker' : 'Without breaker';
}

/** Requests over the run times attempts per request at most: the size of a run in attempts. */
function attemptsUpperBound(v: ReplayValues): number {
  return v.rate * v.duration * (v.retries + 1);
}
