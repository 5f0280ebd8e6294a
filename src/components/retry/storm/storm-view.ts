import type { RetryStormResult } from '../../../../simulations/scenarios/retry-storm.ts';
import { stormSpecs } from './storm-specs.ts';
import type { StormMeta } from './storm-plan.ts';

export interface StormSideView {
  readonly label: string;
  /** What protects this side, in words: "no backoff, no retry budget". */
  readonly protection: string;
  /** Bucket midpoints, s. */
  readonly t: number[];
  readonly offered: number[];
  readonly attempts: number[];
  readonly goodput: number[];
  readonly queue: number[];
  readonly spike: { readonly start: number; readonly end: number };
  /** The whole run's length, s: the x axis, also while a preview shows only its start. */
  readonly durationS: number;
  /**
   * While a preview is shown: the seconds its shorter run covers (the series
   * end there). Its summary numbers (goodput after the spike, recovery,
   * amplification) are the shorter run's, not the whole run's: the charts do
   * not quote them. Null for the whole run.
   */
  readonly previewS: number | null;
  readonly after: { readonly start: number; readonly end: number };
  readonly goodputBefore: number;
  readonly goodputDuring: number;
  readonly goodputAfter: number;
  readonly attemptsAfter: number;
  readonly amplification: number;
  readonly recovered: boolean;
}

export interface StormView {
  readonly sides: StormSideView[];
}

/** One result per side, in side order. */
export function reduceStorm(results: RetryStormResult[], meta: StormMeta): StormView {
  return {
    sides: meta.sides.map((side, i): StormSideView => {
      const r = results[i];
      const { bucketMs, columns } = r.series;
      const t = columns.offered.map((_, k) => ((k + 0.5) * bucketMs) / 1000);
      const after = { start: r.after.startMs / 1000, end: r.after.endMs / 1000 };
      const inAfter = columns.attempts.filter((_, k) => t[k] >= after.start && t[k] < after.end);
      return {
        label: side.label,
        protection: describeProtection(side.values),
        t,
        offered: columns.offered,
        attempts: columns.attempts,
        goodput: columns.goodput,
        queue: columns.queue,
        spike: { start: r.spike.startMs / 1000, end: r.spike.endMs / 1000 },
        durationS: side.values.duration,
        previewS: previewOf(meta, i),
        after,
        goodputBefore: r.summary.goodputBefore,
        goodputDuring: r.summary.goodputDuring,
        goodputAfter: r.summary.goodputAfter,
        attemptsAfter: inAfter.length > 0 ? inAfter.reduce((a, b) => a + b, 0) / inAfter.length : 0,
        amplification: r.summary.amplification,
        recovered: r.summary.recovered,
      };
    }),
  };
}

/** A side's preview length, when the meta is a preview's and that side's run is shorter than the whole. */
function previewOf(meta: StormMeta, i: number): number | null {
  const s = meta.previewS?.[i];
  return s !== undefined && s < meta.sides[i].values.duration ? s : null;
}

function describeProtection(v: StormMeta['sides'][number]['values']): string {
  const backoff = v.backoff === 'none' ? 'no backoff' : (stormSpecs.backoff.optionLabels?.[v.backoff] ?? v.backoff);
  const budget = v.budget === 'none' ? 'no retry budget' : `a ${budgetLabel(v.budget)}`;
  const parts = [v.retries === 0 ? 'no retries' : `${v.retries} ${v.retries === 1 ? 'retry' : 'retries'}`, backoff, budget];
  if (v.cancellation) parts.push('abandoned work cancelled');
  // FIFO is what a service does unless told otherwise: only the defences say so.
  if (v.queueing === 'lifo') parts.push('newest request served first (LIFO)');
  if (v.queueing === 'drop-expired') parts.push('work older than the timeout shed unstarted');
  return parts.join(', ');
}

function budgetLabel(b: string): string {
  switch (b) {
    case 'token-bucket':
      return 'token-bucket budget';
    case 'ratio-budget':
      return '10% ratio budget';
    case 'retry-quota':
      return 'retry quota';
    default:
      return b;
  }
}
