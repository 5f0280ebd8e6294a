import type { NumberParam } from '../../params/params.ts';
import { num } from '../stats/format-number.ts';

/** The longest preview: its run stays a few milliseconds whatever the run's length. */
const MOST_S = 30;
/** What a preview shows of the fault: its first seconds, where a cascade sets in and a breaker trips. */
const INTO_FAULT_S = 5;

/**
 * How much of a run its preview (a shorter run on the same seed, shown while
 * the whole one is computed) runs: a third of it (at most 30 s), and through
 * the first 5 s of the fault when the fault starts in the first half, rounded
 * up to a run length the `duration` slider allows. The default 60 s run with
 * its fault at 20 s is previewed by its first 25 s. The whole length when
 * that is no shorter.
 */
export function faultPreviewSeconds(durationSpec: NumberParam, duration: number, faultStartS: number): number {
  const intoFault = faultStartS + INTO_FAULT_S;
  const wanted = Math.max(Math.min(duration / 3, MOST_S), intoFault <= duration / 2 ? intoFault : 0);
  const { min, step } = durationSpec;
  return Math.min(duration, min + Math.max(0, Math.ceil((wanted - min) / step)) * step);
}

/** The status line's name for a preview: "Preview: the first 25 s of the 60 s run." (per run when there are several). */
export function previewLabel(runs: readonly { readonly label: string; readonly durationS: number; readonly previewS: number }[]): string {
  const parts = runs.map(
    (r) =>
      `${r.label ? `${r.label}: ` : ''}${r.previewS < r.durationS ? `the first ${num(r.previewS)} s of the ${num(r.durationS)} s run` : `the whole ${num(r.durationS)} s run`}`,
  );
  return `Preview: ${[...new Set(parts)].join('; ')}.`;
}
