import type { Experiment, ExperimentInput, Verdict, WindowVerdict } from '../../src/resilience/index.ts';
import { parseExperiment } from '../../src/resilience/index.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { runOnSimulator, type RollbackRun } from '../chaos/run-on-simulator.ts';
import { defendedHops } from '../chaos/three-tier-system.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { chaosExperimentSpec } from './specs/chaos-experiment.ts';

const params = chaosExperimentSpec.params;

export type ChaosExperimentParams = ParamValues<typeof params>;

const PROBE_INTERVAL_MS = 1000;

/** The probe columns, per 1 s window; null where a window had no data (or, for guard, outside the fault). */
export type ChaosProbeColumn = 'successRate' | 'p99' | 'goodput' | 'guard';

/** Per-window readings; null marks a gap, so the series survives JSON as it is. */
export interface ChaosProbeSeries {
  readonly bucketMs: number;
  readonly columns: Record<ChaosProbeColumn, (number | null)[]>;
}

export interface ChaosExperimentResult extends ScenarioResult {
  readonly summary: {
    hypothesisHeld: boolean;
    aborted: boolean;
    abortedAt: number;
    refutedAt: number;
    successRate: number;
    p99: number;
    blastRadius: number;
    degraded: number;
    attempts: number;
    requests: number;
    succeeded: number;
    failed: number;
    rejected: number;
    timedOut: number;
    shed: number;
  };
  /** Probe readings per window: successRate and p99 against the hypothesis band, goodput (req/s); guard is the success rate the guard read (NaN outside the fault). */
  readonly series: ChaosProbeSeries;
  /** The band each probe must stay in, [min, max] (null: open). */
  readonly hypothesis: { readonly successRate: readonly [number | null, number | null]; readonly p99: readonly [number | null, number | null] };
  /** The guard's lower bound on the success rate, or null without a guard. */
  readonly abortBelow: number | null;
  /** The fault as planned, for shading; it stops early on an abort. */
  readonly fault: { readonly startMs: number; readonly endMs: number };
  readonly abortedAtMs: number | null;
  readonly verdict: Verdict;
  readonly windows: readonly WindowVerdict[];
  readonly rollbacks: readonly RollbackRun[];
  /** The experiment that ran, as it would be written to a file. */
  readonly experiment: Experiment;
}

function faultOf(p: ChaosExperimentParams): ExperimentInput['method'][number]['fault'] {
  switch (p.fault) {
    case 'latency':
      return { kind: 'latency', ms: p.addedLatency };
    case 'errors':
      return { kind: 'errors', rate: p.faultRate };
    case 'resets':
      return { kind: 'resets', rate: p.faultRate };
    case 'capacity-drop':
      return { kind: 'capacity-drop', remaining: p.capacityRemaining };
  }
}

/** The experiment a set of parameters describes; the fault is clipped to the run. */
export function chaosExperimentFor(p: ChaosExperimentParams): Experiment {
  const durationMs = p.duration * 1000;
  const startMs = Math.min(p.faultStart * 1000, durationMs - PROBE_INTERVAL_MS);
  const input: ExperimentInput = {
    title: `${p.fault} into ${p.target}`,
    'steady-state-hypothesis': {
      title: `success rate >= ${p.sloSuccessRate} and p99 <= ${p.sloP99} ms in every window`,
      probes: [
        { type: 'probe', name: 'success-rate', metric: 'success-rate', tolerance: [p.sloSuccessRate, null] },
        { type: 'probe', name: 'p99', metric: 'latency', quantile: 0.99, tolerance: [null, p.sloP99] },
      ],
    },
    method: [
      {
        type: 'action',
        name: `inject-${p.fault}`,
        target: p.target,
        fault: faultOf(p),
        startMs,
        durationMs: Math.min(p.faultDuration * 1000, durationMs - startMs),
      },
    ],
    rollbacks: [{ type: 'action', name: `remove-faults-from-${p.target}`, target: p.target }],
    blastRadius: p.blastRadius,
    abortConditions: p.abortBelow > 0 ? [{ type: 'probe', name: 'guard-success-rate', metric: 'success-rate', tolerance: [p.abortBelow, null] }] : [],
    probeIntervalMs: PROBE_INTERVAL_MS,
    durationMs,
  };
  const parsed = parseExperiment(input);
  // Every parameter is range-checked, so the experiment is valid by construction; a failure here is a bug.
  if (!parsed.ok) throw new Error(`chaos-experiment built an invalid experiment: ${parsed.errors.join('; ')}`);
  return parsed.experiment;
}

function column(windows: readonly WindowVerdict[], pick: (w: WindowVerdict) => number | null): (number | null)[] {
  return windows.map(pick);
}

/**
 * A chaos experiment on a simulated three-tier system (an edge calling
 * services A and B, B calling a store; 10 hosts each): one fault into one
 * target with a blast radius, the steady-state hypothesis checked every
 * second, a guard that stops the fault at once. The experiment is the same
 * data a real-mode run reads from a file (src/resilience/chaos/experiment).
 */
export const chaosExperiment = defineScenario({
  ...chaosExperimentSpec,
  // The hosts' capacity is fixed, so a lower load would overload nothing
  // (no shedding below the full rate): the run is shortened to 3 s instead,
  // with the fault from its first second, 7.5% of the requests. 3 s is the
  // shortest that still takes every path of the default run (2 s has no
  // budget refusals); the first warm-up here is cold and blocks the page's
  // thread for its length (23 ms at 5 s, 13-20 at 3 in Chromium), so a key
  // pressed then waits for it.
  warmUp: (p) => ({ ...p, duration: 3, faultStart: 1 }),
  run(p, seed, options = {}): ChaosExperimentResult {
    const experiment = chaosExperimentFor(p);
    const r = runOnSimulator(experiment, seed, {
      rate: p.rate,
      defences: { timeouts: p.timeouts, retries: p.retries, breaker: p.breaker, bulkhead: p.bulkhead, fallback: p.fallback, hops: p.defendedHops },
      onProgress: options.onProgress,
    });
    const action = experiment.method[0];
    const reading = (w: WindowVerdict, name: string) => w.probes.find((x) => x.name === name)?.value ?? null;
    const abortedAtMs = r.verdict.status === 'aborted' ? r.verdict.atMs : null;
    return {
      summary: {
        hypothesisHeld: r.verdict.status === 'held',
        aborted: r.verdict.status === 'aborted',
        abortedAt: abortedAtMs ?? -1,
        refutedAt: r.verdict.status === 'refuted' ? r.verdict.atMs : -1,
        successRate: r.successRate,
        p99: Number.isNaN(r.p99) ? 0 : r.p99,
        blastRadius: r.blastRadius,
        degraded: r.degraded,
        attempts: r.attempts.edgeToA + r.attempts.edgeToB + r.attempts.bToStore,
        ...r.counts,
      },
      series: {
        bucketMs: PROBE_INTERVAL_MS,
        columns: {
          successRate: column(r.windows, (w) => reading(w, 'success-rate')),
          p99: column(r.windows, (w) => reading(w, 'p99')),
          goodput: column(r.windows, (w) => w.goodput),
          guard: column(r.windows, (w) => w.guards[0]?.value ?? null),
        },
      },
      hypothesis: { successRate: [p.sloSuccessRate, null], p99: [null, p.sloP99] },
      abortBelow: p.abortBelow > 0 ? p.abortBelow : null,
      fault: { startMs: action.startMs, endMs: action.startMs + action.durationMs },
      abortedAtMs,
      verdict: r.verdict,
      windows: r.windows,
      rollbacks: r.rollbacks,
      experiment,
    };
  },
});
