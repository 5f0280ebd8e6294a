import { useEffect, useLayoutEffect, useRef, useState } from 'react';
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

/**
 * Runs estimated within a frame (60 Hz) are computed at once, in the frame
 * the slider moved in (before the browser paints): quicker than a worker
 * round trip. Anything larger goes to the worker, so the main thread never
 * blocks long enough to make dragging stutter.
 */
const SAME_FRAME_BUDGET_MS = 16;
/**
 * A preview (the first seed of several) may take longer on the main thread:
 * it replaces a wait for the whole plan, and stays well under the 50 ms that
 * makes a long task.
 */
const PREVIEW_BUDGET_MS = 25;

/** The result on show: the plan it belongs to, and whether it is only a first part of it. */
export interface ShownResult<V> extends Shown<V> {
  /** Set while the view is a preview plan's (e.g. the first seed of several), not yet the whole plan's. */
  readonly partial?: { readonly runs: number; readonly of: number };
}

/**
 * Keeps a widget's plot in step with its parameters. The first view is the
 * one computed when the page was built (`initial`); nothing runs until the
 * widget is `ready` (its URL read) and its plan differs from what is shown,
 * so hydration at the defaults runs nothing.
 *
 * A new plan is answered at once, without a debounce: from the cache, or
 * run on the spot when it is cheap (in a layout effect: the new chart is in
 * the same frame as the moved slider). Otherwise it goes to the worker; if
 * the widget has a `preview` plan (a cheaper plan of the same shape whose
 * runs are among the full plan's, e.g. its first seed) that is cheap, its
 * result is shown meanwhile, labelled partial, and the full plan's worker
 * job reuses its runs. A newer plan cancels an older job; a job's result is
 * shown only if its plan is still the current one.
 */
export function useSimulation<T, M, V>(
  plan: SimulationPlan<T, M>,
  reduce: Reduce<T, M, V>,
  initial: Shown<V>,
  ready: boolean,
  preview?: SimulationPlan<T, M>,
): SimulationStatus<V> {
  const key = planKey(plan);
  const [shown, setShown] = useState<ShownResult<V>>(initial);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<JobOutcome | undefined>(undefined);
  const [failure, setFailure] = useState<{ key: string; message: string } | undefined>(undefined);
  const runner = useRef<JobRunner | undefined>(undefined);

  useEffect(() => {
    return () => runner.current?.dispose();
  }, []);

  useLayoutEffect(() => {
    if (!ready || (key === shown.key && !shown.partial)) return;
    if (key === initial.key) {
      // Back at the defaults (Reset, or a preset equal to them): the build-time result is at hand.
      setShown(initial);
      setOutcome(undefined);
      return;
    }
    runner.current ??= new JobRunner({
      createWorker: createSimulationWorker,
      cache,
      cost,
      mainThreadBudgetMs: SAME_FRAME_BUDGET_MS,
      now: () => performance.now(),
    });
    const jobs = runner.current;
    const fail = (err: unknown) => setFailure({ key, message: err instanceof Error ? err.message : String(err) });
    const runs = flattenRuns(plan.runs);
    try {
      const now = jobs.runNow(runs, SAME_FRAME_BUDGET_MS);
      if (now) {
        setShown({ key, view: reduce(shapeResults(plan.runs, now.results), plan.meta) });
        setOutcome(now);
        return;
      }
      const first = preview ? jobs.runNow(flattenRuns(preview.runs), PREVIEW_BUDGET_MS) : undefined;
      if (preview && first) {
        setShown({ key, view: reduce(shapeResults(preview.runs, first.results), preview.meta), partial: { runs: first.results.length, of: runs.length } });
      }
    } catch (err) {
      fail(err);
      return;
    }
    let stale = false;
    setProgress(undefined);
    const job = jobs.run(runs, (f) => {
      if (!stale) setProgress(f);
    });
    job.promise.then(
      (o) => {
        if (stale) return;
        setShown({ key, view: reduce(shapeResults(plan.runs, o.results), plan.meta) });
        setOutcome(o);
      },
      (err: unknown) => {
        if (!stale && !(err instanceof JobCancelled)) fail(err);
      },
    );
    return () => {
      stale = true;
      job.cancel();
    };
    // The plan (and its preview, derived from the same state) is fully
    // described by its key, and reduce is a module-level function:
    // re-running on their identity would only repeat work.
  }, [ready, key]);

  let state: RunState;
  let text: string;
  const pct = progress === undefined ? '' : ` ${Math.floor(progress * 100)}%`;
  if (!ready) {
    state = 'idle';
    text = 'Showing the default run, computed when this page was built.';
  } else if (failure?.key === key) {
    state = 'error';
    text = `Error: the simulation failed (${failure.message}).`;
  } else if (key === shown.key && shown.partial) {
    state = 'running';
    text = `Partial result: ${shown.partial.runs} of ${shown.partial.of} runs shown; refining…${pct}`;
  } else if (key === shown.key) {
    state = 'done';
    text = outcome ? describeOutcome(outcome) : 'Done: the default run, computed when this page was built.';
  } else {
    state = 'running';
    text = `Running…${pct}`;
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
