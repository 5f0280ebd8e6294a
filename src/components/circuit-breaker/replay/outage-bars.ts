import type { BarChartModel } from '../../charts/chart-model.ts';
import { count, num } from '../../stats/format-number.ts';
import { previewSpan, type ReplayView } from './replay-view.ts';

/** What the breaker buys during the outage, and what it does not: load on the dependency against requests failed. */
export function outageBars(view: ReplayView): BarChartModel {
  const runs = view.runs;
  const chart = {
    kind: 'bar',
    id: 'outage-load',
    title: view.compare
      ? 'Load on the dependency during the outage, and requests failed: A and B'
      : 'Load on the dependency during the outage, and requests failed: breaker vs none',
    categories: runs.map((r, i) => ({ key: i === 0 ? 'first' : 'second', label: r.label })),
    value: { label: 'Count', unit: 'calls or requests' },
  } as const;
  const preview = previewSpan(view);
  // A preview's numbers are its shorter run's: no bars rather than partial ones, until the whole run comes.
  if (preview !== null)
    return {
      ...chart,
      series: [],
      summary: `Calls during the outage and requests failed follow with the whole run (a preview of its first ${num(preview)} s is shown).`,
    };
  return {
    ...chart,
    series: [
      { key: 'calls', label: 'Calls reaching the dependency during the outage', color: 5, values: runs.map((r) => r.numbers.callsDuringOutage) },
      { key: 'failed', label: 'Requests that failed, whole run', color: 8, values: runs.map((r) => r.numbers.callerErrors) },
    ],
    summary:
      runs
        .map(
          (r) =>
            `${r.label}: ${count(r.numbers.callsDuringOutage)} calls reached the dependency during the outage and ${count(r.numbers.callerErrors)} requests failed.`,
        )
        .join(' ') + verdict(view),
  };
}

/** Breaker against no breaker, from the numbers: did it save requests, or only load? */
function verdict(view: ReplayView): string {
  const withB = view.runs.find((r) => r.hasBreaker);
  const without = view.runs.find((r) => !r.hasBreaker);
  if (!withB || !without) return '';
  const load = withB.numbers.callsDuringOutage < without.numbers.callsDuringOutage ? 'took load off the dependency' : 'did not take load off the dependency';
  const failed = withB.numbers.callerErrors - without.numbers.callerErrors;
  const requests =
    failed < 0 ? `and saved ${count(-failed)} requests` : failed === 0 ? 'and failed as many requests' : `but failed ${count(failed)} more requests`;
  return ` The breaker ${load} ${requests}.`;
}
