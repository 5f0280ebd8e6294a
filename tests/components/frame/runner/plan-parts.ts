import { expect } from 'vitest';
import { flattenRuns, runKey } from '../../../../src/components/frame/runner/run.ts';

/**
 * A widget's parts (preview, then refinements) as the frame needs them: each
 * part's runs are among the full plan's (so the full plan reuses them), hold
 * the part before's, and are more than those and fewer than the full plan's.
 */
export function expectPartsOfPlan<T>(parts: readonly { readonly runs: T }[], plan: { readonly runs: T }): void {
  const keys = (p: { readonly runs: T }) => new Set(flattenRuns(p.runs).map(runKey));
  const full = keys(plan);
  let before = new Set<string>();
  for (const part of parts) {
    const now = keys(part);
    expect([...now].filter((k) => !full.has(k))).toEqual([]);
    expect([...before].filter((k) => !now.has(k))).toEqual([]);
    expect(now.size).toBeGreaterThan(before.size);
    expect(now.size).toBeLessThan(full.size);
    before = now;
  }
}
