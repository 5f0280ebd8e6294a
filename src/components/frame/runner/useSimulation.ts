import { useLayoutEffect, useMemo, useState } from 'react';
import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import { CostModel } from './cost-model.ts';
import { JobCancelled, JobRunner, type JobOutcome } from './job-runner.ts';
import { ResultCache } from './result-cache.ts';
import { flattenRuns, runKey, shapeResults, type ResultsOf, type Run } from './run.ts';
import { createSimulationWorker } from './worker-factory.ts';
import { hashString } from './hash.ts';
import { runStatus, type RunState } from './run-status.ts';

/** What a widget wants computed: the runs, plus whatever its reducer needs to make sense of them. */
export interface SimulationPlan<T, M> {
  /** Built with `run()`: one run, or lists and records of runs, nested as needed. */
  readonly runs: T;
  readonly meta: M;
  /**
   * For a part shown before the whole plan (a preview), what it is when that
   * is not simply some of the plan's runs: e.g. "Preview: the first 20 s of
   * the 60 s run." (a shorter run of the same scenario, cheap enough for the
   * frame the slider moved in). Without it the status line counts runs.
   */
  readonly label?: string;
}

export type Reduce<T, M, V> = (results: ResultsOf<T>, meta: M) => V;

/** A plotted result and the plan it belongs to. */
export interface Shown<V> {
  readonly key: string;
  readonly view: V;
}

export type { RunState } from './run-status.ts';

export interface SimulationStatus<V> {
  /** The current plan's key: `shown.key` equals it once what is drawn belongs to the current parameters (a preview of them included). */
  readonly plan: string;
  readonly shown: Shown<V>;
  readonly state: RunState;
  /** For the run-status line, e.g. "Running… 40%" or "Done: 5 runs in 12 ms". */
  readonly text: string;
}

/** Identity of a plan: a hash of its runs and meta (everything its view depends on). */
export function planKey<T>(plan: SimulationPlan<T, unknown>): string {
  return hashString(JSON.stringify([flattenRuns(plan.runs).map((r) => [r.scenario.name, r.seed, r.params]), plan.meta]));
}

/**
 * Runs estimated within this budget are computed at once, in the frame the
 * slider moved in (before the browser paints): quicker than a worker round
 * trip, which also waits for the main thread to take the result. Anything
 * larger goes to the worker, so the main thread never blocks long enough to
 * make dragging stutter. The same task then draws the charts, which takes
 * up to 40 ms for the largest (the breaker's, in Chromium on 2 cores): the
 * runs get what is left of the 50 ms that make a long task, and some room
 * for an estimate that was too low.
 */
const SAME_FRAME_BUDGET_MS = 12;
/**
 * A preview (e.g. the first seed of several) may take longer on the main
 * thread: it replaces a wait for the worker (whose first job on a page also
 * waits for it to load), and stays well under the 50 ms that makes a long
 * task even when a first, not yet compiled run is slower than foreseen.
 */
const PREVIEW_BUDGET_MS = 20;
/**
 * Once a preview has begun here, it stops short only if it would pass this:
 * its runs done so far show nothing, and the rest would wait for the
 * worker's round trip (30-50 ms to the first chart in Chromium, against a
 * few milliseconds more here).
 */
const PREVIEW_LIMIT_MS = 30;
/**
 * The first guess for a scenario not yet timed on this device: 1 µs per
 * unit of a run's cost. Warm, the scenarios take 0.01–1 µs a unit, but a
 * scenario's first runs on a thread are several times slower (its code is
 * not compiled yet), and a first run is what this guess is for. A guess too
 * low costs at most one run beyond the budget (the job runner checks the
 * clock after each run); too high sends runs of a few milliseconds to the
 * worker.
 */
const FIRST_GUESS_MS_PER_UNIT = 0.001;

/** The least time between two progress updates of a running job's status line. */
const PROGRESS_EVERY_MS = 100;

/**
 * Runs a function in a task of its own, soon: a message to itself, which
 * unlike a chain of setTimeout(0) is not held back 4 ms at a time.
 */
const later = (() => {
  const queue: (() => void)[] = [];
  let channel: MessageChannel | undefined;
  return (fn: () => void) => {
    queue.push(fn);
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
    }
    channel.port2.postMessage(null);
  };
})();

/**
 * The longest `idle` waits for an idle period. A browser may give none for
 * long: headless Chromium gives none after a key press until the pointer
 * moves (measured: a callback waited out its whole timeout, however long),
 * and a page drawing every frame leaves little. The warm-ups of a widget
 * the reader has just turned to cannot wait a second.
 */
