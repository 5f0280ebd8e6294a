import { extent } from 'd3-array';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';

/**
 * A linear or log scale over values, made "nice" (round ends). A log scale
 * ignores values <= 0, which it cannot place; an empty or one-point domain is
 * widened so the axis still draws.
 */
export function continuousScale(values: readonly number[], o: { log?: boolean; domain?: readonly [number, number]; includeZero?: boolean }): ScaleContinuousNumeric<number, number> {
  if (o.log) {
    const [lo, hi] = o.domain ?? (extent(values.filter((v) => v > 0 && Number.isFinite(v))) as [number | undefined, number | undefined]);
    const a = lo ?? 1;
    const b = hi !== undefined && hi > a ? hi : a * 10;
    return scaleLog().domain([a, b]).nice();
  }
  const finite = values.filter((v) => Number.isFinite(v));
  let [lo, hi] = o.domain ?? (extent(finite) as [number | undefined, number | undefined]);
  lo ??= 0;
  hi ??= 1;
  if (o.includeZero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (!(hi > lo)) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).nice();
}
