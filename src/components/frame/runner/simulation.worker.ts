/// <reference lib="webworker" />
import { getScenario } from '../../../../simulations/scenarios/index.ts';
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
  try {
    const results = runs.map((r, i) => {
      const scenario = getScenario(r.scenario);
      if (!scenario) throw new Error(`scenario "${r.scenario}" is not in the registry (simulations/scenarios/index.ts)`);
      const onProgress = (f: number) => {
        const fraction = (i + Math.min(1, Math.max(0, f))) / runs.length;
        const percent = Math.floor(fraction * 100);
        if (percent > lastPercent) {
          lastPercent = percent;
          post({ type: 'progress', job, fraction });
        }
      };
      const result = scenario.run(r.params, r.seed, { onProgress });
      onProgress(1);
      return result;
    });
    post({ type: 'done', job, results });
  } catch (err) {
    post({ type: 'error', job, message: err instanceof Error ? err.message : String(err) });
  }
};
