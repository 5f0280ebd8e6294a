import { format } from 'd3-format';

const small = format('.3~r');
const whole = format(',.0f');

/**
 * Numbers in summaries: three significant digits below 100 ("2.74", "0.504"),
 * whole numbers from there on ("4,096", not "4,100": a count read as rounded
 * would be a wrong count).
 */
export function num(x: number): string {
  return Math.abs(x) >= 100 ? whole(x) : small(x);
}

/** Whole counts: "1,234". */
export const count = whole;
/** Fractions as percentages: "93.9%". */
export const percent = format('.1~%');
