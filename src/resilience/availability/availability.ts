/**
 * The arithmetic of availability, for independent parts. Availability is the
 * fraction of time a thing works; all functions take and return fractions in
 * [0, 1]. Real parts are rarely independent (a shared power supply, a bad
 * deploy, the same bug in every replica): these are upper bounds on what
 * redundancy buys, and the closer the parts' failures are correlated, the
 * further below them the truth lies.
 */

const HOURS_PER_YEAR = 365.25 * 24;
export const MINUTES_PER_YEAR = HOURS_PER_YEAR * 60;

function checkFraction(a: number, name = 'availability'): void {
  if (!(a >= 0 && a <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${a}`);
}

function checkParts(parts: readonly number[]): void {
  if (parts.length === 0) throw new RangeError('need at least one part');
  for (const a of parts) checkFraction(a);
}

/** Steady-state availability of a part that fails after MTBF on average and is repaired in MTTR: MTBF / (MTBF + MTTR). Same unit for both. */
export function availabilityFromMtbf(mtbf: number, mttr: number): number {
  if (!(mtbf > 0 && mtbf < Infinity)) throw new RangeError(`MTBF must be positive and finite, got ${mtbf}`);
  if (!(mttr >= 0 && mttr < Infinity)) throw new RangeError(`MTTR must be >= 0 and finite, got ${mttr}`);
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
  if (!(Number.isInteger(needed) && needed >= 1)) throw new RangeError(`needed must be an integer >= 1, got ${needed}`);
  if (!(Number.isInteger(spare) && spare >= 0)) throw new RangeError(`spare must be an integer >= 0, got ${spare}`);
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
  if (!(Number.isInteger(replicas) && replicas >= 1)) throw new RangeError(`replicas must be an integer >= 1, got ${replicas}`);
  if (!(failoverHours >= 0 && failoverHours < Infinity)) throw new RangeError(`failover gap must be >= 0 and finite, got ${failoverHours}`);
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
