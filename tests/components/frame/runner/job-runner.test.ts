import { describe, expect, it } from 'vitest';
import { intParam } from '../../../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../../../../simulations/scenario.ts';
import { CostModel } from '../../../../src/components/frame/runner/cost-model.ts';
import { JobCancelled, JobRunner, type WorkerLike } from '../../../../src/components/frame/runner/job-runner.ts';
import { ResultCache } from '../../../../src/components/frame/runner/result-cache.ts';
import { executeWireRun, run, type Run } from '../../../../src/components/frame/runner/run.ts';
import type { FromWorker, ToWorker } from '../../../../src/components/frame/runner/worker-protocol.ts';

/** A tiny deterministic scenario: the result is a function of params and seed, and it counts its runs. */
let ran = 0;
const tiny = defineScenario({
  name: 'tiny',
  title: 'Tiny',
  description: 'n times seed',
  params: { n: intParam({ label: 'n', default: 1, min: 0, max: 100 }) },
  summaryDoc: { product: 'n * seed' },
  run(p, seed, o = {}) {
    ran++;
    o.onProgress?.(0.5);
    return { summary: { product: p.n * seed } };
  },
});
/** Like tiny, with warm-up runs (n = 0); it records the n of every run it makes. */
const warmableSeen: number[] = [];
const warmable = defineScenario({
  ...tiny,
  name: 'warmable',
  run(p, seed) {
    warmableSeen.push(p.n);
    return { summary: { product: p.n * seed } };
  },
  warmUp: (p) => ({ ...p, n: 0 }),
});
/** A scenario whose every run throws; the fake worker does not have it, and says so. */
const broken = defineScenario({
  ...tiny,
  name: 'broken',
  run: () => {
    throw new Error('broken scenario');
  },
});
const registry = (name: string) => [tiny, warmable].find((s) => s.name === name);
const req = (n: number, seed: number, cost = 1): Run => run(tiny, { n }, seed, cost);

