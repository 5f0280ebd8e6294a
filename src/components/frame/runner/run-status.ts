import type { JobOutcome } from './job-runner.ts';

export type RunState = 'idle' | 'running' | 'done' | 'error';

/** What the run-status line needs to know of a widget's simulation. */
export interface RunStatusInput {
  /** Whether the widget has hydrated and read its URL: before that the build-time default is on show. */
  readonly ready: boolean;
  /** The current plan's key. */
  readonly key: string;
  /** What is drawn: whose plan, and whether only a part of it (a preview) is. */
  readonly shown: { readonly key: string; readonly partial?: { readonly runs: number; readonly of: number; readonly label?: string } };
  readonly failure: { readonly key: string; readonly message: string } | undefined;
  /** How the shown plan was computed; undefined for the build-time default. */
  readonly outcome: JobOutcome | undefined;
  /** The running job's progress in [0, 1], when it has said. */
  readonly progress: number | undefined;
}

/**
 * The widget's state and its status line, e.g. "Running… 40%", "Partial
 * result: 4 of 28 runs shown; …" or "Done: 5 runs in 12 ms". A preview that
 * is not some of the plan's runs (a shorter run) says what it is by its own
 * label.
 */
export function runStatus(s: RunStatusInput): { state: RunState; text: string } {
  const pct = s.progress === undefined ? '' : ` ${Math.floor(s.progress * 100)}%`;
  const current = s.key === s.shown.key;
  if (!s.ready) return { state: 'idle', text: 'Showing the default run, computed when this page was built.' };
  if (s.failure?.key === s.key) return { state: 'error', text: `Error: the simulation failed (${s.failure.message}).` };
  if (current && s.shown.partial?.label) return { state: 'running', text: `${s.shown.partial.label} The whole run follows…${pct}` };
  if (current && s.shown.partial) {
    return { state: 'running', text: `Partial result: ${s.shown.partial.runs} of ${s.shown.partial.of} runs shown; the chart refines as the rest finish…${pct}` };
  }
  if (current) return { state: 'done', text: s.outcome ? describeOutcome(s.outcome) : 'Done: the default run, computed when this page was built.' };
  return { state: 'running', text: `Running…${pct}` };
}

function describeOutcome(o: JobOutcome): string {
  if (o.computed === 0) return `Done: ${plural(o.reused, 'run')} already computed.`;
  const reused = o.reused > 0 ? `, ${o.reused} reused` : '';
  const where = o.where !== 'worker' ? '' : o.here ? ` (${o.here} on this page, ${o.computed - o.here} in a worker)` : ' in a worker';
  return `Done: ${plural(o.computed, 'run')} in ${Math.max(1, Math.round(o.elapsedMs))} ms${where}${reused}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
