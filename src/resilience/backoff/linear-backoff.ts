import { requireNonNegative, type Backoff } from './backoff.ts';

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
  requireNonNegative('initialMs', initialMs);
  requireNonNegative('stepMs', stepMs);
  requireNonNegative('capMs', capMs);
  return ({ retry }) => Math.min(capMs, initialMs + stepMs * (retry - 1));
}
