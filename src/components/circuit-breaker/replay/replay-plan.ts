import { defaultValues } from '../../../params/params.ts';
import { breakerOutage } from '../../../../simulations/scenarios/breaker-outage.ts';
import type { SimulationPlan } from '../../runner/useSimulation.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { controlValues, type ReplayControlValues, type ReplaySpecs } from './replay-specs.ts';

export interface ReplayRun {
  /** How the run is named in legends, the table and summaries: "With breaker", "A". */
  readonly label: string;
  readonly values: ReplayControlValues;
}

export interface ReplayMeta {
  readonly compare: boolean;
  /** Always two runs on the same seed: the reader's and its counterpart. */
  readonly runs: readonly [ReplayRun, ReplayRun];
}

/**
 * Two runs on the same seed, so both see the very same arrivals and the very
 * same outage. Alone, the reader's settings and the same settings with the
 * breaker switched the other way: "breaker vs no breaker" is the question
 * every reading of this widget comes back to. In compare mode, A and B.
 * The replay time is not part of the plan: scrubbing never reruns anything.
 */
export function planReplay(state: WidgetState<ReplaySpecs>): SimulationPlan<ReplayMeta> {
  const a = controlValues(state.values);
  const runs: [ReplayRun, ReplayRun] = state.compare
    ? [
        { label: 'A', values: a },
        { label: 'B', values: controlValues(state.valuesB) },
      ]
    : [
        { label: breakerLabel(a.breaker), values: a },
        { label: breakerLabel(!a.breaker), values: { ...a, breaker: !a.breaker } },
      ];
  const base = defaultValues(breakerOutage.params);
  return {
    runs: runs.map((r) => ({ scenario: breakerOutage.name, params: { ...base, ...r.values }, seed: state.seed, cost: attemptsUpperBound(r.values) })),
    meta: { compare: state.compare, runs },
  };
}

function breakerLabel(on: boolean): string {
  return on ? 'With breaker' : 'Without breaker';
}

/** Requests over the run times attempts per request at most: the size of a run in attempts. */
function attemptsUpperBound(v: ReplayControlValues): number {
  return v.rate * v.duration * (v.retries + 1);
}
