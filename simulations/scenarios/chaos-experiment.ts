import type { Experiment, ExperimentInput, Verdict, WindowVerdict } from '../../src/resilience/index.ts';
import { parseExperiment } from '../../src/resilience/index.ts';
import { booleanParam, enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { runOnSimulator, type RollbackRun } from '../chaos/run-on-simulator.ts';
import { defendedHops, simulatedTargets } from '../chaos/three-tier-system.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';

const params = {
  target: enumParam({
    label: 'Target',
    default: 'b',
    options: simulatedTargets,
    optionLabels: { a: 'service A', b: 'service B', store: 'the store (behind B)' },
    help: 'The service the faults go into.',
  }),
  fault: enumParam({
    label: 'Fault',
    default: 'latency',
    options: ['latency', 'errors', 'resets', 'capacity-drop'],
    optionLabels: { latency: 'added latency', errors: 'errors', resets: 'connection resets', 'capacity-drop': 'capacity drop' },
  }),
  addedLatency: intParam({
    label: 'Added latency',
    unit: 'ms',
    default: 300,
    min: 10,
    max: 5000,
    step: 10,
    scale: 'log',
    help: 'For a latency fault.',
    appliesWhen: { fault: ['latency'] },
  }),
  faultRate: numberParam({
    label: 'Fault rate',
    default: 0.5,
    min: 0.05,
    max: 1,
    step: 0.05,
    help: 'For errors and resets: the share of attempts that fail on an affected host.',
    appliesWhen: { fault: ['errors', 'resets'] },
  }),
  capacityRemaining: numberParam({
    label: 'Capacity left',
    default: 0.25,
    min: 0.05,
    max: 0.95,
    step: 0.05,
    help: 'For a capacity drop: the share of workers an affected host keeps.',
    appliesWhen: { fault: ['capacity-drop'] },
  }),
  blastRadius: numberParam({ label: 'Blast radius', default: 0.3, min: 0.1, max: 1, step: 0.1, help: 'Share of the target’s 10 hosts the fault reaches.' }),
  timeouts: booleanParam({ label: 'Timeouts', default: true, help: 'Per-attempt timeouts on every hop (250, 400, 200 ms).' }),
  retries: booleanParam({ label: 'Retries with a budget', default: true, help: 'Two retries with full jitter, at most 20% extra calls per hop.' }),
  breaker: booleanParam({ label: 'Circuit breaker', default: false, help: 'One breaker per hop: opens at 50% failures over 100 calls, for 5 s.' }),
  bulkhead: booleanParam({ label: 'Bulkhead', default: false, help: 'At most 100 calls in flight per hop.' }),
  fallback: booleanParam({ label: 'Fallback', default: false, help: 'A failed call is answered from a fallback (a degraded answer counts as a success).' }),
  defendedHops: enumParam({
    label: 'Defended hops',
    default: 'all',
    options: defendedHops,
    optionLabels: { all: 'every hop', edge: 'edge → A and edge → B only', store: 'B → store only' },
    help: 'Which calls have the defences above; the others have none.',
  }),
  rate: intParam({ label: 'Request rate', unit: 'req/s', default: 300, min: 10, max: 1000, step: 10, help: 'New requests per second at the edge.' }),
  sloSuccessRate: numberParam({
    label: 'Hypothesis: success rate at least',
    default: 0.99,
    min: 0.5,
    max: 1,
    step: 0.005,
    help: 'Steady state: share of requests that succeed in each 1 s probe window.',
  }),
  sloP99: intParam({ label: 'Hypothesis: p99 at most', unit: 'ms', default: 500, min: 50, max: 5000, step: 10, scale: 'log' }),
  abortBelow: numberParam({
    label: 'Abort when success rate below',
    default: 0.5,
    min: 0,
    max: 1,
    step: 0.05,
    help: 'Guard: stop every fault at once if a window’s success rate falls below this. 0: no guard.',
  }),
  faultStart: intParam({ label: 'Fault start', unit: 's', default: 10, min: 1, max: 300 }),
  faultDuration: intParam({ label: 'Fault length', unit: 's', default: 20, min: 1, max: 300 }),
  duration: intParam({ label: 'Run length', unit: 's', default: 40, min: 5, max: 600, step: 5 }),
};

export type ChaosExperimentParams = ParamValues<typeof params>;

const PROBE_INTERVAL_MS = 1000;

const summaryDoc = {
  hypothesisHeld: 'the steady-state hypothesis held in every probe window (and the experiment was not aborted)',
  aborted: 'a guard was breached (or the steady state was not met before the fault) and every fault was stopped',
  abortedAt: 'when the experiment was aborted, ms from the start; -1 if it was not',
  refutedAt: 'end of the first probe window out of tolerance after the fault started, ms; -1 if none',
  successRate: 'share of all requests that succeeded (answers from a fallback included)',
  p99: '99th percentile of request latency over the run, ms (0 when no request ended)',
  blastRadius: 'share of the target’s hosts the fault reached',
  degraded: 'requests answered with at least one fallback',
  attempts: 'attempts sent on all hops, retries included',
  requests: 'requests at the edge',
  succeeded: 'requests that succeeded',
  failed: 'requests with an error from a service',
  rejected: 'requests a breaker, a bulkhead or a retry budget refused',
  timedOut: 'requests whose call timed out',
  shed: 'requests a full queue turned away',
};

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
  name: 'chaos-experiment',
  title: 'A chaos experiment on a three-tier system',
  description:
    'Inject latency, errors, resets or a capacity drop into one service of a three-tier system, with a blast radius and switchable defences; check the steady-state hypothesis every second and abort when a guard is breached.',
  params,
  summaryDoc,
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
