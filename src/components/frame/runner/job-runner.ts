import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import type { CostModel } from './cost-model.ts';
import type { ResultCache } from './result-cache.ts';
import { executeRun, runCode, runKey, toWire, type Run } from './run.ts';
import { scenarioCode, type ScenarioCode } from './scenario-code.ts';
import { WorkerQueue, type TaskListener, type WorkerLike } from './worker-queue.ts';

export type { WorkerLike } from './worker-queue.ts';

export interface JobRunnerOptions {
  /** Undefined when workers are unavailable: everything then runs on the main thread. */
  readonly createWorker: () => WorkerLike | undefined;
  /** Runs sent to the worker and not yet answered, at most: one computing and one waiting keeps it busy. */
  readonly workerDepth?: number;
  readonly cache: ResultCache;
  readonly cost: CostModel;
  /** Jobs estimated to take longer than this go to the worker; runs estimated within it may be taken back from the worker's queue. */
  readonly mainThreadBudgetMs: number;
  readonly now: () => number;
  /** Runs `fn` in a task of its own, after the page has had a chance to handle input and paint. */
  readonly later: (fn: () => void) => void;
  /**
   * Runs `fn` when the page is idle (no input to handle, nothing to paint);
   * `later` unless given. `fn` may be told how long the page stays idle
   * (`timeLeft`, ms: 0 once input is waiting), to do several small things
   * in one idle period rather than one per period.
   */
  readonly idle?: (fn: (timeLeft?: () => number) => void) => void;
  /** Where this thread finds run code; the page's own loader unless given. No run is made here before its code has loaded. */
  readonly code?: ScenarioCode;
}

export interface JobOutcome {
  /** One result per requested run, in request order. */
  readonly results: ScenarioResult[];
  readonly computed: number;
  readonly reused: number;
  readonly elapsedMs: number;
  readonly where: 'cache' | 'main thread' | 'worker';
  /** Of a worker job's runs, how many the main thread took back from the worker's queue and ran itself. */
  readonly here?: number;
}

export interface JobHandlers {
  /** The job's progress in [0, 1], over the runs it computes. */
  readonly onProgress?: (fraction: number) => void;
  /** Called after each run that arrives before the last (its result is in the cache by then): the caller may show a part. */
  readonly onResult?: () => void;
  /**
   * Parts of the job to finish first, in this order (e.g. a preview's runs,
   * then a larger part's), so that each can be shown as soon as it is done.
   * A part's runs that are not the job's own (a preview that is a shorter
   * run of its own) are computed too, first, unless cached.
   */
  readonly stages?: readonly (readonly Run[])[];
}

export interface RunningJob {
  readonly promise: Promise<JobOutcome>;
  /** Drops the job's runs not yet sent to the worker and rejects the promise with JobCancelled. */
  cancel(): void;
}

export class JobCancelled extends Error {
  constructor() {
    super('superseded by newer parameters');
    this.name = 'JobCancelled';
  }
}

/**
 * Runs widgets' jobs: reuses cached runs, runs small jobs at once on the
 * main thread (a worker round trip would cost more than the run) and large
 * ones in the page's one worker (`WorkerQueue`), run by run, with progress.
 * While the worker works through a job from its front, the main thread,
 * otherwise idle, takes runs back from its end one at a time, each in a task
 * of its own and only runs estimated within the main thread's budget: two
 * cores finish the job sooner, and the page still handles input and paints
 * between runs. One runner serves every widget of a page: one cache, one
 * calibration, one warm worker. A stale job is cancelled by dropping its
 * runs not yet sent.
 */
