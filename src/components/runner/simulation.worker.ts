/// <reference lib="webworker" />
import { getScenario } from '../../../simulations/scenarios/index.ts';
import type { Scenario } from '../../../simulations/scenario.ts';
import { executeRuns } from './run-request.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// The very same scenario code as on the main thread, off it: a large run
// (a sweep, many seeds) never freezes the page. Progress is sent at most
// every whole percent, which is plenty for a progress line and keeps the
// message channel quiet.
const scope = self as unknown as DedicatedWorkerGlobalScope;

function registered(name: string): Scenario {
  const s = getScenario(name);
  if (!s) throw new Error(`scenario "${name}" is not in the registry (simulations/scenarios/index.ts)`);
  return s;
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const { job, runs } = e.data;
  const post = (m: FromWorker) => scope.postMessage(m);
  let lastPercent = -1;
  try {
    const results = executeRuns(registered, runs, (f) => {
      const percent = Math.floor(f * 100);
      if (percent > lastPercent) {
        lastPercent = percent;
        post({ type: 'progress', job, fraction: f });
      }
    });
    post({ type: 'done', job, results });
  } catch (err) {
    post({ type: 'error', job, message: err instanceof Error ? err.message : String(err) });
  }
};
