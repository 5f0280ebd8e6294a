import { format } from 'd3-format';
import type { ScaleContinuousNumeric } from 'd3-scale';

/** Tick values and labels for a scale, with about `count` ticks; log scales keep only the round ones (1, 10, 100, or 1, 2, 5, ...) so labels do not collide. */
export function ticksOf(scale: ScaleContinuousNumeric<number, number>, count: number, log = false): { value: number; label: string }[] {
  if (log) {
    const all = scale.ticks(count);
    const decades = all.filter((v) => isPowerOfTen(v));
    const chosen = decades.length >= 2 ? decades : all.filter((v) => /^[125]/.test(String(v)));
    return chosen.map((v) => ({ value: v, label: format(v >= 10000 ? '~s' : ',~r')(v) }));
  }
  const f = scale.tickFormat(count);
  return scale.ticks(count).map((v) => ({ value: v, label: f(v) }));
}

function isPowerOfTen(v: number): boolean {
  const l = Math.log10(v);
  return Math.abs(l - Math.round(l)) < 1e-9;
}

/** A scale's ticks placed for `<Axis>`: each at its position on the scale. */
export function axisTicks(scale: ScaleContinuousNumeric<number, number>, count: number, log = false): { key: number; at: number; label: string }[] {
  return ticksOf(scale, count, log).map((t) => ({ key: t.value, at: scale(t.value), label: t.label }));
}