export class JobRunner {
  private readonly workers: WorkerQueue;
  /** The `onResult` of every job in the worker: a warm-up's result may be a part one of them waits for. */
  private readonly listeners = new Set<() => void>();
  /** Runs queued by `warm` or `prefetch` in the worker's background, by run key: dropped when the run is computed otherwise first. */
  private readonly warming = new Map<string, () => boolean>();
  /** Jobs waiting for a background run already in the worker, by run key: told how it ended instead of sending it again. */
  private readonly followers = new Map<string, Follower[]>();
  /** Prefetches waiting for an estimate within their bound (the worker's next timing), oldest first, each a batch of plans. */
  private readonly pendingPrefetches: { plans: readonly (readonly Run[])[]; maxMs: number }[] = [];
  /** Scenarios warmed on this thread (or being warmed), and how many runs that took. */
  private readonly warmedHere = new Map<string, number>();
  /** Warm-up runs (`Scenario.warmUp`) made on this thread, by scenario. */
  private readonly warmUpRuns = new Map<string, number>();
  /**
   * The smallest run of each scenario seen in a job or a warm-up: the one a
   * warm-up here makes. Any run compiles the scenario's code; a widget's
   * whole run is often too large to warm with (its preview is not).
   */
  private readonly smallest = new Map<string, Run>();
  private readonly code: ScenarioCode;

  constructor(private readonly o: JobRunnerOptions) {
    this.workers = new WorkerQueue(o.createWorker, o.workerDepth);
    this.code = o.code ?? scenarioCode;
  }

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
   * otherwise. This is how a slider answers in the frame it moved in. The
   * estimate is checked against the clock after each run: when the runs
   * take longer than foreseen it stops there (what it computed is cached,
   * and the timings have corrected the estimate), so a wrong guess costs at
   * most one run beyond the budget, never a frozen page. `limitMs` (the
   * budget unless given) is where it stops once started: a caller for whom
   * finishing here beats handing the rest to the worker may allow more.
   */
  runNow(runs: readonly Run[], budgetMs: number, limitMs = budgetMs): JobOutcome | undefined {
    const { keys, got, todo } = this.lookUp(runs);
    if (todo.length > 0 && this.estimateMs(todo) > budgetMs) return undefined;
    const loading = this.loadCode(todo);
    if (loading) {
      // Its load starts now, and `run` waits for it; a failed load is reported there.
      loading.catch(() => {});
      return undefined;
    }
    const start = this.o.now();
    for (const [i, r] of todo.entries()) {
      this.runHere(r, got);
      const spent = this.o.now() - start;
      if (i + 1 < todo.length && spent + this.estimateMs(todo.slice(i + 1)) > limitMs) return undefined;
    }
    const elapsedMs = this.o.now() - start;
    return {
      results: keys.map((k) => got.get(k)!),
      computed: todo.length,
      reused: runs.length - todo.length,
      elapsedMs,
      where: todo.length ? 'main thread' : 'cache',
    };
  }

  /**
   * Resolves once this thread has the code of every run's scenario (at once
   * when it has): a caller whose `runNow` answered nothing for want of code
   * may try again then, rather than leave the first slider move to the
   * worker, which has to load the same code first.
   */
  whenLoaded(runs: readonly Run[]): Promise<void> {
    return this.loadCode(runs) ?? Promise.resolve();
  }

  /** The runs' results if every one is cached, computing nothing. */
  cached(runs: readonly Run[]): ScenarioResult[] | undefined {
    const { keys, got, todo } = this.lookUp(runs);
    return todo.length === 0 ? keys.map((k) => got.get(k)!) : undefined;
  }

