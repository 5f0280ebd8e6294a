import type { BreakerOutageResult } from '../../../../simulations/scenarios/breaker-outage.ts';
import { count, num } from '../../stats/format-number.ts';
import { breakerDiagram } from './breaker-diagram.ts';
import type { ReplayMeta } from './replay-plan.ts';
import type { ReplayValues } from './replay-specs.ts';
import { toReplayTime, type ReplayTransition } from './replay-time.ts';

/** The run's headline numbers; times in ms, -1 where the scenario says "did not happen". */
export interface ReplayRunNumbers {
  readonly callsDuringOutage: number;
  readonly detectionTime: number;
  readonly recoveryTime: number;
  readonly callerErrors: number;
  readonly requests: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly timesOpened: number;
  readonly dependencyCalls: number;
}

export interface ReplayRunView {
  readonly label: string;
  readonly hasBreaker: boolean;
  /** The breaker's settings in words; "no breaker" without one. */
  readonly breaker: string;
  /** Retries and timeout in words. */
  readonly callers: string;
  readonly outageMode: ReplayValues['outageMode'];
  readonly durationS: number;
  /**
   * While a preview is shown: the seconds its shorter run covers (the series,
   * the transitions and the state band end there). Its numbers are then the
   * shorter run's, not the whole run's: the table, the bars and the
   * summaries do not quote them. Null for the whole run.
   */
  readonly previewS: number | null;
  /** The outage, s; it may extend past the run. */
  readonly outage: { readonly start: number; readonly end: number };
  /** Bucket midpoints, s. */
  readonly t: number[];
  readonly offered: number[];
  readonly dependencyCalls: number[];
  readonly rejected: number[];
  /** Failed share of the attempts that ended in each bucket, %; null where none ended. */
  readonly errorRate: (number | null)[];
  readonly latencyP50: (number | null)[];
  readonly latencyP99: (number | null)[];
  readonly transitions: ReplayTransition[];
  readonly numbers: ReplayRunNumbers;
}

export interface ReplayView {
  readonly compare: boolean;
  readonly runs: ReplayRunView[];
  /** The run whose breaker the diagram and the step buttons follow: the first with a breaker, or -1. */
  readonly focus: number;
  /** The state a breaker starts in, from the machine definition. */
  readonly initialState: string;
  /** The longest run, s: the scrubber's range. */
  readonly durationS: number;
  /** Width of the series' buckets, s. */
  readonly bucketS: number;
}

/** One result per run of the pair. */
export function reduceReplay(results: [BreakerOutageResult, BreakerOutageResult], meta: ReplayMeta): ReplayView {
  const runs = meta.runs.map((run, i): ReplayRunView => {
    const r = results[i];
    const { bucketMs, columns } = r.series;
    const v = run.values;
    const s = r.summary;
    const previewS = previewOf(meta, i);
    // A shorter run drains its calls after its end without new arrivals: its transitions from then on are not the whole run's.
    const states = previewS === null ? r.states : r.states.filter((x) => x.t < previewS * 1000);
    return {
      label: run.label,
      hasBreaker: v.breaker,
      breaker: describeBreaker(v),
      callers: describeCallers(v),
      outageMode: v.outageMode,
      durationS: v.duration,
      previewS,
      outage: { start: r.outage.startMs / 1000, end: r.outage.endMs / 1000 },
      t: columns.offered.map((_, k) => ((k + 0.5) * bucketMs) / 1000),
      offered: columns.offered,
      dependencyCalls: columns.dependencyCalls,
      rejected: columns.rejected,
      errorRate: columns.errorRate.map((x) => (x === null ? null : x * 100)),
      latencyP50: columns.latencyP50,
      latencyP99: columns.latencyP99,
      transitions: states.map((x) => ({ t: toReplayTime(x.t), from: x.from, to: x.to, event: x.event })),
      numbers: {
        callsDuringOutage: s.callsDuringOutage,
        detectionTime: s.detectionTime,
        recoveryTime: s.recoveryTime,
        callerErrors: s.callerErrors,
        requests: s.requests,
        latencyP50: s.callerLatencyP50,
        latencyP99: s.callerLatencyP99,
        timesOpened: s.timesOpened,
        dependencyCalls: s.dependencyCalls,
      },
    };
  });
  return {
    compare: meta.compare,
    runs,
    focus: runs.findIndex((r) => r.hasBreaker),
    initialState: breakerDiagram.initial,
    durationS: Math.max(...runs.map((r) => r.durationS)),
    bucketS: results[0].series.bucketMs / 1000,
  };
}

/** A run's preview length, when the meta is a preview's and that run is shorter than the whole. */
function previewOf(meta: ReplayMeta, i: number): number | null {
  const s = meta.previewS?.[i];
  return s !== undefined && s < meta.runs[i].values.duration ? s : null;
}

/** The seconds the shortest preview covers, when any run is a preview: what the text may speak of. */
export function previewSpan(view: ReplayView): number | null {
  const spans = view.runs.flatMap((r) => (r.previewS === null ? [] : [r.previewS]));
  return spans.length > 0 ? Math.min(...spans) : null;
}

export function describeBreaker(v: ReplayValues): string {
  if (!v.breaker) return 'no breaker';
  const window = v.window === 'count' ? `the last ${v.windowSize} calls` : `the calls of the last ${v.windowDuration} s`;
  return `a breaker tripping at ${v.failureRateThreshold}% failures among ${window} (at least ${v.minimumCalls}), open ${num(v.openDuration / 1000)} s, ${v.halfOpenProbes} ${v.halfOpenProbes === 1 ? 'probe' : 'probes'}`;
}

function describeCallers(v: ReplayValues): string {
  const retries = v.retries === 0 ? 'no retries' : `${v.retries} ${v.retries === 1 ? 'retry' : 'retries'}`;
  return `${count(v.rate)} req/s, a ${count(v.timeout)} ms timeout, ${retries}`;
}
