import type { ExperimentInput } from '../../../src/resilience/index.ts';

/** A valid experiment: errors into b from 5 s to 15 s of a 20 s run, probes every second. */
export function validExperiment(): ExperimentInput {
  return {
    title: 'errors into b',
    'steady-state-hypothesis': {
      title: 'requests succeed and are fast',
      probes: [
        { type: 'probe', name: 'success', metric: 'success-rate', tolerance: [0.99, null] },
        { type: 'probe', name: 'p99', metric: 'latency', quantile: 0.99, tolerance: [null, 500] },
      ],
    },
    method: [{ type: 'action', name: 'errors', target: 'b', fault: { kind: 'errors', rate: 0.5 }, startMs: 5000, durationMs: 10_000 }],
    rollbacks: [{ type: 'action', name: 'clear', target: 'b' }],
    abortConditions: [{ type: 'probe', name: 'guard', metric: 'success-rate', tolerance: [0.5, null] }],
    durationMs: 20_000,
  };
}