  run(runs: readonly Run[], handlers: JobHandlers = {}): RunningJob {
    const { keys, got, todo } = this.lookUp(runs);
    let here = 0;
    const finish = (computed: number, elapsedMs: number, where: JobOutcome['where']): JobOutcome => ({
      results: keys.map((k) => got.get(k)!),
      computed,
      reused: runs.length - computed,
      elapsedMs,
      where,
      ...(where === 'worker' && here > 0 ? { here } : {}),
    });

    if (todo.length === 0) return { promise: Promise.resolve(finish(0, 0, 'cache')), cancel() {} };
    for (const r of [...todo, ...(handlers.stages ?? []).flat()]) this.noteSize(r);
    if (this.estimateMs(todo) <= this.o.mainThreadBudgetMs || !this.workers.available()) {
      const loading = this.loadCode(todo);
      if (loading) {
        // A small job whose code is still loading (the reader moved a slider before it came): run it here once it has.
        let cancelled = false;
        const promise = loading.then(() => {
          if (cancelled) throw new JobCancelled();
          const start = this.o.now();
          for (const r of todo) this.runHere(r, got);
          return finish(todo.length, this.o.now() - start, 'main thread');
        });
        return { promise, cancel: () => (cancelled = true) };
      }
      try {
        const start = this.o.now();
        for (const r of todo) this.runHere(r, got);
        return { promise: Promise.resolve(finish(todo.length, this.o.now() - start, 'main thread')), cancel() {} };
      } catch (err) {
        return { promise: Promise.reject(err), cancel() {} };
      }
    }

    let settle: { resolve: (o: JobOutcome) => void; reject: (e: unknown) => void } | undefined;
    const promise = new Promise<JobOutcome>((resolve, reject) => (settle = { resolve, reject }));
    const start = this.o.now();
    const { ordered, segments } = inStages([...todo, ...this.extraStageRuns(keys, handlers.stages ?? [])], handlers.stages ?? []);
    const orderedKeys = ordered.map(runKey);
    const fractions = new Map<Run, number>();
    let left = ordered.length;
    const drops: (() => boolean)[] = [];
    const onResult = handlers.onResult;
    if (onResult) this.listeners.add(onResult);
    const end = (how: (s: NonNullable<typeof settle>) => void) => {
      const s = settle;
      if (!s) return;
      settle = undefined;
      if (onResult) this.listeners.delete(onResult);
      drops.forEach((drop) => drop());
      how(s);
    };
    const report = () => {
      let sum = 0;
      fractions.forEach((f) => (sum += f));
      handlers.onProgress?.(sum / ordered.length);
    };
    const arrived = (r: Run) => {
      fractions.set(r, 1);
      report();
      if (--left === 0) end((s) => s.resolve(finish(todo.length, this.o.now() - start, 'worker')));
      else handlers.onResult?.();
    };
    // The worker failed: what it did not compute is run here rather than leave the widget without a plot.
    const loseRest = () =>
      end((s) => {
        const rest = ordered.filter((x) => !got.has(runKey(x)));
        (this.loadCode(rest) ?? Promise.resolve())
          .then(() => {
            const t0 = this.o.now();
            for (const x of rest) this.runHere(x, got);
            s.resolve(finish(todo.length, this.o.now() - t0, 'main thread'));
          })
          .catch((err: unknown) => s.reject(err));
      });
    // The main thread's share: a run still waiting in the worker's queue, if
    // it is small enough by the timings of its scenario (a first guess is no
    // ground to block the page on): the last of the earliest unfinished
    // stage, so that both threads work on it while the worker takes runs from
    // the front; then again in a later task.
    const backwards = segments.flatMap(([from, to]) => [...ordered.keys()].slice(from, to).reverse());
    const takeBack = () => {
      for (const i of backwards) {
        if (!settle) return;
        const r = ordered[i];
        if (got.has(orderedKeys[i]) || !runCode(r, this.code.loaded) || !this.o.cost.knows(r.scenario.name) || this.estimateMs([r]) > this.o.mainThreadBudgetMs || !drops[i]()) continue;
        try {
          this.runHere(r, got);
        } catch (err) {
          end((s) => s.reject(err));
          return;
        }
        here++;
        arrived(r);
        this.o.later(takeBack);
        return;
      }
    };
    for (const [i, r] of ordered.entries()) {
      this.unwarm(orderedKeys[i]);
      // The run the reader asks for is often one step-ahead is computing (a
      // held key, a drag): its result is waited for, not computed twice.
      if (
        this.follow(orderedKeys[i], {
          done: (result) => {
            this.keep(r, result, got);
            if (settle) arrived(r);
          },
          error: (m) => end((s) => s.reject(new Error(m))),
          lost: () => loseRest(),
        })
      ) {
        drops.push(() => false);
        continue;
      }
      drops.push(
        this.workers.enqueue(toWire(r), {
          progress: (f) => {
            if (!settle) return;
            fractions.set(r, f);
            report();
          },
          done: (result, ms) => {
            this.keep(r, result, got);
            this.o.cost.observeWorker(r.scenario.name, r.cost, ms);
            // Now timed, the scenario may be small enough to warm up here for the next slider move.
            this.warmHere(r.scenario.name);
            this.retryPrefetches();
            if (settle) arrived(r);
          },
          error: (message) => end((s) => s.reject(new Error(message))),
          lost: () => loseRest(),
        }),
      );
    }
    this.o.later(takeBack);
    return { promise, cancel: () => end((s) => s.reject(new JobCancelled())) };
  }

