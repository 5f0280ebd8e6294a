import type { NumberRange } from '../options/validate.ts';

export interface BulkheadOptions {
  /** Calls allowed to run at the same time. */
  readonly maxConcurrent: number;
  /** Calls allowed to wait for a slot; 0 (the default) rejects as soon as all slots are taken. */
  readonly maxQueue?: number;
}

/** Defaults of the bulkhead, stated once. */
export const bulkheadDefaults = {
  maxQueue: 0,
} as const;

export const bulkheadLimits = {
  maxConcurrent: { min: 1, integer: true },
  maxQueue: { min: 0, integer: true },
} as const satisfies Record<string, NumberRange>;
