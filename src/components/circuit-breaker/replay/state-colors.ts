import type { SeriesColor } from '../../charts/chart-model.ts';

/**
 * Colours of the breaker's states, shared by the state band and the diagram:
 * the conventional green for closed, red for open, amber for half-open. A
 * state the machine may gain later still gets a colour, from what is left.
 */
const KNOWN: Readonly<Record<string, SeriesColor>> = { closed: 4, open: 5, 'half-open': 7, 'forced-open': 3, disabled: 8 };
const SPARE: readonly SeriesColor[] = [6, 2, 1];

export function stateColor(state: string, order: readonly string[]): SeriesColor {
  const known = KNOWN[state];
  if (known !== undefined) return known;
  const unknown = order.filter((s) => KNOWN[s] === undefined);
  return SPARE[Math.max(0, unknown.indexOf(state)) % SPARE.length];
}