  /** Starts the worker loading, if it has not yet: it answers its first run sooner. */
  startWorker(): void {
    this.workers.available();
  }

  /**
   * Readies the page for a widget's jobs before the reader moves anything
   * (`runs`: its plan at the defaults). A scenario's first runs on a thread
   * are several times slower than later ones (its code is not yet
   * compiled), and the worker takes about 100 ms to load: so the worker is
   * started now and computes `runs` in its background, behind every job,
   * one at a time: the smallest run of each scenario first, then the rest,
   * smallest first (a scenario's preview goes to the worker until the
   * scenario is timed, so each is timed early). Their results are cached, which a sweep
   * reuses when a slider changes only some of its points, and their timings
   * teach the cost model. Then each scenario whose smallest run seen (a
   * widget's preview, often) the worker's timings put small enough is run
   * here too, a few times, in idle time, so that this thread's
   * code is warm when a slider's run comes.
   */
  warm(runs: readonly Run[]): void {
    if (!this.workers.available()) return;
    const bySize = firstOfEachScenario([...runs].sort((a, b) => this.estimateMs([a]) - this.estimateMs([b])));
    for (const r of bySize) this.noteSize(r);
    // Timed already (by an earlier call, before this thread had the code):
    // warmed here now. Otherwise once the worker has timed a run: until then
    // it runs the scenario cold, and on two cores a warm-up here would slow it.
    for (const name of new Set(runs.map((r) => r.scenario.name))) if (this.o.cost.knows(name)) this.warmHere(name);
    this.background(bySize);
  }

  /**
   * Computes `plans` (each a plan's runs, the likeliest first) in the
   * worker's background, behind every job and warm-up, so that a result the
   * reader is about to ask for is cached when they do: the plans a step or
   * two either side of the slider they are on. They go ahead of every other
   * background run not yet sent, in their order. A plan is queued only when
   * its runs neither cached nor queued already are estimated to take the
   * worker `maxMs` at most, together. A scenario not yet timed is estimated
   * by the first guess, which is above what most scenarios take warm: the
   * reader's first slider is computed ahead from the start, and its runs are
   * what times the scenario, instead of waiting behind the warm-ups'.
   */
  prefetch(plans: readonly (readonly Run[])[], maxMs: number): void {
    if (!this.workers.available()) return;
    const waiting = this.tryPrefetch(plans, maxMs);
    if (waiting.length === 0) return;
    // Estimated over the bound, by the first guess or by a first, cold
    // timing: tried again after each timing, the latest few asks only.
    this.pendingPrefetches.push({ plans: waiting, maxMs });
    if (this.pendingPrefetches.length > PENDING_PREFETCHES) this.pendingPrefetches.shift();
  }

