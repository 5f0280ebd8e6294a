import { useEffect, useRef, useState } from 'react';
import { CostModel } from './cost-model.ts';
import { JobCancelled, JobRunner, type JobOutcome } from './job-runner.ts';
import { ResultCache } from './result-cache.ts';
import { flattenRuns, shapeResults, type ResultsOf } from './run.ts';
import { createSimulationWorker } from './worker-factory.ts';
import { hashString } from './hash.ts';

/** What a widget wants computed: the runs, plus whatever its reducer needs to make sense of them. */
export interface SimulationPlan<T, M> {
  /** Built with `run()`: one run, or lists and records of runs, nested as needed. */
  readonly runs: T;
  readonly meta: M;
}

export type Reduce<T, M, V> = (results: ResultsOf<T>, meta: M) => V;

/** A plotted result and the plan it belongs to. */
export interface Shown<V> {
  readonly key: string;
  readonly view: V;
}

export type RunState = 'idle' | 'running' | 'done' | 'error';

export interface SimulationStatus<V> {
  readonly shown: Shown<V>;
  readonly state: RunState;
  /** For the run-status line, e.g. "Running… 40%" or "Done: 5 runs in 12 ms". */
  readonly text: string;
}

/** Identity of a plan: a hash of its runs and meta (everything its view depends on). */
export function planKey<T>(plan: SimulationPlan<T, unknown>): string {
  return hashString(JSON.stringify([flattenRuns(plan.runs).map((r) => [r.scenario.name, r.seed, r.params]), plan.meta]));
}

/** Shared by every widget on the page: one calibration of this device's speed, one cache. */
const cache = new ResultCache(400);
// 10 µs per unit: several times slower than these scenarios run even cold, so a first guess errs towards the worker.
const cost = new CostModel(0.01);

/** Runs estimated above this go to the worker; below it a run on the main thread is quicker than the round trip and does not make the page stutter. */
const MAIN_THREAD_BUDGET_MS = 50;
/** A slider drag produces a change per pixel; only where it comes to rest is worth computing. */
const DEBOUNCE_MS = 120;

/**
 * Keeps a widget's plot in step with its parameters. The first view is the
 * one computed when the page was built (`initial`); nothing runs until the
 * widget is `ready` (its URL read) and its plan differs from what is shown.
 * A newer plan cancels an older job; a job's result is shown only if its plan
 * is still the current one.
 */
export function useSimulation<T, M, V>(plan: SimulationPlan<T, M>, reduce: Reduce<T, M, V>, initial: Shown<V>, ready: boolean): SimulationStatus<V> {
  const key = planKey(plan);
  const [shown, setShown] = useState<Shown<V>>(initial);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<JobOutcome | undefined>(undefined);
  const [failure, setFailure] = useState<{ key: string; message: string } | undefined>(undefined);
  const runner = useRef<JobRunner | undefined>(undefined);

  useEffect(() => {
    return () => runner.current?.dispose();
  }, []);

  useEffect(() => {
    if (!ready || key === shown.key) return;
    if (key === initial.key) {
      // Back at the defaults (Reset, or a preset equal to them): the build-time result is at hand.
      setShown(initial);
      setOutcome(undefined);
      return;
    }
    let stale = false;
    let cancel = () => {};
    setProgress(undefined);
    const timer = setTimeout(() => {
      runner.current ??= new JobRunner({
        createWorker: createSimulationWorker,
        cache,
        cost,
        mainThreadBudgetMs: MAIN_THREAD_BUDGET_MS,
        now: () => performance.now(),
      });
      const job = runner.current.run(flattenRuns(plan.runs), (f) => {
        if (!stale) setProgress(f);
      });
      cancel = job.cancel;
      job.promise.then(
        (o) => {
          if (stale) return;
          setShown({ key, view: reduce(shapeResults(plan.runs, o.results), plan.meta) });
          setOutcome(o);
        },
        (err: unknown) => {
          if (stale || err instanceof JobCancelled) return;
          setFailure({ key, message: err instanceof Error ? err.message : String(err) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
      cancel();
    };
    // The plan is fully described by its key, and reduce is a module-level
    // function: re-running on its identity would only repeat work.
  }, [ready, key]);

  let state: RunState;
  let text: string;
  if (!ready) {
    state = 'idle';
    text = 'Showing the default run, computed when this page was built.';
  } else if (key === shown.key) {
    state = 'done';
    text = outcome ? describeOutcome(outcome) : 'Done: the default run, computed when this page was built.';
  } else if (failure?.key === key) {
    state = 'error';
    text = `Error: the simulation failed (${failure.message}).`;
  } else {
    state = 'running';
    text = progress === undefined ? 'Running…' : `Running… ${Math.floor(progress * 100)}%`;
  }
  return { shown, state, text };
}

function describeOutcome(o: JobOutcome): string {
  if (o.computed === 0) return `Done: ${plural(o.reused, 'run')} already computed.`;
  const reused = o.reused > 0 ? `, ${o.reused} reused` : '';
  const where = o.where === 'worker' ? ' in a worker' : '';
  return `Done: ${plural(o.computed, 'run')} in ${Math.max(1, Math.round(o.elapsedMs))} ms${where}${reused}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
