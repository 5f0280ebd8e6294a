import type { NumberParam } from '../../../params/params.ts';

/**
 * How a number parameter maps onto a native range input.
 *
 * Linear parameters use their own values (min, max, step), so the input's
 * value is the parameter's value. A log-scaled parameter gets an index into
 * a ladder of values spaced evenly in log space: each arrow-key press moves
 * one rung and always changes the value, and small values get as much travel
 * as large ones.
 */
export interface SliderScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
}

const LOG_RUNGS = 120;

/**
 * A parameter's scale, made once per parameter: every render of a slider
 * asks for it, and a log scale's ladder (121 rungs, each snapped to the
 * step through toFixed) cost about a millisecond in Chromium, twice per key
 * press (the press's render, then the new chart's).
 */
const scales = new WeakMap<NumberParam, SliderScale>();

export function sliderScale(p: NumberParam): SliderScale {
  let scale = scales.get(p);
  if (scale === undefined) {
    scale = p.scale === 'log' && p.min > 0 ? logScale(p) : linearScale(p);
    scales.set(p, scale);
  }
  return scale;
}

/**
 * The values one arrow-key step below and above `value`, those in range:
 * where the slider goes next when the reader presses a key on it. With
 * `steps` > 1, also the values that many presses away, each step taken from
 * where the one before landed, as the slider takes them: nearest first
 * (one below, one above, two below, ...).
 */
export function stepNeighbours(p: NumberParam, value: number, steps = 1): number[] {
  const scale = sliderScale(p);
  const out: number[] = [];
  let below: number | undefined = value;
  let above: number | undefined = value;
  for (let k = 0; k < steps; k++) {
    below = stepFrom(scale, below, -1);
    above = stepFrom(scale, above, 1);
    for (const v of [below, above]) if (v !== undefined && v !== value && !out.includes(v)) out.push(v);
    if (below === undefined && above === undefined) break;
  }
  return out;
}

/** One step from `value` (undefined when there is none, or none in range); undefined stays undefined. */
function stepFrom(scale: SliderScale, value: number | undefined, direction: 1 | -1): number | undefined {
  if (value === undefined) return undefined;
  const x = scale.toPosition(value) + direction * scale.step;
  if (x < scale.min || x > scale.max) return undefined;
  const v = scale.fromPosition(x);
  return v === value ? undefined : v;
}

function linearScale(p: NumberParam): SliderScale {
  return {
    min: p.min,
    max: p.max,
    step: p.step,
    toPosition: (v) => v,
    fromPosition: (x) => snapToStep(p, x),
  };
}

function logScale(p: NumberParam): SliderScale {
  const ladder = logLadder(p);
  return {
    min: 0,
    max: ladder.length - 1,
    step: 1,
    toPosition: (v) => nearestIndex(ladder, v),
    fromPosition: (i) => ladder[Math.max(0, Math.min(ladder.length - 1, Math.round(i)))],
  };
}

/**
 * Distinct, step-aligned values from min to max, evenly spaced in log space,
 * plus the default, so that the default sits exactly on a rung.
 */
export function logLadder(p: NumberParam): number[] {
  const lo = Math.log(p.min);
  const hi = Math.log(p.max);
  const rungs = [p.default];
  for (let i = 0; i <= LOG_RUNGS; i++) rungs.push(i === 0 ? p.min : i === LOG_RUNGS ? p.max : snapToStep(p, Math.exp(lo + ((hi - lo) * i) / LOG_RUNGS)));
  rungs.sort((a, b) => a - b);
  return rungs.filter((v, i) => i === 0 || v > rungs[i - 1]);
}

function nearestIndex(sorted: readonly number[], v: number): number {
  let best = 0;
  for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i] - v) < Math.abs(sorted[best] - v)) best = i;
  return best;
}

/**
 * Rounds to the parameter's step and clamps to its range, and drops the
 * binary noise of float steps (0.1 * 3 = 0.30000000000000004), so the URL
 * shows 0.3.
 */
export function snapToStep(p: NumberParam, x: number): number {
  const k = Math.round((x - p.min) / p.step);
  const v = Math.min(p.max, Math.max(p.min, p.min + k * p.step));
  if (p.integer) return Math.round(v);
  return Number(v.toFixed(decimals(p.step) + decimals(p.min)));
}

/** Decimal places of a step such as 0.05 (2) or 1e-3 (3). */
export function decimals(step: number): number {
  if (Number.isInteger(step)) return 0;
  const s = String(step);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]) + (s.split('e')[0].split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}
