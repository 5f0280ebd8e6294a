import { count } from '../../stats/format-number.ts';
import { formatMs } from './format-duration.ts';
import { previewSpan, type ReplayRunView, type ReplayView } from './replay-view.ts';

export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly values: readonly string[];
}

export interface ComparisonTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly ComparisonRow[];
}

function detection(r: ReplayRunView): string {
  if (!r.hasBreaker) return 'no breaker';
  return r.numbers.detectionTime >= 0 ? formatMs(r.numbers.detectionTime) : 'never tripped';
}

/** The two runs' headline numbers side by side, as text ready for a table. */
export function comparisonTable(view: ReplayView): ComparisonTable {
  const runs = view.runs;
  // A preview's numbers are its shorter run's: the cells wait for the whole run.
  const preview = previewSpan(view) !== null;
  const row = (key: string, label: string, f: (r: ReplayRunView) => string): ComparisonRow => ({ key, label, values: runs.map((r) => (preview ? '…' : f(r))) });
  const caption = view.compare ? 'A and B on the same seed' : 'Breaker vs no breaker on the same seed';
  return {
    caption: preview ? `${caption} (the numbers follow with the whole run)` : caption,
    columns: runs.map((r) => r.label),
    rows: [
      row('calls-during-outage', 'Calls reaching the dependency during the outage', (r) => count(r.numbers.callsDuringOutage)),
      row('detection', 'Detection: outage start to first trip', detection),
      row('recovery', 'Recovery: outage end to first success (breaker closed)', (r) =>
        r.numbers.recoveryTime >= 0 ? formatMs(r.numbers.recoveryTime) : 'not before the run ended',
      ),
      row('failed', 'Requests that failed', (r) => `${count(r.numbers.callerErrors)} of ${count(r.numbers.requests)}`),
      row('p50', 'Caller latency, median', (r) => formatMs(r.numbers.latencyP50)),
      row('p99', 'Caller latency, 99th percentile', (r) => formatMs(r.numbers.latencyP99)),
      row('opened', 'Times the breaker opened', (r) => (r.hasBreaker ? count(r.numbers.timesOpened) : 'no breaker')),
      row('dependency-calls', 'Calls reaching the dependency, whole run', (r) => count(r.numbers.dependencyCalls)),
    ],
  };
}
