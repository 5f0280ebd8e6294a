import { num, percent } from '../../stats/format-number.ts';
import type { FinalVerdict, RunnerSideView } from './runner-view.ts';

/** A probe's value in its own unit: the success rate as a percentage, latencies in ms. */
function reading(probe: string, value: number): string {
  return probe.includes('success') ? percent(value) : `${num(value)} ms`;
}

/** The exit code `scripts/chaos-simulate.sh --experiment` would give this verdict; none while it is pending (a preview). */
export function exitCode(s: RunnerSideView): 0 | 1 | 3 | undefined {
  switch (s.verdict.status) {
    case 'held':
      return 0;
    case 'refuted':
      return 1;
    case 'aborted':
      return 3;
    case 'pending':
      return undefined;
  }
}

/** The verdict in one sentence, from the run's own numbers; in a preview, that it is pending and what the windows so far say. */
export function verdictSentence(s: RunnerSideView): string {
  const v = s.verdict;
  if (v.status !== 'pending') return finalSentence(s, v);
  return `Verdict pending: this preview ran the first ${num(v.throughS)} s of ${num(v.ofS)} s. So far, ${soFarSentence(s, v.soFar)}`;
}

function finalSentence(s: RunnerSideView, v: FinalVerdict): string {
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

/** What a preview's windows say, without a verdict: the whole run's later windows may still refute or abort it. */
function soFarSentence(s: RunnerSideView, v: FinalVerdict): string {
  switch (v.status) {
    case 'held':
      return `every 1 s window kept a success rate of at least ${percent(s.sloSuccessRate)} and a p99 of at most ${num(s.sloP99)} ms.`;
    case 'refuted':
      return `the window ending at ${num(v.atS)} s (${v.phase} the fault) was out of tolerance: ${v.probe} read ${reading(v.probe, v.value)}.`;
    case 'aborted':
      return v.reason === 'guard'
        ? `the guard read a success rate of ${percent(v.value)} at ${num(v.atS)} s, below ${percent(s.abortBelow ?? 0)}, so every fault was stopped and rolled back.`
        : `the system was not in its steady state before the fault (${v.probe} read ${reading(v.probe, v.value)} at ${num(v.atS)} s), so no fault was injected.`;
  }
}