/** A worker that answers the runs sent to it only when told to, so tests control timing. */
class FakeWorker implements WorkerLike {
  private listener: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  /** Whether the fake says it has loaded as soon as the page listens, as a worker whose script is cached would. */
  static loadsAtOnce = true;
  get onmessage() {
    return this.listener;
  }
  set onmessage(fn) {
    this.listener = fn;
    if (FakeWorker.loadsAtOnce) this.loaded();
  }
  loaded() {
    this.listener?.({ data: { type: 'ready' } } as MessageEvent<FromWorker>);
  }
  terminated = false;
  inbox: ToWorker[] = [];
  /** What the fake reports as each run's duration. */
  msPerRun = 3;
  postMessage(m: ToWorker) {
    this.inbox.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the oldest run sent: a progress report, then the result. */
  answer() {
    const m = this.inbox.shift()!;
    const send = (d: FromWorker) => this.onmessage?.({ data: d } as MessageEvent<FromWorker>);
    try {
      const result = executeWireRun(registry, m.run, (f) => send({ type: 'progress', task: m.task, fraction: f }));
      send({ type: 'done', task: m.task, result, elapsedMs: this.msPerRun });
    } catch (err) {
      send({ type: 'error', task: m.task, message: err instanceof Error ? err.message : String(err) });
    }
  }
  answerAll() {
    while (this.inbox.length > 0) this.answer();
  }
  fail() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

/** A clock that moves `tick` ms each time it is read, or as a test sets it. */
function setup(budgetMs: number, msPerUnit = 1, tick = 1) {
  const workers: FakeWorker[] = [];
  const clock = { t: 0, tick };
  const cost = new CostModel(msPerUnit);
  const cache = new ResultCache(100);
  /** Tasks the runner asked to run later: a test runs them with `flushLater`. */
  const later: (() => void)[] = [];
  const flushLater = () => {
    while (later.length > 0) later.shift()!();
  };
  /** Warm-ups the runner left for idle time: a test runs them from here. */
  const idle: ((timeLeft?: () => number) => void)[] = [];
  const runner = new JobRunner({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    cache,
    cost,
    mainThreadBudgetMs: budgetMs,
    now: () => (clock.t += clock.tick),
    later: (fn) => later.push(fn),
    idle: (fn) => idle.push(fn),
  });
  return { runner, workers, clock, cost, cache, later, flushLater, idle };
}

const products = (rs: ScenarioResult[]) => rs.map((r) => r.summary.product);
const seeds = (w: FakeWorker) => w.inbox.map((m) => m.run.seed);

describe('JobRunner', () => {
  it('runs small jobs on the main thread, in request order, and answers a repeat from the cache', async () => {
    const { runner, workers } = setup(100);
    ran = 0;
    const first = await runner.run([req(2, 3), req(4, 5), req(2, 3)]).promise;
    expect(products(first.results)).toEqual([6, 20, 6]);
    expect([first.where, first.computed, first.reused, ran]).toEqual(['main thread', 2, 1, 2]);
    const again = await runner.run([req(4, 5), req(2, 3)]).promise;
    expect([again.where, again.computed, ran]).toEqual(['cache', 0, 2]);
    expect(products(again.results)).toEqual([20, 6]);
    expect(workers).toHaveLength(0);
  });

  it('sends jobs estimated above the budget to the worker run by run, two at a time, only the runs not cached, with progress', async () => {
    // Each run here "takes" 3 ms (3 ticks between the clock reads), a first run counted as 1 ms: 0.2 ms a unit.
    const { runner, workers } = setup(10, 1, 3);
    await runner.run([req(1, 1, 5)]).promise;
    const progress: number[] = [];
    const job = runner.run([req(1, 1, 5), req(1, 2, 20), req(1, 3, 20), req(1, 4, 20)], { onProgress: (f) => progress.push(f) });
    expect(workers).toHaveLength(1);
    expect(seeds(workers[0])).toEqual([2, 3]);
    workers[0].answer();
    expect(seeds(workers[0])).toEqual([3, 4]);
    workers[0].answerAll();
    const out = await job.promise;
    expect(products(out.results)).toEqual([1, 2, 3, 4]);
    expect([out.where, out.computed, out.reused]).toEqual(['worker', 3, 1]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
  });

  it('sends the stages\' runs first, stage by stage, and reports each result as it arrives', async () => {
    const { runner, workers } = setup(0);
    const results: number[] = [];
    const runs = [req(1, 1, 5), req(1, 2, 5), req(1, 3, 5)];
    const job = runner.run(runs, { stages: [[runs[2]], [runs[2], runs[1]]], onResult: () => results.push(runner.cached([runs[2]])?.length ?? 0) });
    expect(seeds(workers[0])).toEqual([3, 2]);
    workers[0].answer();
    expect(results).toEqual([1]);
    workers[0].answerAll();
    expect(products((await job.promise).results)).toEqual([1, 2, 3]);
  });

  it('one worker serves every job; cancelling drops the runs not yet sent and keeps the worker', async () => {
    const { runner, workers, cache } = setup(0);
    const stale = runner.run([req(1, 1, 5), req(1, 2, 5), req(1, 3, 5)]);
    stale.cancel();
    await expect(stale.promise).rejects.toBeInstanceOf(JobCancelled);
    const next = runner.run([req(1, 9, 5)]);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    // The stale job's two runs already sent still finish, and are cached; its third was never sent.
    expect(seeds(workers[0])).toEqual([1, 2]);
    workers[0].answerAll();
    expect(seeds(workers[0])).toEqual([]);
    expect(products((await next.promise).results)).toEqual([9]);
    expect([cache.size, runner.cached([req(1, 1, 5), req(1, 2, 5)])?.length, runner.cached([req(1, 3, 5)])]).toEqual([3, 2, undefined]);
  });

  it('while the worker computes a job from its front, the main thread takes small runs back from its end, one per task', async () => {
    const { runner, workers, later, flushLater, cost } = setup(10);
    // Only runs of a scenario already timed are taken back: a first guess is no ground to block the page on.
    const unknown = runner.run([req(1, 7, 5), req(1, 8, 5), req(1, 9, 5)]);
    ran = 0;
    flushLater();
    expect(ran).toBe(0);
    unknown.cancel();
    await expect(unknown.promise).rejects.toBeInstanceOf(JobCancelled);
    workers[0].answerAll();
    cost.observe('tiny', 1, 3); // a first run, counted as 1 ms a unit
    ran = 0;
    const runs = [req(1, 1, 50), req(1, 2, 50), req(1, 3, 5), req(1, 4, 5), req(1, 5, 5)];
    const job = runner.run(runs);
    expect(seeds(workers[0])).toEqual([1, 2]);
    // The first take-back waits for a task of its own, and each one schedules the next.
    expect(ran).toBe(0);
    later.shift()!();
    expect(ran).toBe(1);
    expect(later).toHaveLength(1);
    flushLater();
    // Seeds 5, 4, 3 were run here (small enough); 1 and 2 were already sent, and are too large anyway.
    expect(ran).toBe(3);
    workers[0].answerAll();
    const out = await job.promise;
    expect(products(out.results)).toEqual([1, 2, 3, 4, 5]);
    expect([out.where, out.computed, out.here]).toEqual(['worker', 5, 3]);
    expect(workers[0].inbox).toEqual([]);
  });

  it('no run is sent before the worker has loaded: until then the main thread may take back any of them', async () => {
    FakeWorker.loadsAtOnce = false;
    try {
      const { runner, workers, later, cost } = setup(10);
      cost.observe('tiny', 1, 3); // a first run, counted as 1 ms a unit
      const runs = [req(1, 1, 5), req(1, 2, 5), req(1, 3, 5)];
      const job = runner.run(runs, { stages: [[runs[0], runs[1]]] });
      expect(seeds(workers[0])).toEqual([]);
      later.shift()!();
      later.shift()!();
      expect(runner.cached([runs[0], runs[1]])).toBeDefined();
      workers[0].loaded();
      expect(seeds(workers[0])).toEqual([3]);
      workers[0].answerAll();
      const out = await job.promise;
      expect([...products(out.results), out.here]).toEqual([1, 2, 3, 2]);
    } finally {
      FakeWorker.loadsAtOnce = true;
    }
  });

  it('runs are taken back from the end of the earliest unfinished stage, so both threads work on it', async () => {
    const { runner, workers, later, cost } = setup(10);
    cost.observe('tiny', 1, 3); // a first run, counted as 1 ms a unit
    const runs = [req(1, 1, 5), req(1, 2, 5), req(1, 3, 5), req(1, 4, 5), req(1, 5, 5)];
    const job = runner.run(runs, { stages: [[runs[3], runs[4], runs[0]]] });
    // Sent to the worker: the first two of the stage's runs (1 and 4, in plan order); the third (5) is taken back here before 3 and 2.
    expect(seeds(workers[0])).toEqual([1, 4]);
    later.shift()!();
    expect(runner.cached([runs[4]])).toBeDefined();
    expect(runner.cached([runs[2]])).toBeUndefined();
    later.shift()!();
    expect(runner.cached([runs[2]])).toBeDefined();
    expect(runner.cached([runs[1]])).toBeUndefined();
    workers[0].answerAll();
    later.shift()!();
    expect(products((await job.promise).results)).toEqual([1, 2, 3, 4, 5]);
  });

  it('startWorker creates the page\'s one worker ahead of any run, and only once', () => {
    const { runner, workers } = setup(0);
    runner.startWorker();
    runner.startWorker();
    expect(workers).toHaveLength(1);
    expect(workers[0].inbox).toEqual([]);
    runner.warm([req(1, 2, 10)]);
    expect(workers).toHaveLength(1);
    expect(seeds(workers[0])).toEqual([2]);
  });

  it('warm starts the worker and has it compute the runs in its background, smallest first, one at a time, behind every job', async () => {
    const { runner, workers, cost } = setup(0);
    ran = 0;
    runner.warm([req(1, 1, 30), req(1, 2, 10), req(1, 3, 20)]);
    expect(workers).toHaveLength(1);
    expect(seeds(workers[0])).toEqual([2]);
    const job = runner.run([req(1, 7, 5), req(1, 8, 5), req(1, 9, 5)]);
    // The job's runs are sent at once (the worker takes two at a time); the next warm-up waits for the job.
    expect(seeds(workers[0])).toEqual([2, 7]);
    workers[0].answer();
    expect(seeds(workers[0])).toEqual([7, 8]);
    workers[0].answer();
    workers[0].answer();
    expect(seeds(workers[0])).toEqual([9]);
    workers[0].answer();
    expect(products((await job.promise).results)).toEqual([7, 8, 9]);
    expect(seeds(workers[0])).toEqual([3]);
    workers[0].answer();
    expect(seeds(workers[0])).toEqual([1]);
    workers[0].answer();
    expect(ran).toBe(6);
    // Every warm-up's result is cached, and its timing has taught the cost model.
    expect(runner.cached([req(1, 1, 30), req(1, 2, 10), req(1, 3, 20)])?.length).toBe(3);
    expect(cost.knows('tiny')).toBe(true);
    // Warming the same runs again computes nothing.
    runner.warm([req(1, 1, 30), req(1, 2, 10)]);
    expect(seeds(workers[0])).toEqual([]);
  });

  it('prefetch has the worker compute runs ahead, behind every job, when they fit the bound (by the first guess until timed): then the press finds them cached', async () => {
    const { runner, workers, cost } = setup(0);
    ran = 0;
    // Not yet timed: the first guess (1 ms a unit) puts the plan at 20 ms.
    runner.prefetch([[req(1, 5, 10), req(1, 6, 10)]], 19);
    expect(workers.flatMap(seeds)).toEqual([]);
    runner.prefetch([[req(1, 5, 10), req(1, 6, 10)]], 20);
    expect(seeds(workers[0])).toEqual([5]);
    workers[0].answerAll();
    workers[0].answerAll();
    cost.observeWorker('tiny', 10, 10);
    const estimate = cost.estimateWorkerMs('tiny', 20);
    // Two runs of 10 units each: over the bound, nothing; within it, both, in order.
    runner.prefetch([[req(1, 1, 10), req(1, 2, 10)]], estimate - 1);
    expect(workers.flatMap(seeds)).toEqual([]);
    runner.prefetch([[req(1, 1, 10), req(1, 2, 10)]], estimate);
    expect(seeds(workers[0])).toEqual([1]);
    // Behind a job, and never queued twice.
    const job = runner.run([req(1, 7, 10)]);
    runner.prefetch([[req(1, 2, 10)]], estimate);
    expect(seeds(workers[0])).toEqual([1, 7]);
    workers[0].answer();
    workers[0].answer();
    expect(products((await job.promise).results)).toEqual([7]);
    expect(seeds(workers[0])).toEqual([2]);
    workers[0].answer();
    expect(ran).toBe(5);
    // The press: both results at once from the cache, nothing run.
    const press = runner.runNow([req(1, 1, 10), req(1, 2, 10)], 0);
    expect([press?.where, press?.computed, ran]).toEqual(['cache', 0, 5]);
    // Cached runs are not queued again.
    runner.prefetch([[req(1, 1, 10), req(1, 2, 10)]], estimate);
    expect(seeds(workers[0])).toEqual([]);
  });

  it('a job whose run the worker is computing already as a prefetch waits for that result: a held key does not compute each step twice', async () => {
    const { runner, workers, cost } = setup(0);
    ran = 0;
    cost.observeWorker('tiny', 10, 10);
    runner.prefetch([[req(1, 2, 10)]], 1000);
    expect(seeds(workers[0])).toEqual([2]);
    let heard = 0;
    const job = runner.run([req(1, 3, 10), req(1, 2, 10)], { onResult: () => heard++ });
    // Only the run not in the worker yet is sent.
    expect(seeds(workers[0])).toEqual([2, 3]);
    workers[0].answer();
    expect(heard).toBeGreaterThan(0);
    workers[0].answer();
    // Nothing was sent twice.
    expect(workers[0].inbox).toEqual([]);
    const out = await job.promise;
    expect([out.where, out.computed, ...products(out.results)]).toEqual(['worker', 2, 3, 2]);
    expect(ran).toBe(2);
  });

  it('a job following a prefetch hears how it failed: the error rejects the job, a lost worker has the run made here', async () => {
    const { runner, workers, cost } = setup(0);
    cost.observeWorker('broken', 1, 1);
    runner.prefetch([[run(broken, { n: 1 }, 1, 1)]], 1000);
    const failing = runner.run([run(broken, { n: 1 }, 1, 1)]);
    expect(workers[0].inbox).toHaveLength(1);
    workers[0].answer();
    await expect(failing.promise).rejects.toThrow(/"broken" is not in the registry/);

    cost.observeWorker('tiny', 10, 10);
    runner.prefetch([[req(2, 5, 10)]], 1000);
    const job = runner.run([req(2, 5, 10)]);
    expect(seeds(workers[0])).toEqual([5]);
    workers[0].fail();
    const out = await job.promise;
    expect([out.where, ...products(out.results)]).toEqual(['main thread', 10]);
  });

  it('the latest prefetch goes first, taking along a run an earlier one had queued: the reader has moved on from there', () => {
    const { runner, workers, cost } = setup(0);
    cost.observeWorker('tiny', 10, 10);
    runner.prefetch([[req(1, 1, 10), req(1, 2, 10), req(1, 3, 10)]], 1000);
    expect(seeds(workers[0])).toEqual([1]);
    // Run 1 is in the worker already: it stays; run 3 moves up with run 4, in the new prefetch's order.
    runner.prefetch([[req(1, 4, 10), req(1, 3, 10), req(1, 1, 10)]], 1000);
    const order: number[] = [];
    for (let i = 0; i < 4; i++) {
      order.push(...seeds(workers[0]));
      workers[0].answer();
    }
    expect(order).toEqual([1, 4, 3, 2]);
    expect(workers[0].inbox).toEqual([]);
  });

  it('a prefetch over the bound by the first guess waits for the worker\'s first timing, then goes ahead of the warm-ups not yet sent, even the one next in line', () => {
    const { runner, workers } = setup(0);
    runner.warm([req(1, 1, 10), req(1, 3, 20), req(1, 4, 30)]);
    // 20 units: 20 ms by the first guess, over a bound of 10.
    runner.prefetch([[req(1, 2, 10), req(1, 5, 10)]], 10);
    expect(seeds(workers[0])).toEqual([1]);
    // The warm-up times the scenario (3 ms for 10 units, counted at a
    // third): the prefetch is within the bound now, and queued as the
    // warm-up ends, before the worker is given its next run: its runs in
    // order, then the warm-ups not yet sent.
    const order: number[] = [];
    for (let i = 0; i < 5; i++) {
      order.push(...seeds(workers[0]));
      workers[0].answer();
    }
    expect(order).toEqual([1, 2, 5, 3, 4]);
    expect(runner.cached([req(1, 2, 10), req(1, 5, 10)])?.length).toBe(2);
  });

  it('a prefetch\'s plans go to the worker in the order given, the likeliest first, all before the background runs asked earlier', () => {
    const { runner, workers, cost } = setup(0);
    cost.observeWorker('tiny', 10, 10);
    runner.warm([req(1, 9, 10)]);
    expect(seeds(workers[0])).toEqual([9]);
    runner.prefetch([[req(1, 8, 10)]], 1000);
    // One step either side, then two: each plan a run here.
    runner.prefetch([[req(1, 1, 10)], [req(1, 2, 10)], [req(1, 3, 10)], [req(1, 4, 10)]], 1000);
    const order: number[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(...seeds(workers[0]));
      workers[0].answer();
    }
    expect(order).toEqual([9, 1, 2, 3, 4, 8]);
  });

  it('a prefetch plan over the bound waits, and is queued once a later timing brings its estimate within it; a plan within it goes at once', () => {
    const { runner, workers, cost } = setup(0);
    // A first, cold timing: 10 units in 30 ms, counted at a third (1 ms a unit).
    cost.observeWorker('tiny', 10, 30);
    // A preview of 10 units fits 15 ms; its whole plan of 20 does not yet.
    runner.prefetch([[req(1, 1, 10)], [req(2, 1, 20)]], 15);
    expect(seeds(workers[0])).toEqual([1]);
    expect(workers[0].inbox[0].run.params).toEqual({ n: 1 });
    // The worker's next timing is faster: 10 units in 3 ms (the estimate falls to 0.65 ms a unit, 13 ms for 20).
    workers[0].msPerRun = 3;
    workers[0].answer();
    expect(workers[0].inbox.map((m) => m.run.params)).toEqual([{ n: 2 }]);
    workers[0].answer();
    expect(runner.cached([req(2, 1, 20)])).toBeDefined();
  });

  it('a warm-up not yet sent is dropped when a job needs its run: the run is computed once', async () => {
    const { runner, workers } = setup(0);
    ran = 0;
    runner.warm([req(1, 1, 10), req(1, 2, 20), req(1, 3, 30)]);
    const job = runner.run([req(1, 3, 30)]);
    expect(seeds(workers[0])).toEqual([1, 3]);
    workers[0].answer();
    workers[0].answer();
    expect(products((await job.promise).results)).toEqual([3]);
    expect(seeds(workers[0])).toEqual([2]);
    workers[0].answerAll();
    expect(ran).toBe(3);
  });

  it('after the worker has timed a warm-up small enough, the main thread runs it four times in idle time, one a task when the page cannot say how long it stays idle; a larger one never', () => {
    const { runner, workers, idle } = setup(0);
    ran = 0;
    runner.warm([req(1, 1, 5)]);
    // 5 units in 3 ms in the worker, a first run: 0.2 ms a unit, 4.5 ms estimated for a first run here.
    workers[0].msPerRun = 3;
    workers[0].answer();
    expect([ran, idle.length]).toEqual([1, 1]);
    for (let i = 2; i <= 4; i++) {
      idle.shift()!();
      expect([ran, idle.length]).toEqual([i, 1]);
    }
    idle.shift()!();
    expect([ran, idle.length]).toEqual([5, 0]);

    const big = defineScenario({ ...tiny, name: 'big' });
    const other = setup(0);
    const bigRegistry = (name: string) => (name === big.name ? big : undefined);
    other.runner.warm([run(big, { n: 1 }, 1, 5)]);
    // 100 ms for a first run of 5 units: 50 ms estimated here, far over what a warm-up may take.
    const m = other.workers[0].inbox.shift()!;
    other.workers[0].onmessage?.({ data: { type: 'done', task: m.task, result: executeWireRun(bigRegistry, m.run, () => {}), elapsedMs: 100 } } as MessageEvent<FromWorker>);
    ran = 0;
    other.flushLater();
    other.idle.splice(0).forEach((fn) => fn());
    expect(ran).toBe(0);
  });

  it('a job\'s run timed in the worker also starts the warm-up here, once per scenario', async () => {
    const { runner, workers, idle } = setup(0);
    const job = runner.run([req(1, 1, 5), req(1, 2, 5)]);
    workers[0].msPerRun = 3;
    workers[0].answerAll();
    await job.promise;
    expect(idle).toHaveLength(1);
    ran = 0;
    while (idle.length > 0) idle.shift()!();
    expect(ran).toBe(4);
  });

  it('the warm-up here makes the smallest run seen of the scenario, a preview\'s when the whole run is too large to warm with', async () => {
    const { runner, workers, idle } = setup(0);
    const job = runner.run([req(1, 1, 1000)], { stages: [[req(1, 2, 5)]] });
    // The preview, 5 units in 30 ms, a first run: 2 ms a unit; the whole run, 1,000 units in 30 ms: 0.03.
    // Here, at about 1 ms a unit (x1.5, x3 as never run here): 23 ms for the preview, over 30 for the whole.
    workers[0].msPerRun = 30;
    workers[0].answerAll();
    await job.promise;
    ran = 0;
    while (idle.length > 0) idle.shift()!();
    expect(ran).toBe(4);
  });

  it('a preview that is a run of its own goes to the worker first, and the job\'s onResult hears of it; one already in the worker as a warm-up is not sent again', async () => {
    const { runner, workers } = setup(0);
    let heard = 0;
    const job = runner.run([req(1, 1, 10)], { stages: [[req(1, 2, 5)]], onResult: () => heard++ });
    expect(seeds(workers[0])).toEqual([2, 1]);
    workers[0].answer();
    expect([heard, runner.cached([req(1, 2, 5)]) !== undefined]).toEqual([1, true]);
    workers[0].answer();
    // The job's results are its own runs only.
    expect(products((await job.promise).results)).toEqual([1]);

    runner.warm([req(3, 2, 5)]);
    expect(seeds(workers[0])).toEqual([2]);
    const next = runner.run([req(3, 1, 10)], { stages: [[req(3, 2, 5)]], onResult: () => heard++ });
    // The preview is being computed as a warm-up: only the job's own run is sent.
    expect(seeds(workers[0])).toEqual([2, 1]);
    workers[0].answer();
    expect(heard).toBe(2);
    workers[0].answer();
    expect(products((await next.promise).results)).toEqual([3]);
  });

  it('a scenario with warm-up runs makes six here once the worker has timed it, in idle time and none while the worker works; then its first real run here is not counted as a cold one', async () => {
    const { runner, workers, idle } = setup(0);
    warmableSeen.length = 0;
    runner.warm([run(warmable, { n: 2 }, 1, 5)]);
    // While the worker runs it cold, nothing here: on two cores a warm-up here would slow it.
    expect(idle).toHaveLength(0);
    // The worker's run: 5 units in 30 ms, a first run, so 2 ms a unit. Here, compiled:
    // 5 x 2 x 1.5 = 15 ms, within a warm-up's 30 (cold, x3 more, it would be 45: no warm-up here).
    workers[0].msPerRun = 30;
    workers[0].answer();
    expect(warmableSeen).toEqual([2]);
    for (let i = 1; i <= 3; i++) {
      expect(idle).toHaveLength(1);
      idle.shift()!();
      expect(warmableSeen.slice(1)).toEqual(Array(i).fill(0));
    }
    // A job in the worker: the warm-up waits for it.
    const job = runner.run([run(warmable, { n: 4 }, 1, 5)]);
    idle.shift()!();
    expect([idle.length, warmableSeen.length]).toEqual([0, 4]);
    workers[0].msPerRun = 10;
    workers[0].answer();
    await job.promise;
    while (idle.length > 0) idle.shift()!();
    expect(warmableSeen.slice(4)).toEqual([4, 0, 0, 0, 2, 2, 2, 2]);
  });

  it('warm-ups here fill an idle period while it has room for another like the last, and none starts while input is waiting', () => {
    const { runner, workers, idle, clock } = setup(0);
    warmableSeen.length = 0;
    runner.warm([run(warmable, { n: 2 }, 1, 5)]);
    workers[0].msPerRun = 30;
    workers[0].answer();
    expect(idle).toHaveLength(1);
    // 2 ms a warm-up run (the clock moves 2 ms a read): another fits while more than 4 ms are left.
    clock.tick = 2;
    let left = 17;
    idle.shift()!(() => (left -= 3));
    // 14 ms at the start; 11, 8, 5 and 2 left after each run: four runs in this period, the rest in the next.
    expect([warmableSeen.slice(1), idle.length]).toEqual([[0, 0, 0, 0], 1]);
    // Input waiting (no time left): no run, the next period.
    idle.shift()!(() => 0);
    expect([warmableSeen.slice(5), idle.length]).toEqual([[], 1]);
    // A period with room for one: one run.
    let asked = 0;
    idle.shift()!(() => (asked++ === 0 ? 4 : 0));
    expect([warmableSeen.slice(5), idle.length]).toEqual([[0], 1]);
    // A long period: the last warm-up run and the four runs of the smallest run seen, at once.
    idle.shift()!(() => 100);
    expect([warmableSeen.slice(6), idle.length]).toEqual([[0, 2, 2, 2, 2], 0]);
  });

  it('warm times every scenario early: the smallest run of each goes to the worker first, then the rest by size', () => {
    const { runner, workers } = setup(0);
    runner.warm([req(1, 1, 10), req(1, 2, 20), run(warmable, { n: 1 }, 3, 30), req(1, 4, 5)]);
    const sent: number[] = [];
    while (workers[0].inbox.length > 0) {
      sent.push(...seeds(workers[0]));
      workers[0].answer();
    }
    expect(sent).toEqual([4, 3, 1, 2]);
  });

  it('runNow answers at once from the cache or by running cheap runs here, and runs nothing over its budget', () => {
    const { runner, workers } = setup(100);
    ran = 0;
    expect(runner.runNow([req(2, 3, 5), req(2, 4, 50)], 10)).toBeUndefined();
    expect(ran).toBe(0);
    const cheap = runner.runNow([req(2, 3, 5), req(2, 3, 5)], 10)!;
    expect([cheap.where, cheap.computed, cheap.reused, ...products(cheap.results), ran]).toEqual(['main thread', 1, 1, 6, 6, 1]);
    const cached = runner.runNow([req(2, 3, 500)], 0)!;
    expect([cached.where, cached.computed, ...products(cached.results), ran]).toEqual(['cache', 0, 6, 1]);
    expect(workers).toHaveLength(0);
  });

  it('runNow stops after a run that took longer than foreseen; what it computed is cached', () => {
    const { runner, clock } = setup(100, 0.001);
    ran = 0;
    // Estimated at 3 ms, but each read of the clock moves it 8 ms: the first run "takes" 8 ms.
    clock.tick = 8;
    expect(runner.runNow([req(1, 1, 1000), req(1, 2, 1000), req(1, 3, 1000)], 10)).toBeUndefined();
    expect(ran).toBe(1);
    expect(runner.cached([req(1, 1, 1000)])).toBeDefined();
  });

  it('runNow with a limit above its budget finishes runs that took longer than foreseen, up to the limit', () => {
    const { runner, clock } = setup(100, 0.001);
    // Estimated at 1 ms each, 3 in all, within a budget of 10; each "takes" 6 ms (two clock reads 3 ms apart), a first run counted as 2.
    clock.tick = 3;
    ran = 0;
    const done = runner.runNow([req(1, 1, 1000), req(1, 2, 1000), req(1, 3, 1000)], 10, 30)!;
    expect([done.where, done.computed, ran]).toEqual(['main thread', 3, 3]);
    // The same without the limit stops after the first run, as above.
    ran = 0;
    expect(runner.runNow([req(2, 1, 1000), req(2, 2, 1000), req(2, 3, 1000)], 10)).toBeUndefined();
    expect(ran).toBe(1);
  });

  it('runs timed in the worker teach the cost model, times 1.5 (the worker is warm, the main thread may not be)', async () => {
    const { runner, workers } = setup(10, 1);
    const job = runner.run([req(1, 1, 50)]);
    workers[0].msPerRun = 3;
    workers[0].answer();
    await job.promise;
    // 50 units took 3 ms in the worker, a first run, counted as 1 ms: 1.5 ms expected here, times 3 for a first run here: 4.5 ms, within budget, so it now runs at once.
    ran = 0;
    expect(runner.runNow([req(1, 2, 50)], 4.4)).toBeUndefined();
    const now = runner.runNow([req(1, 2, 50)], 10)!;
    expect([now.where, ran]).toEqual(['main thread', 1]);
    // That run took 1 ms here (one tick of the test clock), a first run here too: the estimate is now a third of a ms.
    expect(runner.runNow([req(1, 3, 50)], 0.3)).toBeUndefined();
    expect(runner.runNow([req(1, 3, 50)], 0.34)).toBeDefined();
  });

  it('when the worker itself fails, its runs are computed on the main thread and later jobs run there too', async () => {
    const { runner, workers } = setup(0);
    const job = runner.run([req(3, 3, 50), req(3, 4, 50), req(3, 5, 50)]);
    workers[0].answer();
    workers[0].fail();
    const out = await job.promise;
    expect([out.where, ...products(out.results)]).toEqual(['main thread', 9, 12, 15]);
    expect(workers[0].terminated).toBe(true);
    const later = await runner.run([req(3, 6, 50)]).promise;
    expect(later.where).toBe('main thread');
    expect(workers).toHaveLength(1);
  });

  it('a scenario error rejects the job, here or in the worker', async () => {
    await expect(setup(100).runner.run([run(broken, { n: 1 }, 1, 1)]).promise).rejects.toThrow(/broken scenario/);
    const { runner, workers } = setup(0);
    const job = runner.run([run(broken, { n: 1 }, 1, 1)]);
    workers[0].answer();
    await expect(job.promise).rejects.toThrow(/"broken" is not in the registry/);
  });

  it('the worker finds scenarios by name, and says so when one is not in the registry', () => {
    const progress: number[] = [];
    expect(executeWireRun(registry, { scenario: 'tiny', params: { n: 2 }, seed: 3 }, (f) => progress.push(f)).summary.product).toBe(6);
    expect(progress).toEqual([0.5]);
    expect(() => executeWireRun(registry, { scenario: 'nope', params: {}, seed: 1 }, () => {})).toThrow(/"nope" is not in the registry/);
  });
});

describe('CostModel', () => {
  it('starts from its guess and learns from timed main-thread runs, a first run counted at a third, ignoring runs too short to time', () => {
    const c = new CostModel(0.01);
    expect(c.estimateMs('s', 1000)).toBe(10);
    expect(c.knows('s')).toBe(false);
    c.observe('s', 1000, 0.2);
    expect([c.estimateMs('s', 1000), c.knows('s')]).toEqual([10, false]);
    c.observe('s', 1000, 12);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(4);
    expect(c.knows('s')).toBe(true);
    c.observe('s', 1000, 14);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(0.5 * 4 + 0.5 * 14);
    expect(c.estimateMs('other', 1000)).toBe(10);
  });

  it('a slow main-thread estimate is brought back down by the worker\'s timings, times 1.5; never run here, times 3 more (a cold first run)', () => {
    const c = new CostModel(0.01);
    c.observe('s', 1000, 120);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(40);
    c.observeWorker('s', 1000, 9);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(4.5);
    expect(c.estimateMs('t', 1000)).toBe(10);
    c.observeWorker('t', 1000, 60);
    expect(c.estimateMs('t', 1000)).toBeCloseTo(90);
    c.observe('t', 1000, 90);
    expect(c.estimateMs('t', 1000)).toBeCloseTo(30);
  });

  it('estimates the worker\'s time from the worker\'s timings, or from this thread\'s when it has none', () => {
    const c = new CostModel(0.01);
    expect(c.estimateWorkerMs('s', 1000)).toBe(10);
    c.observe('s', 1000, 12);
    expect(c.estimateWorkerMs('s', 1000)).toBeCloseTo(4);
    c.observeWorker('s', 1000, 9);
    // Its first run counted at a third, as any thread's; no allowance for the main thread's colder code.
    expect(c.estimateWorkerMs('s', 1000)).toBeCloseTo(3);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(4);
  });
});

describe('ResultCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    const c = new ResultCache(2);
    const r = (n: number) => ({ summary: { n } });
    c.set('a', r(1));
    c.set('b', r(2));
    c.get('a');
    c.set('c', r(3));
    expect([c.get('a'), c.get('b'), c.get('c')].map((x) => x?.summary.n)).toEqual([1, undefined, 3]);
    expect(c.size).toBe(2);
  });
});
