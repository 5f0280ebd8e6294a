import { num, percent } from '../../stats/format-number.ts';
import type { RunnerSideView } from './runner-view.ts';

/** A probe's value in its own unit: the success rate as a percentage, latencies in ms. */
function reading(probe: string, value: number): string {
  return probe.includes('success') ? percent(value) : `${num(value)} ms`;
}

/** The exit code `scripts/chaos-simulate.sh --experiment` would give this verdict. */
export function exitCode(s: RunnerSideView): 0 | 1 | 3 {
  return s.verdict.status === 'held' ? 0 : s.verdict.status === 'refuted' ? 1 : 3;
}

/** The verdict in one sentence, from the run's own numbers. */
export function verdictSentence(s: RunnerSideView): string {
  const v = s.verdict;
  switch (v.status) {
    case 'held':
      return `Hypothesis held: every 1 s window kept a success rate of at least ${percent(s.sloSuccessRate)} and a p99 of at most ${num(s.sloP99)} ms.`;
    case 'refuted':
      return `Hypothesis refuted at ${num(v.atS)} s (${v.phase} the fault): ${v.probe} read ${reading(v.probe, v.value)}, outside its tolerance.`;
    case 'aborted':
      return v.reason === 'guard'
        ? `Aborted at ${num(v.atS)} s: the guard read a success rate of ${percent(v.value)}, below ${percent(s.abortBelow ?? 0)}, so every fault was stopped and rolled back.`
        : `Aborted at ${num(v.atS)} s: the system was not in its steady state before the fault (${v.probe} read ${reading(v.probe, v.value)}), so no fault was injected.`;
  }
}
