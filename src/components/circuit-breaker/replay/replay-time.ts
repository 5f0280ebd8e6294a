/**
 * Replay time: which state a breaker is in at a moment of the run, and where
 * the transitions around that moment are. Times are seconds of simulated
 * time; a transition's time is rounded *up* to a tenth of a millisecond
 * (`toReplayTime`) so that stepping to it lands on or just after the moment
 * it happened, never just before, and a URL carrying it stays short.
 */
export interface ReplayTransition {
  /** s, rounded up to 0.1 ms. */
  readonly t: number;
  readonly from: string;
  readonly to: string;
  readonly event: string;
}

export interface StateSegment {
  readonly start: number;
  readonly end: number;
  readonly state: string;
}

export function toReplayTime(ms: number): number {
  return Math.ceil(ms * 10) / 10_000;
}

/** The state at time `t` (the breaker starts in `initial`), and the transition that led to it, if any. */
export function stateAt(transitions: readonly ReplayTransition[], initial: string, t: number): { state: string; last: ReplayTransition | undefined } {
  let last: ReplayTransition | undefined;
  for (const tr of transitions) {
    if (tr.t > t) break;
    last = tr;
  }
  return { state: last ? last.to : initial, last };
}

/** When the first transition strictly after `t` happens; undefined when there is none. */
export function nextTransitionTime(transitions: readonly ReplayTransition[], t: number): number | undefined {
  return transitions.find((tr) => tr.t > t)?.t;
}

/** When the last transition strictly before `t` happened; undefined when there is none. */
export function previousTransitionTime(transitions: readonly ReplayTransition[], t: number): number | undefined {
  let found: number | undefined;
  for (const tr of transitions) {
    if (tr.t >= t) break;
    found = tr.t;
  }
  return found;
}

/** The run cut into stretches of one state each, covering [0, end]. */
export function stateSegments(transitions: readonly ReplayTransition[], initial: string, end: number): StateSegment[] {
  const out: StateSegment[] = [];
  let start = 0;
  let state = initial;
  for (const tr of transitions) {
    if (tr.t >= end) break;
    if (tr.t > start) out.push({ start, end: tr.t, state });
    start = tr.t;
    state = tr.to;
  }
  out.push({ start, end, state });
  return out;
}

/** "22.0 s", "20.1777 s": one decimal, or as many as a transition's time needs. */
export function formatReplayTime(t: number): string {
  const fixed = t.toFixed(4).replace(/0+$/, '');
  const decimals = Math.max(1, fixed.length - fixed.indexOf('.') - 1);
  return `${t.toFixed(decimals)} s`;
}
