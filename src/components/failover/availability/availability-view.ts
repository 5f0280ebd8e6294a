import type { ParamValues } from '../../../params/params.ts';
import { availabilityFromMtbf, downtimeMinutesPerYear, parallelAvailability, serialAvailability } from '../../../resilience/index.ts';
import type { AvailabilityResult } from '../../../../simulations/scenarios/availability.ts';
import type { ResultsOf } from '../../frame/runner/run.ts';
import { REPLICA_COUNTS, type AvailabilityMeta, type AvailabilitySideRuns } from './availability-plan.ts';
import type { AvailabilitySpecs } from './availability-specs.ts';

export interface ReplicaPoint {
  readonly replicas: number;
  /** Measured over the horizon, minutes a year. */
  readonly simulated: number;
  /** The scenario's closed form (with the failover gap in parallel), minutes a year. */
  readonly theory: number;
  /** Independent replicas and no gap: 1 − (1 − A)^n, or A^n in series, minutes a year. */
  readonly noGap: number;
}

export interface AvailabilitySideView {
  readonly label: '' | 'A' | 'B';
  readonly values: ParamValues<AvailabilitySpecs>;
  readonly summary: AvailabilityResult['summary'];
  /** The chosen topology without any failover gap, minutes a year. */
  readonly noGapMinutes: number;
  readonly byReplicas: ReplicaPoint[];
  readonly downtimeByYear: number[];
}

export interface AvailabilityView {
  readonly sides: AvailabilitySideView[];
}

/** Downtime of the same parts with no failover gap: the textbook formula for independent parts. */
function noGapMinutes(v: ParamValues<AvailabilitySpecs>, replicas: number): number {
  const a = availabilityFromMtbf(v.mtbf, v.mttr / 60);
  const parts = new Array<number>(replicas).fill(a);
  return downtimeMinutesPerYear(v.topology === 'parallel' ? parallelAvailability(parts) : serialAvailability(parts));
}

export function reduceAvailability(results: ResultsOf<AvailabilitySideRuns[]>, meta: AvailabilityMeta): AvailabilityView {
  return {
    sides: meta.sides.map((side, i) => {
      const r = results[i];
      return {
        label: side.label,
        values: side.values,
        summary: r.chosen.summary,
        noGapMinutes: noGapMinutes(side.values, side.values.replicas),
        byReplicas: r.byReplicas.map((x, k) => ({
          replicas: REPLICA_COUNTS[k],
          simulated: x.summary.downtimeMinutesPerYear,
          theory: x.summary.theoryDowntimeMinutesPerYear,
          noGap: noGapMinutes(side.values, REPLICA_COUNTS[k]),
        })),
        downtimeByYear: r.chosen.downtimeByYear,
      };
    }),
  };
}
