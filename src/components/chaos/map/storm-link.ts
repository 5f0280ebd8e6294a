import { changedParams } from '../../../params/params.ts';
import { retryStormSpec } from '../../../../simulations/scenarios/specs/retry-storm.ts';
import type { RetryStormParams } from '../../../../simulations/scenarios/retry-storm.ts';

/** Where the retry-storm widget lives, and its URL prefix (its widget id). */
const STORM_PAGE = '/retry-strategies/';
const STORM_ID = 'storm';

/**
 * A link that opens the retry guide's storm widget on exactly this run:
 * every retry-storm parameter that differs from the scenario's default, and
 * the seed, under the widget's URL prefix; the anchor scrolls to it. A map
 * cell is a retry-storm run, so the widget there reproduces the cell.
 */
export function stormLink(params: RetryStormParams, seed: number): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(changedParams(retryStormSpec.params, params))) query.set(`${STORM_ID}.${k}`, v);
  query.set(`${STORM_ID}.seed`, String(seed));
  return `${STORM_PAGE}?${query}#${STORM_ID}-title`;
}
