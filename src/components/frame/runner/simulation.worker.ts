/// <reference lib="webworker" />
import { executeWireRun, type WireRun } from './run.ts';
import { scenarioCode } from './scenario-code.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// The very same scenario code as on the main thread, off it: a large job
// (a sweep, many seeds) never freezes the page. Each scenario's code is
// loaded when a run of it first arrives, as on the page. The page sends one run per
// message (worker-queue.ts) and this answers each as it finishes. Progress
// within a run is sent only for long runs, at most every PROGRESS_EVERY_MS:
// each message re-renders a status line on the page, and a run of a few
// milliseconds reporting every percent would cost the page more than the run.
const PROGRESS_EVERY_MS = 100;

function isDedicatedWorker(scope: unknown): scope is DedicatedWorkerGlobalScope {
  return typeof DedicatedWorkerGlobalScope !== 'undefined' && scope instanceof DedicatedWorkerGlobalScope;
}

const scope: unknown = globalThis;
if (!isDedicatedWorker(scope)) throw new Error('simulation.worker.ts runs only as a dedicated Web Worker');
const worker = scope;

const post = (m: FromWorker) => worker.postMessage(m);

function answer(task: number, run: WireRun): void {
  try {
    const t0 = performance.now();
    let lastPost = t0;
    const result = executeWireRun(scenarioCode.loaded, run, (fraction) => {
      const t = performance.now();
      if (t - lastPost >= PROGRESS_EVERY_MS) {
        lastPost = t;
        post({ type: 'progress', task, fraction });
      }
    });
    post({ type: 'done', task, result, elapsedMs: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', task, message: err instanceof Error ? err.message : String(err) });
  }
}

worker.onmessage = (e: MessageEvent<ToWorker>) => {
  const { task, run } = e.data;
  if (scenarioCode.loaded(run.scenario)) return answer(task, run);
  scenarioCode.load(run.scenario).then(
    () => answer(task, run),
    (err: unknown) => post({ type: 'error', task, message: `could not load the code of scenario "${run.scenario}": ${err instanceof Error ? err.message : String(err)}` }),
  );
};

worker.postMessage({ type: 'ready' } satisfies FromWorker);
