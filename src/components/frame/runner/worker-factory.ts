import type { WorkerLike } from './job-runner.ts';

/**
 * The simulation worker, or undefined where workers are unavailable (the
 * server render, very old browsers): jobs then run on the main thread. The
 * `new Worker(new URL(...))` form is what lets Vite find the worker and
 * bundle it as its own file.
 */
export function createSimulationWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}
