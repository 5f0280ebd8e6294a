import type { BackendStats, HeterogeneousAlgorithm, LbHeterogeneousResult } from '../../../../simulations/scenarios/lb-heterogeneous.ts';
import type { CompareMeta } from './compare-plan.ts';
import { shortLabels } from './compare-specs.ts';

/** One algorithm's run. */
export interface AlgorithmRun {
  readonly algorithm: HeterogeneousAlgorithm;
  readonly label: string;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly errorRate: number;
  /** Requests that did not succeed. */
  readonly errors: number;
  readonly requests: number;
  /** Share of requests per backend, in backend order. */
  readonly shares: number[];
  /** Share of requests per group over the whole run. */
  readonly groupShares: { readonly fast: number; readonly normal: number; readonly slow: number };
  /** The faulty backend's share of the requests sent during the fault. */
  readonly faultyShare: number;
  /** Times a backend was taken out of rotation. */
  readonly removals: number;
  /** Per 1 s bucket: the faulty backend's share of that second's requests (null when none were sent), p99 latency, errors per second. */
  readonly faultyShareOverTime: (number | null)[];
  readonly p99OverTime: (number | null)[];
  readonly errorsOverTime: number[];
}

export interface CompareSideView {
  readonly label: string;
  /** Bucket midpoints, s. */
  readonly t: number[];
  /** Set for a preview: the seconds run so far, the first of the whole runs' `durationS`. */
  readonly preview?: { readonly seconds: number; readonly durationS: number };
  readonly backends: { readonly id: string; readonly group: BackendStats['group']; readonly speed: number; readonly capacityShare: number }[];
  readonly groupCapacity: { readonly fast: number; readonly normal: number; readonly slow: number };
  readonly fault: { readonly kind: string; readonly start: number; readonly end: number };
  readonly runs: AlgorithmRun[];
}

export interface CompareView {
  readonly sides: CompareSideView[];
}

function algorithmRun(algorithm: HeterogeneousAlgorithm, r: LbHeterogeneousResult): AlgorithmRun {
  const { perHost } = r.series;
  const buckets = perHost[0]?.length ?? 0;
  const faultyShareOverTime = Array.from({ length: buckets }, (_, i) => {
    const total = perHost.reduce((a, col) => a + col[i], 0);
    return total > 0 ? perHost[0][i] / total : null;
  });
  const s = r.summary;
  return {
    algorithm,
    label: shortLabels[algorithm],
    latencyP50: s.latencyP50,
    latencyP99: s.latencyP99,
    errorRate: s.errorRate,
    errors: s.requests - s.succeeded,
    requests: s.requests,
    shares: r.backends.map((b) => b.share),
    groupShares: { fast: s.fastShare, normal: s.normalShare, slow: s.slowShare },
    faultyShare: s.faultyShare,
    removals: s.removals,
    faultyShareOverTime,
    p99OverTime: r.series.columns.latencyP99,
    errorsOverTime: r.series.columns.errors,
  };
}

/** Results: per side, the two algorithms. */
export function reduceCompare(results: LbHeterogeneousResult[][], meta: CompareMeta): CompareView {
  return {
    sides: meta.sides.map((side, i): CompareSideView => {
      const rs = results[i];
      const first = rs[0];
      const totalSpeed = first.backends.reduce((a, b) => a + b.speed, 0);
      const capacityOf = (g: BackendStats['group']) => first.backends.filter((b) => b.group === g).reduce((a, b) => a + b.speed, 0) / totalSpeed;
      const { bucketMs, columns } = first.series;
      const { preview } = meta;
      // A preview's runs end before the fault: the whole runs' window is shaded where it will be.
      const fault = preview
        ? side.values.fault === 'none'
          ? { start: 0, end: 0 }
          : preview.fault
        : { start: first.fault.startMs / 1000, end: first.fault.endMs / 1000 };
      return {
        label: side.label,
        t: columns.offered.map((_, k) => ((k + 0.5) * bucketMs) / 1000),
        ...(preview ? { preview: { seconds: preview.seconds, durationS: preview.durationS } } : {}),
        backends: first.backends.map((b) => ({ id: b.id, group: b.group, speed: b.speed, capacityShare: b.speed / totalSpeed })),
        groupCapacity: { fast: capacityOf('fast'), normal: capacityOf('normal'), slow: capacityOf('slow') },
        fault: { kind: side.values.fault, ...fault },
        runs: side.algorithms.map((a, i) => algorithmRun(a, rs[i])),
      };
    }),
  };
}
