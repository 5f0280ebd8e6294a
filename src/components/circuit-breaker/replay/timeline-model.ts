import { max } from 'd3-array';
import type { Dash, LineChartModel, SeriesColor, ShadedInterval } from '../../charts/chart-model.ts';
import { stateSegments, type StateSegment } from './replay-time.ts';
import type { ReplayRunView, ReplayView } from './replay-view.ts';

/** One row of coloured stretches: a breaker's state over the run. */
export interface TimelineBand {
  readonly key: string;
  readonly label: string;
  readonly segments: readonly StateSegment[];
}

/**
 * The replay's timeline: state bands above panels of line series, all on one
 * time axis, so a state change lines up with what it did to the error rate,
 * to the calls reaching the dependency and to the callers' latency. Each
 * panel is an ordinary line chart model (that is also how it goes to CSV).
 */
export interface TimelineModel {
  readonly id: string;
  readonly title: string;
  readonly x: { readonly label: string; readonly unit: string; readonly domain: readonly [number, number] };
  readonly bands: readonly TimelineBand[];
  readonly panels: readonly LineChartModel[];
  readonly shaded: readonly ShadedInterval[];
  /** States in the legend, in the machine's order: every state the breaker can reach by itself, and any other the runs show. */
  readonly states: readonly string[];
  /** The runs' line styles, for the legend. */
  readonly runs: readonly { readonly key: string; readonly label: string; readonly color: SeriesColor; readonly dash: Dash }[];
}

/** Each run is drawn in its own colour and dash, the same in every panel. */
export const RUN_STYLES: readonly { readonly color: SeriesColor; readonly dash: Dash }[] = [
  { color: 1, dash: 'solid' },
  { color: 2, dash: 'dashed' },
];

export function timelineModel(view: ReplayView, stateOrder: readonly string[], legendStates: ReadonlySet<string>): TimelineModel {
  const domain = [0, view.durationS] as const;
  const x = { label: 'Time', unit: 's', domain } as const;
  const runs = view.runs.map((r, i) => ({ key: runKey(i), label: r.label, ...RUN_STYLES[i] }));
  const perRun = (pick: (r: ReplayRunView) => readonly (number | null)[]) =>
    view.runs.map((r, i) => ({ key: runKey(i), label: r.label, ...RUN_STYLES[i], x: r.t, y: pick(r) }));

  const bands = view.runs.flatMap((r, i): TimelineBand[] =>
    r.hasBreaker
      ? [{ key: runKey(i), label: `${r.label}: breaker state`, segments: stateSegments(r.transitions, view.initialState, r.previewS ?? r.durationS) }]
      : [],
  );
  // The legend lists the same states for every run, so it does not jump as settings change.
  const seen = new Set([...legendStates, ...bands.flatMap((b) => b.segments.map((s) => s.state))]);

  const first = view.runs[0];
  const callsMax = max(view.runs.flatMap((r) => [...r.offered, ...r.dependencyCalls])) ?? 1;
  const panels: LineChartModel[] = [
    {
      kind: 'line',
      id: 'error-rate',
      title: 'Error rate of the calls reaching the dependency',
      x,
      y: { label: 'Error rate', unit: '%', domain: [0, 100] },
      series: perRun((r) => r.errorRate),
      summary: '',
    },
    {
      kind: 'line',
      id: 'dependency-calls',
      title: 'Calls reaching the dependency, retries included',
      x,
      y: { label: 'Calls reaching the dependency', unit: 'calls/s', domain: [0, Math.max(1, callsMax)] },
      series: [
        { key: 'offered', label: 'Offered (new requests)', color: 8, dash: 'dotted', x: first.t, y: first.offered },
        ...perRun((r) => r.dependencyCalls),
      ],
      summary: '',
    },
    {
      kind: 'line',
      id: 'latency',
      title: `Caller latency, 99th percentile of the requests ending in each ${view.bucketS} s, log scale`,
      x,
      y: { label: 'Caller latency p99', unit: 'ms', scale: 'log' },
      series: perRun((r) => r.latencyP99),
      summary: '',
    },
  ];

  const shaded: ShadedInterval[] = [];
  for (const r of view.runs) {
    if (r.outage.end <= r.outage.start) continue;
    if (shaded.some((s) => s.start === r.outage.start && s.end === r.outage.end)) continue;
    shaded.push({
      start: r.outage.start,
      end: r.outage.end,
      label: shaded.length === 0 ? `Outage (${r.outageMode})` : `${r.label}’s outage (${r.outageMode})`,
    });
  }

  return {
    id: 'timeline',
    title: view.compare ? 'The two runs replayed: A and B, same seed' : 'The run replayed, with and without a breaker on the same seed',
    x,
    bands,
    panels,
    shaded,
    states: stateOrder.filter((s) => seen.has(s)),
    runs,
  };
}

function runKey(i: number): string {
  return i === 0 ? 'first' : 'second';
}
