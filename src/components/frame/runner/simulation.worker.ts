/// <reference lib="webworker" />
import { getScenario } from '../../../../simulations/scenarios/index.ts';
import { executeWireRuns } from './run.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// The very same scenario code as on the main thread, off it: a large run
// (a sweep, many seeds) never freezes the page. Progress is sent at most
// every whole percent, which is plenty for a progress line and keeps the
// message channel quiet.

function isDedicatedWorker(scope: unknown): scope is DedicatedWorkerGlobalScope {
  return typeof DedicatedWorkerGlobalScope !== 'undefined' && scope instanceof DedicatedWorkerGlobalScope;
}

const scope: unknown = globalThis;
if (!isDedicatedWorker(scope)) throw new Error('simulation.worker.ts runs only as a dedicated Web Worker');
const worker = scope;

worker.onmessage = (e: MessageEvent<ToWorker>) => {
  const { job, runs } = e.data;
  const post = (m: FromWorker) => worker.postMessage(m);
  let lastPercent = -1;
  const elapsedMs: number[] = [];
  try {
    const results = executeWireRuns(
      getScenario,
      runs,
      (fraction) => {
        const percent = Math.floor(fraction * 100);
        if (percent > lastPercent) {
          lastPercent = percent;
          post({ type: 'progress', job, fraction });
        }
      },
      elapsedMs,
    );
    post({ type: 'done', job, results, elapsedMs });
  } catch (err) {
    post({ type: 'error', job, message: err instanceof Error ? err.message : String(err) });
  }
};
