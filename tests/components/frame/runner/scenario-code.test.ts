import { describe, expect, it } from 'vitest';
import { intParam } from '../../../../src/params/params.ts';
import { defineScenario, type Scenario, type ScenarioResult, type ScenarioSpec } from '../../../../simulations/scenario.ts';
import { scenarioNames, scenarios } from '../../../../simulations/scenarios/index.ts';
import { CostModel } from '../../../../src/components/frame/runner/cost-model.ts';
import { JobCancelled, JobRunner, type WorkerLike } from '../../../../src/components/frame/runner/job-runner.ts';
import { ResultCache } from '../../../../src/components/frame/runner/result-cache.ts';
import { executeRun, run, type Run } from '../../../../src/components/frame/runner/run.ts';
import { LazyScenarioCode, scenarioCode } from '../../../../src/components/frame/runner/scenario-code.ts';
import type { FromWorker, ToWorker } from '../../../../src/components/frame/runner/worker-protocol.ts';

/** A tiny scenario, and its spec alone, as a page's plan has it. */
let ran = 0;
const tinySpec: ScenarioSpec<{ n: ReturnType<typeof intParam> }, ScenarioResult> = {
  name: 'tiny',
  title: 'Tiny',
  description: 'n times seed',
  params: { n: intParam({ label: 'n', default: 1, min: 0, max: 100 }) },
  summaryDoc: { product: 'n * seed' },
};
const tiny = defineScenario({
  ...tinySpec,
  run(p, seed) {
    ran++;
    return { summary: { product: p.n * seed } };
  },
});
const req = (n: number, seed: number, cost = 1): Run => run(tinySpec, { n }, seed, cost);

/** Loaders that answer only when the test says so, counting their calls. */
function heldLoaders() {
  const calls: string[] = [];
  const pending: { name: string; resolve: (s: Scenario) => void; reject: (e: Error) => void }[] = [];
  const loader = (name: string) => () => {
    calls.push(name);
    return new Promise<Scenario>((resolve, reject) => pending.push({ name, resolve, reject }));
  };
  return { calls, pending, loaders: { tiny: loader('tiny'), other: loader('other') } };
}

/** Lets promise callbacks run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('LazyScenarioCode', () => {
  it('has nothing before a load, loads each scenario once however often asked, and then has it at once', async () => {
    const { calls, pending, loaders } = heldLoaders();
    const code = new LazyScenarioCode(loaders);
    expect(code.loaded('tiny')).toBeUndefined();
    const a = code.load('tiny');
    const b = code.load('tiny');
    expect(calls).toEqual(['tiny']);
    expect(code.loaded('tiny')).toBeUndefined();
    pending[0].resolve(tiny);
    expect(await a).toBe(tiny);
    expect(await b).toBe(tiny);
    expect(code.loaded('tiny')).toBe(tiny);
    await code.load('tiny');
    expect(calls).toEqual(['tiny']);
  });

  it('tries a failed load again on the next request, and refuses a name that is no scenario or a loader that gives another', async () => {
    const { calls, pending, loaders } = heldLoaders();
    const code = new LazyScenarioCode(loaders);
    const first = code.load('tiny');
    pending[0].reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    const second = code.load('tiny');
    expect(calls).toEqual(['tiny', 'tiny']);
    pending[1].resolve(tiny);
    expect(await second).toBe(tiny);
    await expect(code.load('nope')).rejects.toThrow(/no scenario is called "nope"/);
    const wrong = code.load('other');
    pending[2].resolve(tiny);
    await expect(wrong).rejects.toThrow(/the loader of scenario "other" gave "tiny"/);
    expect(code.loaded('other')).toBeUndefined();
  });

  it("the page's loaders give every registered scenario, the very object of the registry (here, where the server render has loaded them all)", async () => {
    expect(scenarioNames.length).toBeGreaterThanOrEqual(18);
    for (const name of scenarioNames) {
      expect(scenarioCode.loaded(name), name).toBe(scenarios[name]);
      expect(await scenarioCode.load(name)).toBe(scenarios[name]);
    }
  });
});

describe('a run needs its code loaded here', () => {
  it('executeRun runs the code a run carries, or the code found by name, and says which scenario is missing', () => {
    expect(executeRun(run(tiny, { n: 2 }, 3, 1), () => undefined).summary.product).toBe(6);
    expect(executeRun(req(2, 4), (name) => (name === 'tiny' ? tiny : undefined)).summary.product).toBe(8);
    expect(() => executeRun(req(2, 4), () => undefined)).toThrow(/scenario "tiny" is not in the registry.*or its run code is not loaded here/);
  });
});

/** A worker that records what it is sent and answers when told to. */
class FakeWorker implements WorkerLike {
  private listener: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  inbox: ToWorker[] = [];
  get onmessage() {
    return this.listener;
  }
  set onmessage(fn) {
    this.listener = fn;
    fn?.(new MessageEvent<FromWorker>('message', { data: { type: 'ready' } }));
  }
  postMessage(m: ToWorker) {
    this.inbox.push(m);
  }
  terminate() {}
  answerAll() {
    for (const m of this.inbox.splice(0)) {
      // The same product as tiny's, without counting a run on this thread.
      const result = { summary: { product: Number(m.run.params.n) * m.run.seed } };
      this.listener?.(new MessageEvent<FromWorker>('message', { data: { type: 'done', task: m.task, result, elapsedMs: 2 } }));
    }
  }
}

