import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import type { WireRun } from './run.ts';

/** Messages between a widget and the simulation worker. `job` ties answers to the request they belong to. */
export type ToWorker = { readonly type: 'run'; readonly job: number; readonly runs: readonly WireRun[] };

export type FromWorker =
  | { readonly type: 'progress'; readonly job: number; readonly fraction: number }
  /** `elapsedMs`: each run's duration in the worker, which teaches the cost model the device's speed. */
  | { readonly type: 'done'; readonly job: number; readonly results: ScenarioResult[]; readonly elapsedMs?: readonly number[] }
  | { readonly type: 'error'; readonly job: number; readonly message: string };
