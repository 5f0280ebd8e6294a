import type { HashingSideView, SampledKey } from './hashing-view.ts';

/** What happened to a key: it stayed, it made a move the change forced, or it moved between two backends that were there all along. */
export type KeyFate = 'stayed' | 'required' | 'needless';

/**
 * A move is required when it is onto the added backend (it takes its fair
 * share from everyone) or off the removed one (its keys must go somewhere);
 * any other move is churn the scheme caused: caches emptied for nothing.
 */
export function keyFate(k: SampledKey, changed: number): KeyFate {
  if (k.from === k.to) return 'stayed';
  return k.from === changed || k.to === changed ? 'required' : 'needless';
}

export function fateCounts(side: HashingSideView, sample: readonly SampledKey[]): Record<KeyFate, number> {
  const out: Record<KeyFate, number> = { stayed: 0, required: 0, needless: 0 };
  for (const k of sample) out[keyFate(k, side.changed)]++;
  return out;
}

/** Columns of the grid for a width: cells at least ~56 px wide (room for "500→501"), between 4 and 10 per row. */
export function gridColumns(width: number): number {
  return Math.max(4, Math.min(10, Math.floor(width / 56)));
}