function setup(budgetMs: number, withWorker: boolean) {
  const held = heldLoaders();
  const code = new LazyScenarioCode(held.loaders);
  const workers: FakeWorker[] = [];
  const later: (() => void)[] = [];
  const cost = new CostModel(1);
  const runner = new JobRunner({
    createWorker: () => {
      if (!withWorker) return undefined;
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    cache: new ResultCache(100),
    cost,
    mainThreadBudgetMs: budgetMs,
    now: () => 0,
    later: (fn) => later.push(fn),
    // Warm-ups (JobRunner.warm) are not what these tests are about: never run.
    idle: () => {},
    code,
  });
  const flushLater = () => {
    while (later.length > 0) later.shift()!();
  };
  return { runner, code, workers, cost, flushLater, ...held };
}

describe('JobRunner, with scenario code not yet loaded', () => {
  it('runNow answers undefined and starts the load; once it is loaded, runNow runs', async () => {
    const { runner, calls, pending } = setup(100, true);
    ran = 0;
    expect(runner.runNow([req(2, 3)], 100)).toBeUndefined();
    expect(runner.runNow([req(2, 3)], 100)).toBeUndefined();
    expect([calls, ran]).toEqual([['tiny'], 0]);
    pending[0].resolve(tiny);
    await settle();
    const now = runner.runNow([req(2, 3)], 100);
    expect(now?.results.map((r) => r.summary.product)).toEqual([6]);
    expect([now?.where, ran]).toEqual(['main thread', 1]);
  });

  it('whenLoaded resolves once the runs\' code is here (at once when it is), so a caller may try runNow again', async () => {
    const { runner, calls, pending } = setup(100, true);
    ran = 0;
    let loaded = false;
    void runner.whenLoaded([req(2, 3)]).then(() => (loaded = true));
    await settle();
    expect([loaded, calls, ran]).toEqual([false, ['tiny'], 0]);
    pending[0].resolve(tiny);
    await settle();
    expect(loaded).toBe(true);
    expect(runner.runNow([req(2, 3)], 100)?.results.map((r) => r.summary.product)).toEqual([6]);
    let again = false;
    void runner.whenLoaded([req(2, 3)]).then(() => (again = true));
    await settle();
    expect([again, calls]).toEqual([true, ['tiny']]);
  });

  it('a small job waits for the load, then runs on the main thread, without starting the worker', async () => {
    const { runner, workers, pending } = setup(100, true);
    ran = 0;
    const job = runner.run([req(2, 3), req(3, 3)]);
    await settle();
    expect(ran).toBe(0);
    pending[0].resolve(tiny);
    const out = await job.promise;
    expect(out.results.map((r) => r.summary.product)).toEqual([6, 9]);
    expect([out.where, out.computed, ran, workers.length]).toEqual(['main thread', 2, 2, 0]);
  });

  it('a job cancelled while its code loads runs nothing and rejects as cancelled', async () => {
    const { runner, pending } = setup(100, false);
    ran = 0;
    const job = runner.run([req(2, 3)]);
    job.cancel();
    pending[0].resolve(tiny);
    await expect(job.promise).rejects.toBeInstanceOf(JobCancelled);
    expect(ran).toBe(0);
  });

  it('with no worker, a large job also waits for the load and runs here', async () => {
    const { runner, pending } = setup(0, false);
    const job = runner.run([req(1, 1, 50), req(1, 2, 50)]);
    pending[0].resolve(tiny);
    expect((await job.promise).results.map((r) => r.summary.product)).toEqual([1, 2]);
  });

  it('a large job goes to the worker, and the main thread takes back none of its runs while the code is not loaded here, then does', async () => {
    const { runner, code, workers, cost, flushLater, calls, pending } = setup(10, true);
    ran = 0;
    // The worker has timed the scenario (0.4 ms a unit, as the fake worker keeps answering): each run fits this thread's budget, the four do not.
    cost.observeWorker('tiny', 10, 6);
    cost.observeWorker('tiny', 10, 6);
    expect(cost.knows('tiny')).toBe(true);
    expect(cost.estimateMs('tiny', 5)).toBeLessThanOrEqual(10);
    const job = runner.run([req(1, 1, 5), req(1, 2, 5), req(1, 3, 5), req(1, 4, 5)]);
    expect(workers).toHaveLength(1);
    flushLater();
    expect([ran, calls]).toEqual([0, []]);
    workers[0].answerAll();
    workers[0].answerAll();
    const out = await job.promise;
    expect(out.results.map((r) => r.summary.product)).toEqual([1, 2, 3, 4]);
    expect([out.where, out.here ?? 0]).toEqual(['worker', 0]);

    const loaded = code.load('tiny');
    pending[0].resolve(tiny);
    await loaded;
    const next = runner.run([req(2, 1, 5), req(2, 2, 5), req(2, 3, 5), req(2, 4, 5)]);
    flushLater();
    expect(ran).toBeGreaterThan(0);
    workers[0].answerAll();
    workers[0].answerAll();
    expect((await next.promise).here).toBe(ran);
  });
});
