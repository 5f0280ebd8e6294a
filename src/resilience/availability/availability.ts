/**
 * The arithmetic of availability, for independent parts. Availability is the
 * fraction of time a thing works; all functions take and return fractions in
 * [0, 1]. Real parts are rarely independent (a shared power supply, a bad
 * deploy, the same bug in every replica): these are upper bounds on what
 * redundancy buys, and the closer the parts' failures are correlated, the
 * further below them the truth lies.
 */

import { checkNumber, type NumberRange } from '../options/validate.ts';

const HOURS_PER_YEAR = 365.25 * 24;
export const MINUTES_PER_YEAR = HOURS_PER_YEAR * 60;

export const availabilityLimits = {
  availability: { min: 0, max: 1 },
  mtbf: { above: 0 },
  /** MTTR and the failover gap. */
  duration: { min: 0 },
  /** needed, replicas. */
  count: { min: 1, integer: true },
  spare: { min: 0, integer: true },
} as const satisfies Record<string, NumberRange>;

function checkFraction(a: number): void {
  checkNumber('availability', a, availabilityLimits.availability);
}

function checkParts(parts: readonly number[]): void {
  if (parts.length === 0) throw new RangeError('need at least one part');
  for (const a of parts) checkFraction(a);
}

/** Steady-state availability of a part that fails after MTBF on average and is repaired in MTTR: MTBF / (MTBF + MTTR). Same unit for both. */
export function availabilityFromMtbf(mtbf: number, mttr: number): number {
  checkNumber('MTBF', mtbf, availabilityLimits.mtbf);
  checkNumber('MTTR', mttr, availabilityLimits.duration);
  return mtbf / (mtbf + mttr);
}

/** Parts in series (each needed): the product of their availabilities. */
export function serialAvailability(parts: readonly number[]): number {
  checkParts(parts);
  return parts.reduce((a, b) => a * b, 1);
}

/** Parts in parallel (any one is enough): 1 − Π(1 − A_i). */
export function parallelAvailability(parts: readonly number[]): number {
  checkParts(parts);
  return 1 - parts.reduce((down, a) => down * (1 - a), 1);
}

/**
 * N+k redundancy: `needed` + `spare` identical parts of availability `a`,
 * up while at least `needed` of them are: Σ_{j ≥ needed} C(n, j) a^j (1 − a)^(n − j).
 */
export function nPlusKAvailability(needed: number, spare: number, a: number): number {
  checkNumber('needed', needed, availabilityLimits.count);
  checkNumber('spare', spare, availabilityLimits.spare);
  checkFraction(a);
  const n = needed + spare;
  let sum = 0;
  let choose = 1; // C(n, j), built up from j = 0
  for (let j = 0; j <= n; j++) {
    if (j > 0) choose = (choose * (n - j + 1)) / j;
    if (j >= needed) sum += choose * a ** j * (1 - a) ** (n - j);
  }
  return Math.min(1, sum);
}

/**
 * Replicas in parallel where traffic sits on one at a time and moving it
 * takes `failoverHours` each time the active replica fails while another is
 * up (detection, switch, warm-up). Failures of the active replica come at
 * rate 1/MTBF, and one that leaves another replica up costs a gap, so the
 * gaps take λ · g · P(at least two up) of the time, on top of the time with
 * no replica up. An approximation that holds while the gap is short against
 * both MTBF and MTTR; with a zero gap it is exactly the parallel formula.
 */
export function failoverAvailability(replicas: number, mtbfHours: number, mttrHours: number, failoverHours: number): number {
  checkNumber('replicas', replicas, availabilityLimits.count);
  checkNumber('failover gap', failoverHours, availabilityLimits.duration);
  const a = availabilityFromMtbf(mtbfHours, mttrHours);
  const anyUp = 1 - (1 - a) ** replicas;
  const atLeastTwoUp = anyUp - replicas * a * (1 - a) ** (replicas - 1);
  return Math.max(0, anyUp - (failoverHours / mtbfHours) * atLeastTwoUp);
}

/** Minutes a year spent down at availability `a`. */
export function downtimeMinutesPerYear(a: number): number {
  checkFraction(a);
  return (1 - a) * MINUTES_PER_YEAR;
}

/** The number of nines: −log10(1 − a); 0.999 is 3. Infinity for 1. */
export function nines(a: number): number {
  checkFraction(a);
  return -Math.log10(1 - a);
}
