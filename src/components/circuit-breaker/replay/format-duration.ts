import { num } from '../../stats/format-number.ts';

/** A duration given in ms, as a reader reads it: "178 ms", "3.39 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${num(ms / 1000)} s`;
}
