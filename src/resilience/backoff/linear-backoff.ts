import { checkNumber } from '../options/validate.ts';
import type { Backoff } from './backoff.ts';
import { backoffLimits } from './backoff-options.ts';

export interface LinearBackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** Added for each further retry. */
  stepMs: number;
  /** No delay exceeds this. */
  capMs: number;
}

/** initialMs, initialMs + stepMs, initialMs + 2·stepMs, ..., never above capMs. */
export function linearBackoff({ initialMs, stepMs, capMs }: LinearBackoffOptions): Backoff {
  checkNumber('initialMs', initialMs, backoffLimits.delayMs);
  checkNumber('stepMs', stepMs, backoffLimits.delayMs);
  checkNumber('capMs', capMs, backoffLimits.delayMs);
  return ({ retry }) => Math.min(capMs, initialMs + stepMs * (retry - 1));
}