  /**
   * Queues the runs not yet cached of each plan estimated within `maxMs`
   * (by the first guess where not yet timed), all in one batch ahead of
   * every other background run not yet sent, in the plans' order (a run
   * queued already, by an earlier prefetch or a warm-up, moves up with them;
   * one the worker computes now is left to finish). Returns the plans it did
   * not queue.
   */
  private tryPrefetch(plans: readonly (readonly Run[])[], maxMs: number): (readonly Run[])[] {
    const batch: Run[] = [];
    const left: (readonly Run[])[] = [];
    for (const runs of plans) {
      const todo = this.lookUp(runs).todo;
      const fresh = todo.filter((r) => !this.warming.has(runKey(r)));
      if (fresh.reduce((ms, r) => ms + this.o.cost.estimateWorkerMs(r.scenario.name, r.cost), 0) <= maxMs) batch.push(...todo);
      else left.push(runs);
    }
    if (batch.length === 0) return left;
    // A run queued already is taken back from where it waits, to go first; one already sent stays.
    for (const r of batch) {
      const key = runKey(r);
      if (this.warming.get(key)?.()) this.warming.delete(key);
    }
    this.background(batch, true);
    return left;
  }

  private retryPrefetches(): void {
    // Oldest first: each batch goes to the front, so the latest ask ends up first.
    for (const p of this.pendingPrefetches.splice(0)) {
      const left = this.tryPrefetch(p.plans, p.maxMs);
      if (left.length > 0) this.pendingPrefetches.push({ plans: left, maxMs: p.maxMs });
    }
  }

  /** Queues each run not cached or queued already in the worker's background, in order (`soon`: all before the others not yet sent); each result is cached and times the scenario. */
  private background(runs: readonly Run[], soon = false): void {
    const added = new Map<string, Run>();
    for (const r of runs) {
      const key = runKey(r);
      if (!this.warming.has(key) && !this.o.cache.get(key)) added.set(key, r);
    }
    const tasks = [...added.values()].map((r) => ({ run: toWire(r), listener: this.backgroundListener(r) }));
    const drops = soon ? this.workers.enqueueSoon(tasks) : tasks.map((t) => this.workers.enqueueBackground(t.run, t.listener));
    let i = 0;
    for (const key of added.keys()) this.warming.set(key, drops[i++]);
  }

  /** What becomes of background run `r`: its result cached, its timing learned, its followers told. */
  private backgroundListener(r: Run): TaskListener {
    const key = runKey(r);
    return {
      progress() {},
      done: (result, ms) => {
        this.warming.delete(key);
        this.o.cost.observeWorker(r.scenario.name, r.cost, ms);
        this.o.cache.set(key, result);
        this.followed(key)?.forEach((f) => f.done(result));
        // A running job may be waiting for it: its preview, computed here already.
        this.listeners.forEach((fn) => fn());
        this.warmHere(r.scenario.name);
        this.retryPrefetches();
      },
      // A warm-up is no job: a failure is reported by the job that follows the run, or that needs it later.
      error: (message) => {
        this.warming.delete(key);
        this.followed(key)?.forEach((f) => f.error(message));
      },
      lost: () => {
        this.warming.delete(key);
        this.followed(key)?.forEach((f) => f.lost());
      },
    };
  }

  dispose(): void {
    this.workers.dispose();
  }

  /**
   * The stages' runs that are not among the job's own (`keys`): a preview
   * that is a shorter run of its own. The worker computes them first too,
   * so that the preview is shown before the whole plan, unless they are
   * cached or the worker is computing them already as a warm-up (its result
   * then reaches the job's `onResult`).
   */
  private extraStageRuns(keys: readonly string[], stages: readonly (readonly Run[])[]): Run[] {
    const own = new Set(keys);
    const extra = new Map<string, Run>();
    for (const r of stages.flat()) {
      const key = runKey(r);
      if (own.has(key) || extra.has(key) || this.o.cache.get(key)) continue;
      const drop = this.warming.get(key);
      // Sent to the worker already: it comes back as a warm-up.
      if (drop && !drop()) continue;
      this.warming.delete(key);
      extra.set(key, r);
    }
    return [...extra.values()];
  }

