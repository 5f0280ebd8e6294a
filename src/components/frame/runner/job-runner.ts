import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import type { CostModel } from './cost-model.ts';
import type { ResultCache } from './result-cache.ts';
import { executeRun, runKey, toWire, type Run } from './run.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** The part of a Worker the runner uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface JobRunnerOptions {
  /** Undefined when workers are unavailable: everything then runs on the main thread. */
  readonly createWorker: () => WorkerLike | undefined;
  readonly cache: ResultCache;
  readonly cost: CostModel;
  /** Jobs estimated to take longer than this go to the worker. */
  readonly mainThreadBudgetMs: number;
  readonly now: () => number;
}

export interface JobOutcome {
  /** One result per requested run, in request order. */
  readonly results: ScenarioResult[];
  readonly computed: number;
  readonly reused: number;
  readonly elapsedMs: number;
  readonly where: 'cache' | 'main thread' | 'worker';
}

export interface RunningJob {
  readonly promise: Promise<JobOutcome>;
  /** Stops a worker job (the worker is terminated) and rejects the promise with JobCancelled. */
  cancel(): void;
}

/**
 * Worker timings teach the cost model too (otherwise a scenario first
 * guessed too slow would go to the worker for ever), scaled up because the
 * worker's code is warm and the main thread's may not be: an estimate errs
 * towards the worker.
 */
const COLD_MAIN_THREAD_FACTOR = 2;

export class JobCancelled extends Error {
  constructor() {
    super('superseded by newer parameters');
    this.name = 'JobCancelled';
  }
}

/**
 * Runs a widget's job: reuses cached runs, runs small jobs at once on the
 * main thread (a worker round trip would cost more than the run) and large
 * ones in a worker, with progress. A stale job is cancelled by terminating
 * its worker: a scenario run is one synchronous loop and cannot be asked to
 * stop, and a fresh worker starts in a few milliseconds.
 */
export class JobRunner {
  private worker: WorkerLike | undefined;
  private workerBroken = false;
  private nextJob = 1;

  constructor(private readonly o: JobRunnerOptions) {}

  /**
   * Each run's key, the results already cached, and the distinct runs still
   * to compute. Results are gathered in `got`, not read back from the cache
   * at the end: a job larger than the cache would evict its own first runs.
   */
  private lookUp(runs: readonly Run[]): { keys: string[]; got: Map<string, ScenarioResult>; todo: Run[] } {
    const keys = runs.map(runKey);
    const got = new Map<string, ScenarioResult>();
    const missing = new Map<string, Run>();
    runs.forEach((r, i) => {
      const hit = this.o.cache.get(keys[i]);
      if (hit) got.set(keys[i], hit);
      else missing.set(keys[i], r);
    });
    return { keys, got, todo: [...missing.values()] };
  }

  /**
   * The runs' results at once, on this thread, when they are all cached or
   * the missing ones are estimated to take at most `budgetMs`; undefined
   * otherwise (nothing is run then). This is how a slider answers in the
   * frame it moved in.
   */
  runNow(runs: readonly Run[], budgetMs: number): JobOutcome | undefined {
    const { keys, got, todo } = this.lookUp(runs);
    if (todo.length > 0 && this.estimateMs(todo) > budgetMs) return undefined;
    const elapsedMs = this.runHere(todo, got);
    return { results: keys.map((k) => got.get(k)!), computed: todo.length, reused: runs.length - todo.length, elapsedMs, where: todo.length ? 'main thread' : 'cache' };
  }

  run(runs: readonly Run[], onProgress: (fraction: number) => void): RunningJob {
    const { keys, got, todo } = this.lookUp(runs);
    const finish = (computed: number, elapsedMs: number, where: JobOutcome['where']): JobOutcome => ({
      results: keys.map((k) => got.get(k)!),
      computed,
      reused: runs.length - computed,
      elapsedMs,
      where,
    });

    if (todo.length === 0) return { promise: Promise.resolve(finish(0, 0, 'cache')), cancel() {} };
    const worker = this.estimateMs(todo) > this.o.mainThreadBudgetMs ? this.acquireWorker() : undefined;
    if (!worker) {
      try {
        const elapsed = this.runHere(todo, got);
        return { promise: Promise.resolve(finish(todo.length, elapsed, 'main thread')), cancel() {} };
      } catch (err) {
        return { promise: Promise.reject(err), cancel() {} };
      }
    }

    const job = this.nextJob++;
    let settle: { resolve: (o: JobOutcome) => void; reject: (e: unknown) => void } | undefined;
    const promise = new Promise<JobOutcome>((resolve, reject) => (settle = { resolve, reject }));
    const start = this.o.now();
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.job !== job || !settle) return;
      if (m.type === 'progress') onProgress(m.fraction);
      else if (m.type === 'error') {
        settle.reject(new Error(m.message));
        settle = undefined;
      } else {
        todo.forEach((r, i) => {
          got.set(runKey(r), m.results[i]);
          this.o.cache.set(runKey(r), m.results[i]);
          const ms = m.elapsedMs?.[i];
          if (ms !== undefined) this.o.cost.observe(r.scenario.name, r.cost, ms * COLD_MAIN_THREAD_FACTOR);
        });
        settle.resolve(finish(todo.length, this.o.now() - start, 'worker'));
        settle = undefined;
      }
    };
    worker.onerror = (e) => {
      // The worker itself failed (e.g. its script could not load): run here
      // rather than leave the widget without a plot.
      e.preventDefault?.();
      this.dropWorker();
      this.workerBroken = true;
      if (!settle) return;
      const s = settle;
      settle = undefined;
      try {
        const elapsed = this.runHere(todo, got);
        s.resolve(finish(todo.length, elapsed, 'main thread'));
      } catch (err) {
        s.reject(err);
      }
    };
    worker.postMessage({ type: 'run', job, runs: todo.map(toWire) });
    return {
      promise,
      cancel: () => {
        if (!settle) return;
        this.dropWorker();
        settle.reject(new JobCancelled());
        settle = undefined;
      },
    };
  }

  dispose(): void {
    this.dropWorker();
  }

  private estimateMs(todo: readonly Run[]): number {
    return todo.reduce((ms, r) => ms + this.o.cost.estimateMs(r.scenario.name, r.cost), 0);
  }

  private runHere(todo: readonly Run[], got: Map<string, ScenarioResult>): number {
    let total = 0;
    for (const r of todo) {
      const t0 = this.o.now();
      const result = executeRun(r);
      const ms = this.o.now() - t0;
      total += ms;
      this.o.cost.observe(r.scenario.name, r.cost, ms);
      got.set(runKey(r), result);
      this.o.cache.set(runKey(r), result);
    }
    return total;
  }

  private acquireWorker(): WorkerLike | undefined {
    if (this.workerBroken) return undefined;
    this.worker ??= this.o.createWorker();
    return this.worker;
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }
}
