import { quickselect } from 'd3-array';

/**
 * The p-quantile of `values` (linear interpolation between order statistics,
 * R-7, as d3-array's `quantile`), found by quickselect in O(n) rather than by
 * sorting a million values. Reorders `values` in place. NaN when empty.
 */
export function selectQuantile(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const i = Math.floor(h);
  if (onlyPlainNumbers(values, 0, n)) select(values, i);
  else quickselect(values, i);
  const below = values[i];
  if (h === i) return below;
  // After the selection every value right of i is >= values[i]; the next order statistic is their minimum.
  let above = Infinity;
  for (let j = i + 1; j < n; j++) if (values[j] < above) above = values[j];
  return below + (h - i) * (above - below);
}

/**
 * d3-array's `quantile(values, p)` for numbers, with the very same result:
 * the same copy (NaN left out), the same quickselect on it, the same
 * interpolation. d3 builds its copy through a generator (`numbers`) and
 * takes the minimum and maximum by iterating subarrays, which made the
 * copy, not the selection, the cost: a tenth of a metastability map's
 * run went to it. Undefined when no value is a number, as d3's.
 */
export function quantileOf(values: ArrayLike<number>, p: number): number | undefined {
  const { a, n, sorted, negativeZero } = numbersOf(values);
  if (n === 0 || Number.isNaN(p)) return undefined;
  if (p <= 0 || n < 2) return minOf(a, 0, n);
  if (p >= 1) return maxOf(a, 0, n);
  const h = (n - 1) * p;
  const i0 = Math.floor(h);
  // Values already in order (a latency list sorted for its percentiles) are
  // their own order statistics: the selection would find the same numbers.
  // Not with -0 among them: which of -0 and 0 lands where depends on the
  // selection, and it shows in the sign of a zero result.
  if (sorted && !negativeZero) return a[i0] + (a[i0 + 1] - a[i0]) * (h - i0);
  if (negativeZero) quickselect(a, i0);
  else select(a, i0);
  const value0 = maxOf(a, 0, i0 + 1);
  const value1 = minOf(a, i0 + 1, n);
  return value0 + (value1 - value0) * (h - i0);
}

/**
 * `quantileOf(values, p)` for each p of `ps`, to the bit, from one copy of
 * the values: a p50 and a p99 of the same latencies cost one copy and
 * about one selection, not two of each. From the lowest p up, each
 * selection runs only right of the one before, which left no smaller value
 * there. With a -0 among the values each p is left to `quantileOf`, whose
 * result then depends on d3's selection order.
 */
export function quantilesOf(values: ArrayLike<number>, ps: readonly number[]): (number | undefined)[] {
  const { a, n, sorted, negativeZero } = numbersOf(values);
  if (negativeZero) return ps.map((p) => quantileOf(values, p));
  const out = new Array<number | undefined>(ps.length);
  // a[0..done) holds the smallest `done` values, a[done - 1] the largest of them.
  let done = 0;
  // From the lowest p up (NaN, which needs no selection, last: a comparison with it would leave the order undefined).
  const rank = (p: number) => (Number.isNaN(p) ? Infinity : p);
  for (const k of ps.map((_, k) => k).sort((x, y) => rank(ps[x]) - rank(ps[y]) || x - y)) {
    const p = ps[k];
    if (n === 0 || Number.isNaN(p)) out[k] = undefined;
    else if (p <= 0 || n < 2) out[k] = minOf(a, 0, n);
    else if (p >= 1) out[k] = maxOf(a, 0, n);
    else {
      const h = (n - 1) * p;
      const i0 = Math.floor(h);
      // Ranks only grow along the loop; an i0 below `done` is the last one selected, still in place.
      if (!sorted && i0 >= done) {
        select(a.subarray(done), i0 - done);
        done = i0 + 1;
      }
      // a[i0] is now the i0-th smallest and nothing right of it is smaller: the next order statistic is their minimum.
      const value0 = a[i0];
      const value1 = sorted ? a[i0 + 1] : minOf(a, i0 + 1, n);
      out[k] = value0 + (value1 - value0) * (h - i0);
    }
  }
  return out;
}

/** A copy of the values that are numbers (NaN left out, as d3's `numbers`), and whether they are in order and hold a -0. */
function numbersOf(values: ArrayLike<number>): { a: Float64Array; n: number; sorted: boolean; negativeZero: boolean } {
  const length = values.length;
  const copy = new Float64Array(length);
  let n = 0;
  let sorted = true;
  let negativeZero = false;
  let previous = -Infinity;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v >= v) {
      copy[n++] = v;
      if (v < previous) sorted = false;
      if (v === 0 && 1 / v < 0) negativeZero = true;
      previous = v;
    }
  }
  return { a: n === length ? copy : copy.subarray(0, n), n, sorted, negativeZero };
}

/** The first smallest of a[from..to) (to > from), as d3's `min`: a later equal value (0 after -0) does not replace it. */
function minOf(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i < to; i++) if (m > a[i]) m = a[i];
  return m;
}

/** The first largest of a[from..to) (to > from), as d3's `max`. */
function maxOf(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i < to; i++) if (m < a[i]) m = a[i];
  return m;
}

/** Whether a[from..to) holds no NaN and no -0, the two values whose place in a selection depends on the algorithm. */
function onlyPlainNumbers(a: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const v = a[i];
    if (!(v === v) || (v === 0 && 1 / v < 0)) return false;
  }
  return true;
}

/**
 * Moves the k-th smallest value of `a` to a[k], no larger value left of it
 * and no smaller one right of it (Hoare's selection, median-of-three pivot).
 * Without NaN and -0 equal values are equal bits, so a[k] and the minimum
 * right of it are the same numbers d3's quickselect finds; this one compares
 * inline instead of calling d3's comparator twice per step, which was most
 * of a p99 over a million latencies.
 */
function select(a: Float64Array, k: number): void {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const x = a[left];
    const y = a[(left + right) >> 1];
    const z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[left..j] <= pivot <= a[i..right], and every value strictly between j and i equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