  private noteSize(r: Run): void {
    const known = this.smallest.get(r.scenario.name);
    if (!known || r.cost < known.cost) this.smallest.set(r.scenario.name, r);
  }

  /**
   * Runs the scenario's smallest run seen on this thread in idle time,
   * `WARM_RUNS_HERE` times, when that run is estimated small enough: then
   * the slider's runs of its scenario (or its previews) are likely to be
   * made here, so its code is loaded here first if it is not yet. Otherwise
   * it is tried again at the next call (after a later timing). A scenario
   * with warm-up runs (`Scenario.warmUp`, a quarter the size or less) makes
   * `WARM_UP_RUNS` of those first: a cold run at full size would block the
   * page, and these compile its code a little at a time, never while the
   * worker has runs to make.
   */
  private warmHere(name: string): void {
    if (this.warmedHere.has(name)) return;
    this.warmedHere.set(name, 0);
    const idle = this.o.idle ?? this.o.later;
    // One warm-up run; true when there is another to make.
    const once = (): boolean => {
      const r = this.smallest.get(name);
      const small = this.warmUpRuns.get(name) ?? 0;
      const code = r && runCode(r, this.code.loaded);
      // The small warm-up runs are for a scenario still cold here, which the
      // worker, cold too, may be running: on two cores (each thread's
      // compiler beside it) they would slow it, so they wait until it has
      // finished a run and has nothing left, and go on from where they stopped.
      if (!r || (code?.warmUp && small < WARM_UP_RUNS && this.workers.busy())) {
        this.warmedHere.delete(name);
        return false;
      }
      const done = this.warmedHere.get(name) ?? 0;
      if (!code) {
        // A failed load is met again, and reported, by the job that needs the code.
        this.code.load(name).then(() => idle(step), () => this.warmedHere.delete(name));
        return false;
      }
      if (code.warmUp && small < WARM_UP_RUNS) {
        try {
          code.run(code.warmUp(r.params), r.seed + small);
        } catch {
          // As below: the job that needs the scenario reports a failure.
          return false;
        }
        this.warmUpRuns.set(name, small + 1);
        if (small + 1 === WARM_UP_RUNS) this.o.cost.compiledHere(name);
        return true;
      }
      if (!this.o.cost.knows(name) || this.estimateMs([r]) > WARM_HERE_MAX_MS) {
        if (done === 0) this.warmedHere.delete(name);
        return false;
      }
      try {
        this.runHere(r, new Map());
      } catch {
        // As for the worker's warm-up: the job that needs the run reports a failure.
        return false;
      }
      this.warmedHere.set(name, done + 1);
      return done + 1 < WARM_RUNS_HERE;
    };
    // As many warm-up runs in one idle period as it has room for (each
    // taken to last as long as the one before, half again: the code only
    // gets faster), the rest in later ones. One a period, as browsers give
    // them about 50 ms apart, had made only three or four of them by the
    // time a reader pressed a key a quarter of a second after focus.
    const step = (timeLeft?: () => number) => {
      // Input already waiting (a key press the reader made meanwhile): not even one run before it.
      if (timeLeft !== undefined && timeLeft() <= 0) {
        idle(step);
        return;
      }
      for (;;) {
        const t0 = this.o.now();
        if (!once()) return;
        const took = this.o.now() - t0;
        if (timeLeft === undefined || timeLeft() < 1.5 * took + 1) {
          idle(step);
          return;
        }
      }
    };
    idle(step);
  }

  private estimateMs(todo: readonly Run[]): number {
    return todo.reduce((ms, r) => ms + this.o.cost.estimateMs(r.scenario.name, r.cost), 0);
  }

