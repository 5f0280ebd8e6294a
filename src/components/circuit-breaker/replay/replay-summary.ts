import { count, num } from '../../stats/format-number.ts';
import { formatMs } from './format-duration.ts';
import { previewSpan, type ReplayRunView, type ReplayView } from './replay-view.ts';

function outageInRun(r: ReplayRunView): boolean {
  return r.outage.end > r.outage.start && r.outage.start < r.durationS;
}

function detection(r: ReplayRunView): string | undefined {
  if (!r.hasBreaker) return undefined;
  const d = r.numbers.detectionTime;
  const opened = r.numbers.timesOpened;
  const openings = opened > 1 ? ` and opened ${opened} times in all` : '';
  return d >= 0 ? `the breaker tripped ${formatMs(d)} after the outage began${openings}` : 'the breaker never tripped during the outage';
}

function recovery(r: ReplayRunView): string {
  const rec = r.numbers.recoveryTime;
  if (rec < 0) return 'no request succeeded after the outage before the run ended';
  return `the first request to succeed after the outage${r.hasBreaker ? ', with the breaker closed again,' : ''} did so ${formatMs(rec)} after it ended`;
}

/** One run in two sentences, from its numbers; `withLoad: false` when a headline already gave its calls during the outage. */
export function runSentence(r: ReplayRunView, prefix: string, withLoad = true): string {
  const n = r.numbers;
  const load = withLoad ? `${count(n.callsDuringOutage)} ${n.callsDuringOutage === 1 ? 'call' : 'calls'} reached the dependency during the outage` : undefined;
  const clauses = [detection(r), load, recovery(r)].filter((c): c is string => c !== undefined);
  return (
    `${prefix}${clauses.join('; ')}. ` +
    `${count(n.callerErrors)} of ${count(n.requests)} requests failed; callers waited ${formatMs(n.latencyP50)} at the median and ${formatMs(n.latencyP99)} at the 99th percentile.`
  );
}

/**
 * The replay's text summary, written from the runs' numbers: when the
 * breaker detected the outage, how many calls reached the dependency during
 * it with and without the breaker, and how long recovery took.
 */
export function replaySummary(view: ReplayView): string {
  const [a, b] = view.runs;
  const window = `The dependency ${a.outageMode === 'hang' ? 'hangs' : 'fails every call'} from ${num(a.outage.start)} s to ${num(a.outage.end)} s.`;
  const preview = previewSpan(view);
  if (preview !== null)
    return `Preview: the first ${num(preview)} s of the ${num(view.durationS)} s run. ${window} When the breaker tripped, how many calls reached the dependency, recovery and failed requests follow with the whole run.`;
  if (!outageInRun(a))
    return `No outage falls within the run (it starts at ${num(a.outage.start)} s and lasts ${num(a.outage.end - a.outage.start)} s). ${runSentence(a, `${a.label}: `)}`;
  if (!view.compare) {
    const [withB, withoutB] = a.hasBreaker ? [a, b] : [b, a];
    const headline = `Calls reaching the dependency during the outage: ${count(withB.numbers.callsDuringOutage)} with the breaker, ${count(withoutB.numbers.callsDuringOutage)} without, on the same seed.`;
    return `${window} ${headline} With the breaker, ${runSentence(withB, '', false)} Without it, ${runSentence(withoutB, '', false)}`;
  }
  return `${window} ${view.runs.map((r) => runSentence(r, `${r.label} (${r.breaker}; ${r.callers}): `)).join(' ')}`;
}
