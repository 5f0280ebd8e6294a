import { checkOneOf } from '../options/validate.ts';
import type { Backoff } from './backoff.ts';
import { decorrelatedJitterBackoff } from './decorrelated-jitter-backoff.ts';
import { exponentialBackoff } from './exponential-backoff.ts';

/** The five strategies compared in Brooker's 2015 simulation, by the names the scenarios use. */
export type JitterStrategy = 'none' | 'exponential' | 'equal' | 'full' | 'decorrelated';

export const jitterStrategies: readonly JitterStrategy[] = ['none', 'exponential', 'equal', 'full', 'decorrelated'];

const noWait: Backoff = () => 0;

/**
 * One of Brooker's strategies with factor 2: 'none' retries at once (his
 * baseline, no wait at all), 'exponential' is capped exponential without
 * jitter, the others as in exponentialBackoff / decorrelatedJitterBackoff.
 */
export function brookerBackoff(strategy: JitterStrategy, { baseMs, capMs }: { baseMs: number; capMs: number }): Backoff {
  checkOneOf('strategy', strategy, jitterStrategies);
  switch (strategy) {
    case 'none':
      return noWait;
    case 'exponential':
      return exponentialBackoff({ baseMs, capMs, jitter: 'none' });
    case 'equal':
    case 'full':
      return exponentialBackoff({ baseMs, capMs, jitter: strategy });
    case 'decorrelated':
      return decorrelatedJitterBackoff({ baseMs, capMs });
  }
}