  /** Undefined when the code of every run's scenario is loaded on this thread; otherwise the load of what is missing, started now. */
  private loadCode(runs: readonly Run[]): Promise<void> | undefined {
    const missing = runs.filter((r) => !runCode(r, this.code.loaded));
    return missing.length === 0 ? undefined : Promise.all(missing.map((r) => this.code.load(r.scenario.name))).then(() => undefined);
  }

  private runHere(r: Run, got: Map<string, ScenarioResult>): void {
    const t0 = this.o.now();
    const result = executeRun(r, this.code.loaded);
    this.o.cost.observe(r.scenario.name, r.cost, this.o.now() - t0);
    this.keep(r, result, got);
  }

  /** A run's result, for this job (`got`) and for later ones (the cache). */
  private keep(r: Run, result: ScenarioResult, got: Map<string, ScenarioResult>): void {
    const key = runKey(r);
    got.set(key, result);
    this.o.cache.set(key, result);
    this.unwarm(key);
  }

  /** Has `f` told how the background run `key` ends, when the worker is computing it already; false when it is not. */
  private follow(key: string, f: Follower): boolean {
    if (!this.warming.has(key)) return false;
    const list = this.followers.get(key);
    if (list) list.push(f);
    else this.followers.set(key, [f]);
    return true;
  }

  /** The jobs waiting for background run `key`, taken: each hears once. */
  private followed(key: string): Follower[] | undefined {
    const list = this.followers.get(key);
    this.followers.delete(key);
    return list;
  }

  /** Drops a warm-up of the run not yet sent to the worker: it is computed, or about to be, as part of a job. */
  private unwarm(key: string): void {
    const drop = this.warming.get(key);
    if (drop?.()) this.warming.delete(key);
  }
}

/** A job waiting for a run the worker computes in its background. */
interface Follower {
  done(result: ScenarioResult): void;
  error(message: string): void;
  lost(): void;
}

/** Warm-up runs on the main thread per scenario: a scenario's code speeds up over its first few runs. */
const WARM_RUNS_HERE = 4;
/** A scenario's small warm-up runs (`Scenario.warmUp`) on the main thread, before its first real run there. */
const WARM_UP_RUNS = 6;
/**
 * The largest warm-up run made on the main thread, as estimated (the first
 * from the worker's timings, as a cold run): an idle task well under the
 * 50 ms that make a long task, with room for an estimate too low.
 */
const WARM_HERE_MAX_MS = 30;
/** Prefetch asks kept waiting for a lower estimate: the reader's slider now, and the one before, which may still be of use. */
const PENDING_PREFETCHES = 2;

/** `runs` (ordered by size) with the first of each scenario moved to the front, in their order. */
function firstOfEachScenario(runs: readonly Run[]): Run[] {
  const seen = new Set<string>();
  const first: Run[] = [];
  const rest: Run[] = [];
  for (const r of runs) {
    if (seen.has(r.scenario.name)) rest.push(r);
    else {
      seen.add(r.scenario.name);
      first.push(r);
    }
  }
  return [...first, ...rest];
}

/**
 * `runs` ordered by the first stage that has them (runs in no stage last),
 * each stage's runs in their own order, and where each of those parts
 * starts and ends in the result.
 */
function inStages(runs: readonly Run[], stages: readonly (readonly Run[])[]): { ordered: Run[]; segments: [number, number][] } {
  const stageOf = new Map<string, number>();
  stages.forEach((stage, i) => stage.forEach((r) => stageOf.has(runKey(r)) || stageOf.set(runKey(r), i)));
  const parts: Run[][] = Array.from({ length: stages.length + 1 }, () => []);
  for (const r of runs) parts[stageOf.get(runKey(r)) ?? stages.length].push(r);
  const segments: [number, number][] = [];
  let at = 0;
  for (const part of parts) {
    segments.push([at, at + part.length]);
    at += part.length;
  }
  return { ordered: parts.flat(), segments };
}
