import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import type { WireRun } from './run.ts';

/**
 * Messages between the page and the simulation worker, one run at a time:
 * `task` ties answers to the run they belong to. One run per message lets
 * every widget of the page share one warm worker: a widget's stale runs are
 * dropped from the page's queue before they are sent, and each result comes
 * back (and is cached) as soon as it is computed.
 */
export type ToWorker = { readonly type: 'run'; readonly task: number; readonly run: WireRun };

export type FromWorker =
  /** Sent once, when the worker's script has loaded: runs sent before then would wait in it, out of the page's reach. */
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly task: number; readonly fraction: number }
  /** `elapsedMs`: the run's duration in the worker, which teaches the cost model the device's speed. */
  | { readonly type: 'done'; readonly task: number; readonly result: ScenarioResult; readonly elapsedMs: number }
  | { readonly type: 'error'; readonly task: number; readonly message: string };
