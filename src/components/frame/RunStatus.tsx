import type { RunState } from './runner/useSimulation.ts';

/** The run's progress and outcome, announced politely to screen readers. */
export function RunStatus({ state, text }: { state: RunState; text: string }) {
  return (
    <p className={`rl-run-status rl-run-status--${state}`} data-testid="run-status" aria-live="polite">
      {text}
    </p>
  );
}
