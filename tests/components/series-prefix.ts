import { expect } from 'vitest';

/** A run's bucketed series, as the storm, cascade and breaker scenarios return them. */
interface Bucketed {
  readonly series: { readonly bucketMs: number; readonly columns: { readonly [column: string]: readonly unknown[] } };
}

/**
 * A preview's shorter run is exactly the start of the whole run: the same
 * buckets, every column equal to the whole run's over the first `seconds`.
 */
export function expectSeriesPrefix(shorter: Bucketed, whole: Bucketed, seconds: number): void {
  const buckets = (seconds * 1000) / shorter.series.bucketMs;
  expect(shorter.series.bucketMs).toBe(whole.series.bucketMs);
  for (const [key, column] of Object.entries(shorter.series.columns)) {
    expect(column, key).toHaveLength(buckets);
    expect(column, key).toEqual(whole.series.columns[key].slice(0, buckets));
  }
}
