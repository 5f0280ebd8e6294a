import { describe, expect, it } from 'vitest';
import { intParam } from '../../../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../../../../simulations/scenario.ts';
import { CostModel } from '../../../../src/components/frame/runner/cost-model.ts';
import { JobCancelled, JobRunner, type WorkerLike } from '../../../../src/components/frame/runner/job-runner.ts';
import { ResultCache } from '../../../../src/components/frame/runner/result-cache.ts';
import { executeWireRuns, run, type Run } from '../../../../src/components/frame/runner/run.ts';
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
const registry = (name: string) => (name === tiny.name ? tiny : undefined);
const req = (n: number, seed: number, cost = 1): Run => run(tiny, { n }, seed, cost);

/** A worker that runs jobs in the same thread when told to, so tests control timing. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
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
  answer() {
    const m = this.inbox.shift()!;
    const send = (d: FromWorker) => this.onmessage?.({ data: d } as MessageEvent<FromWorker>);
    const elapsedMs: number[] = [];
    const results = executeWireRuns(registry, m.runs, (f) => send({ type: 'progress', job: m.job, fraction: f }), elapsedMs);
    send({ type: 'done', job: m.job, results, elapsedMs: elapsedMs.map(() => this.msPerRun) });
  }
  fail() {
    this.onerror?.({ preventDefault() {} } as ErrorEvent);
  }
}

function setup(budgetMs: number, msPerUnit = 1) {
  const workers: FakeWorker[] = [];
  let clock = 0;
  const runner = new JobRunner({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    cache: new ResultCache(100),
    cost: new CostModel(msPerUnit),
    mainThreadBudgetMs: budgetMs,
    now: () => (clock += 1),
  });
  return { runner, workers };
}

const products = (rs: ScenarioResult[]) => rs.map((r) => r.summary.product);

describe('JobRunner', () => {
  it('runs small jobs on the main thread, in request order, and answers a repeat from the cache', async () => {
    const { runner, workers } = setup(100);
    ran = 0;
    const first = await runner.run([req(2, 3), req(4, 5), req(2, 3)], () => {}).promise;
    expect(products(first.results)).toEqual([6, 20, 6]);
    expect([first.where, first.computed, first.reused, ran]).toEqual(['main thread', 2, 1, 2]);
    const again = await runner.run([req(4, 5), req(2, 3)], () => {}).promise;
    expect([again.where, again.computed, ran]).toEqual(['cache', 0, 2]);
    expect(products(again.results)).toEqual([20, 6]);
    expect(workers).toHaveLength(0);
  });

  it('sends jobs estimated above the budget to a worker, with progress, and only the runs not cached', async () => {
    const { runner, workers } = setup(10);
    await runner.run([req(1, 1, 5)], () => {}).promise;
    const progress: number[] = [];
    const job = runner.run([req(1, 1, 5), req(1, 2, 20), req(1, 3, 20)], (f) => progress.push(f));
    expect(workers).toHaveLength(1);
    expect(workers[0].inbox[0].runs.map((r) => r.seed)).toEqual([2, 3]);
    workers[0].answer();
    const out = await job.promise;
    expect(products(out.results)).toEqual([1, 2, 3]);
    expect([out.where, out.computed, out.reused]).toEqual(['worker', 2, 1]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
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

  it('runs timed in the worker teach the cost model, doubled (the worker is warm, the main thread may not be)', async () => {
    const { runner, workers } = setup(10, 1);
    const job = runner.run([req(1, 1, 50)], () => {});
    workers[0].msPerRun = 3;
    workers[0].answer();
    await job.promise;
    // 50 units took 3 ms in the worker: 6 ms expected here, within a 10 ms budget, so it now runs at once.
    ran = 0;
    const now = runner.runNow([req(1, 2, 50)], 10)!;
    expect([now.where, ran]).toEqual(['main thread', 1]);
    expect(runner.runNow([req(1, 3, 50)], 5)).toBeUndefined();
  });

  it('cancelling a worker job terminates the worker and rejects with JobCancelled; the next job gets a fresh worker', async () => {
    const { runner, workers } = setup(0);
    const job = runner.run([req(1, 7, 50)], () => {});
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(JobCancelled);
    expect(workers[0].terminated).toBe(true);
    const next = runner.run([req(1, 8, 50)], () => {});
    expect(workers).toHaveLength(2);
    workers[1].answer();
    expect(products((await next.promise).results)).toEqual([8]);
  });

  it('a stale answer from a cancelled job is ignored', async () => {
    const { runner, workers } = setup(0);
    const job = runner.run([req(1, 1, 50)], () => {});
    const w = workers[0];
    job.cancel();
    w.answer();
    await expect(job.promise).rejects.toBeInstanceOf(JobCancelled);
  });

  it('when the worker itself fails, the job runs on the main thread and later jobs do too', async () => {
    const { runner, workers } = setup(0);
    const job = runner.run([req(3, 3, 50)], () => {});
    workers[0].fail();
    const out = await job.promise;
    expect([out.where, ...products(out.results)]).toEqual(['main thread', 9]);
    const later = await runner.run([req(3, 4, 50)], () => {}).promise;
    expect(later.where).toBe('main thread');
    expect(workers).toHaveLength(1);
  });

  it('a scenario error rejects the job', async () => {
    const { runner } = setup(100);
    const broken = defineScenario({
      ...tiny,
      name: 'broken',
      run: () => {
        throw new Error('broken scenario');
      },
    });
    await expect(runner.run([run(broken, { n: 1 }, 1, 1)], () => {}).promise).rejects.toThrow(/broken scenario/);
  });

  it('the worker finds scenarios by name, and says so when one is not in the registry', () => {
    const progress: number[] = [];
    const wire = [
      { scenario: 'tiny', params: { n: 2 }, seed: 3 },
      { scenario: 'tiny', params: { n: 1 }, seed: 1 },
    ];
    expect(products(executeWireRuns(registry, wire, (f) => progress.push(f)))).toEqual([6, 1]);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    expect(() => executeWireRuns(registry, [{ scenario: 'nope', params: {}, seed: 1 }], () => {})).toThrow(/"nope" is not in the registry/);
  });
});

describe('CostModel', () => {
  it('starts from its guess and learns from timed main-thread runs, ignoring runs too short to time', () => {
    const c = new CostModel(0.01);
    expect(c.estimateMs('s', 1000)).toBe(10);
    c.observe('s', 1000, 1);
    expect(c.estimateMs('s', 1000)).toBe(10);
    c.observe('s', 1000, 4);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(4);
    c.observe('s', 1000, 14);
    expect(c.estimateMs('s', 1000)).toBeCloseTo(0.7 * 4 + 0.3 * 14);
    expect(c.estimateMs('other', 1000)).toBe(10);
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
