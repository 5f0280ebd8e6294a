import type { Clock } from '../../src/resilience/index.ts';

/**
 * A fault schedule on the real clock: each step (an outage starts, a
 * service comes back) runs at its time after `startedAt`. What happened is
 * measured from the moment a step really ran, not the moment it was
 * planned for, since a timer can fire late on a busy machine.
 */
export interface TimelineStep {
  /** When to run, ms after the start of the timeline. */
  readonly atMs: number;
  readonly label: string;
  readonly apply: () => void;
}

export interface AppliedStep {
  readonly label: string;
  readonly plannedMs: number;
  /** When it ran, ms after the start of the timeline. */
  readonly appliedMs: number;
}

/**
 * Runs the steps in time order; resolves with when each one ran. An abort
 * of `signal` skips the steps not run yet.
 */
export async function runFaultTimeline(
  steps: readonly TimelineStep[],
  clock: Clock,
  startedAt: number,
  signal?: AbortSignal,
  onApplied?: (step: AppliedStep) => void,
): Promise<AppliedStep[]> {
  const applied: AppliedStep[] = [];
  for (const step of [...steps].sort((a, b) => a.atMs - b.atMs)) {
    const waitMs = startedAt + step.atMs - clock.now();
    try {
      if (waitMs > 0) await clock.sleep(waitMs, signal);
    } catch {
      break;
    }
    step.apply();
    const record = { label: step.label, plannedMs: step.atMs, appliedMs: clock.now() - startedAt };
    applied.push(record);
    onApplied?.(record);
  }
  return applied;
}