const IDLE_TIMEOUT_MS = 150;
/** When no idle period came in time, how long the task may go on: well within a frame. */
const TIMED_OUT_SLICE_MS = 8;
/**
 * The most an idle period is filled, whatever the browser offers (up to
 * 50 ms): a run can take longer than the one before it, and a period filled
 * to its end then became a long task of 50 ms (warm-ups on the
 * load-balancing page, bench:site); a key pressed meanwhile waits for it.
 */
const IDLE_SLICE_MS = 30;

/**
 * Runs a function when the browser is idle, or at the latest after
 * IDLE_TIMEOUT_MS; soon, where it cannot say. It is told how much time it
 * has (the rest of the idle period, at most IDLE_SLICE_MS, or a short slice
 * when none came): none once a key press or a click is waiting (where the
 * browser can say), so that work it does in a loop never holds up the reader.
 */
function idle(fn: (timeLeft?: () => number) => void): void {
  if (typeof requestIdleCallback !== 'function') return later(fn);
  requestIdleCallback(
    (deadline) => {
      const end = performance.now() + (deadline.didTimeout ? TIMED_OUT_SLICE_MS : IDLE_SLICE_MS);
      // A period that timed out has no time remaining by the browser's count: the slice alone bounds it.
      const browserLeft = () => (deadline.didTimeout ? Infinity : deadline.timeRemaining());
      fn(() => (inputPending() ? 0 : Math.max(0, Math.min(end - performance.now(), browserLeft()))));
    },
    { timeout: IDLE_TIMEOUT_MS },
  );
}

