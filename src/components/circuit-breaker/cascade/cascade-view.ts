import type { ParamValues } from '../../../params/params.ts';
import { count } from '../../stats/format-number.ts';
import type { CascadingFailureResult } from '../../../../simulations/scenarios/cascading-failure.ts';
import type { CascadeMeta } from './cascade-plan.ts';
import type { CascadeSpecs } from './cascade-specs.ts';

export interface CascadeSideView {
  readonly label: string;
  /** What guards A's calls to B, in words: "no protection", "a 500 ms timeout and a circuit breaker". */
  readonly protection: string;
  /** What B does during the fault, in words. */
  readonly fault: string;
  readonly workers: number;
  /** Bucket midpoints, s. */
  readonly t: number[];
  readonly independentOffered: number[];
  readonly independentGoodput: number[];
  readonly dependentGoodput: number[];
  readonly busyWorkers: number[];
  /** B's fault window, s; it may extend past the run. */
  readonly window: { readonly start: number; readonly end: number };
  readonly durationS: number;
  /**
   * While a preview is shown: the seconds its shorter run covers (the series
   * end there). The numbers below are then the shorter run's, not the whole
   * run's: the charts do not quote them. Null for the whole run.
   */
  readonly previewS: number | null;
  readonly independentBefore: number;
  readonly independentDuring: number;
  readonly dependentBefore: number;
  readonly dependentDuring: number;
  readonly busyBefore: number;
  readonly busyDuring: number;
  /** Times the breaker on the calls to B tripped (0 without one). */
  readonly trips: number;
  /** Seconds from the fault's start to the breaker's first trip in it; null if it never tripped there. */
  readonly firstTripAfter: number | null;
}

export interface CascadeView {
  readonly sides: CascadeSideView[];
}

/** One result per side, in side order. */
export function reduceCascade(results: CascadingFailureResult[], meta: CascadeMeta): CascadeView {
  return {
    sides: meta.sides.map((side, i): CascadeSideView => {
      const r = results[i];
      const { bucketMs, columns } = r.series;
      const s = r.summary;
      const window = { start: r.fault.startMs / 1000, end: r.fault.endMs / 1000 };
      const firstTrip = r.states.find((x) => x.event === 'trip' && x.t >= r.fault.startMs);
      return {
        label: side.label,
        protection: describeProtection(side.values),
        fault: describeFault(side.values),
        workers: side.values.workers,
        t: columns.independentGoodput.map((_, k) => ((k + 0.5) * bucketMs) / 1000),
        independentOffered: columns.independentOffered,
        independentGoodput: columns.independentGoodput,
        dependentGoodput: columns.dependentGoodput,
        busyWorkers: columns.busyWorkers,
        window,
        durationS: side.values.duration,
        previewS: previewOf(meta, i),
        independentBefore: s.independentGoodputBefore,
        independentDuring: s.independentGoodputDuring,
        dependentBefore: s.dependentGoodputBefore,
        dependentDuring: s.dependentGoodputDuring,
        busyBefore: s.busyWorkersBefore,
        busyDuring: s.busyWorkersDuring,
        trips: r.states.filter((x) => x.event === 'trip').length,
        firstTripAfter: firstTrip && side.values.faultDuration > 0 ? (firstTrip.t - r.fault.startMs) / 1000 : null,
      };
    }),
  };
}

/** A side's preview length, when the meta is a preview's and that side's run is shorter than the whole. */
function previewOf(meta: CascadeMeta, i: number): number | null {
  const s = meta.previewS?.[i];
  return s !== undefined && s < meta.sides[i].values.duration ? s : null;
}

export function describeProtection(v: ParamValues<CascadeSpecs>): string {
  const parts: string[] = [];
  if (v.timeout > 0) parts.push(`a ${count(v.timeout)} ms timeout`);
  if (v.bulkhead > 0) parts.push(`a bulkhead of ${v.bulkhead}`);
  if (v.breaker) parts.push('a circuit breaker');
  if (parts.length === 0) return 'no protection';
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function describeFault(v: ParamValues<CascadeSpecs>): string {
  switch (v.faultMode) {
    case 'slow':
      return `B answers ${count(v.addedLatency)} ms slower`;
    case 'errors':
      return 'B fails every call';
    case 'hang':
      return 'B does not answer at all';
  }
}