/** Whether input is waiting for the main thread (Chromium's `navigator.scheduling.isInputPending`); false where the browser cannot say. */
function inputPending(): boolean {
  const scheduling = (navigator as Navigator & { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** Shared by every widget on the page: one calibration of this device's speed, one cache, one worker. */
const jobs = new JobRunner({
  createWorker: createSimulationWorker,
  cache: new ResultCache(600),
  cost: new CostModel(FIRST_GUESS_MS_PER_UNIT),
  mainThreadBudgetMs: SAME_FRAME_BUDGET_MS,
  now: () => performance.now(),
  later,
  idle,
});

/**
 * Readies the page for a widget the reader turns to (`useSimulationWidget`
 * calls this at the first pointer over it, focus in it or touch): the
 * worker starts loading at once (its script loads off this thread; a
 * reader's first press comes a quarter of a second later, and the idle
 * period this used to wait for came 16-48 ms after the focus, a fifth of
 * that), and once the page is idle, the code for these runs is warmed
 * (`JobRunner.warm`). Not at page load: most readers never touch most
 * widgets, and each would load the worker and the simulator for nothing.
 */
export function warmFor(runs: readonly Run[]): void {
  jobs.startWorker();
  idle(() => jobs.warm(runs));
}

/**
 * The most a plan one step away may cost the worker to be computed ahead,
 * estimated from its timings on this device: a breaker replay's neighbour
 * is about 10 ms there, a balancer comparison's about 25, the metastability
 * map's 25 cells about 70. A sweep whose every point a step moves (the
 * retry budget's) costs more, and is left to the press; so is everything
 * on a device slow enough, except the plans' previews, which are smaller.
 */
const PREFETCH_MAX_MS = 100;

/**
 * Has the worker compute, in idle time and behind every job, the runs of the
 * plans the reader is likely to ask for next, likeliest first
 * (`useSimulationWidget`: the previews and plans one and two arrow-key steps
 * either side of the slider they are on), so that the press finds them
 * cached and the new chart costs only its drawing. The plans are made in
 * idle time too: after a key press React runs effects before the browser
 * paints, and making them then would delay the new chart.
 */
export function prefetch(plans: () => readonly (readonly Run[])[]): void {
  idle(() => jobs.prefetch(plans(), PREFETCH_MAX_MS));
}

/** The result on show: the plan it belongs to, and whether it is only a first part of it. */
export interface ShownResult<V> extends Shown<V> {
  /** Set while the view is a preview plan's (e.g. the first seed of several), not yet the whole plan's. */
  readonly partial?: { readonly runs: number; readonly of: number; readonly label?: string };
}

/**
 * Keeps a widget's plot in step with its parameters. The first view is the
 * one computed when the page was built (`initial`); nothing runs until the
 * widget is `ready` (its URL read) and its plan differs from what is shown,
 * so hydration at the defaults runs nothing.
 *
 * A new plan is answered at once, without a debounce: from the cache, or
 * run on the spot when it is cheap (in a layout effect: the new chart is in
 * the same frame as the moved slider). Otherwise it goes to the worker. A
 * widget may give `parts`: cheaper plans of the same shape, each's runs
 * among the next one's and the full plan's (a preview, e.g. the first seed
 * of every average, then larger parts); or, for the first, a labelled plan
 * of its own (a shorter run of the same scenario). The first is run on the
 * spot when it is cheap; the worker computes the parts' runs first, in
 * order (a labelled preview's too, unless here or cached), and each
 * part is shown, labelled partial, as soon as its runs are all back, so the
 * chart refines while the whole plan runs. A newer plan cancels an older
 * job; a job's result is shown only if its plan is still the current one.
 */
export function useSimulation<T, M, V>(
  plan: SimulationPlan<T, M>,
  reduce: Reduce<T, M, V>,
  initial: Shown<V>,
  ready: boolean,
  parts: readonly SimulationPlan<T, M>[] = [],
): SimulationStatus<V> {
  // Hashing a plan's runs costs milliseconds for the larger ones, and a widget
  // re-renders for more than its plan (a replay's time, progress).
  const key = useMemo(() => planKey(plan), [plan]);
  const [shown, setShown] = useState<ShownResult<V>>(initial);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<JobOutcome | undefined>(undefined);
  const [failure, setFailure] = useState<{ key: string; message: string } | undefined>(undefined);

  useLayoutEffect(() => {
    if (!ready || (key === shown.key && !shown.partial)) return;
    if (key === initial.key) {
      // Back at the defaults (Reset, or a preset equal to them): the build-time result is at hand.
      setShown(initial);
      setOutcome(undefined);
      return;
    }
    const fail = (err: unknown) => setFailure({ key, message: err instanceof Error ? err.message : String(err) });
    const runs = flattenRuns(plan.runs);
    const partRuns = parts.map((p) => flattenRuns(p.runs));
    // The largest part shown so far: -1 for none.
    let partShown = -1;
    const showPart = (i: number, results: ScenarioResult[]) => {
      partShown = i;
      const distinct = new Set(partRuns[i].map(runKey)).size;
      const label = parts[i].label;
      setShown({
        key,
        view: reduce(shapeResults(parts[i].runs, results), parts[i].meta),
        partial: { runs: distinct, of: new Set(runs.map(runKey)).size, ...(label ? { label } : {}) },
      });
    };
    const preview = () => {
      const first = parts.length > 0 ? jobs.runNow(partRuns[0], PREVIEW_BUDGET_MS, PREVIEW_LIMIT_MS) : undefined;
      if (first) showPart(0, first.results);
    };
    try {
      const now = jobs.runNow(runs, SAME_FRAME_BUDGET_MS);
      if (now) {
        setShown({ key, view: reduce(shapeResults(plan.runs, now.results), plan.meta) });
        setOutcome(now);
        return;
      }
      preview();
    } catch (err) {
      fail(err);
      return;
    }
    let stale = false;
    let finished = false;
    if (parts.length > 0 && partShown < 0) {
      // The preview's code was still loading (the reader's first move on
      // this widget, moments after the pointer or focus came to it): it is
      // shown as soon as the code is here, if it is still cheap, rather than
      // wait for the worker to load the same code and run the whole plan.
      jobs.whenLoaded(partRuns[0]).then(
        () => {
          if (stale || finished || partShown >= 0) return;
          try {
            preview();
          } catch (err) {
            fail(err);
          }
        },
        // A failed load is reported by the job, which needs the same code.
        () => {},
      );
    }
    setProgress(undefined);
    // Each progress update re-renders the widget: a few a second are plenty.
    let progressShownAt = performance.now();
    const job = jobs.run(runs, {
      stages: partRuns,
      onProgress: (f) => {
        const t = performance.now();
        if (stale || t - progressShownAt < PROGRESS_EVERY_MS) return;
        progressShownAt = t;
        setProgress(f);
      },
      // The parts' runs go to the worker first: each part is shown as soon
      // as they are back.
      onResult: () => {
        if (stale) return;
        for (let i = parts.length - 1; i > partShown; i--) {
          const got = jobs.cached(partRuns[i]);
          if (got) return showPart(i, got);
        }
      },
    });
    job.promise.then(
      (o) => {
        if (stale) return;
        finished = true;
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
    // The plan (and its parts, derived from the same state) is fully
    // described by its key, and reduce is a module-level function:
    // re-running on their identity would only repeat work.
  }, [ready, key]);

  return { plan: key, shown, ...runStatus({ ready, key, shown, failure, outcome, progress }) };
}
