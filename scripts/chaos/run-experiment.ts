import { randomLcg } from 'd3-random';
import {
  describeVerdict,
  ExperimentEvaluator,
  exponentialBackoff,
  pipeline,
  realClock,
  retry,
  timeout,
  tokenBucketBudget,
  WindowRecorder,
  type Clock,
  type Experiment,
  type Policy,
  type Verdict,
  type WindowVerdict,
} from '../../src/resilience/index.ts';
import { httpGet } from '../../examples/shared/http-get.ts';
import { isRetryableHttpFailure } from '../../examples/shared/http-error.ts';
import { runFaultTimeline, type TimelineStep } from '../../examples/shared/fault-timeline.ts';
import type { CommandIo } from '../../examples/shared/command.ts';
import { isRealTarget, proxyFaults, RealTopology } from './real-topology.ts';

export interface RealRunOptions {
  /** Edge requests in flight at once. */
  readonly concurrency: number;
  /** Per-attempt timeout on each hop, ms. */
  readonly timeoutMs: number;
  readonly seed: number;
  readonly clock?: Clock;
}

export interface RealRun {
  readonly verdict: Verdict;
  readonly windows: readonly WindowVerdict[];
  readonly requests: number;
  readonly succeeded: number;
}

/** Real-mode experiments are short: a CI gate, not a soak test. */
export const MAX_REAL_DURATION_MS = 120_000;
/** However fast loopback answers, a run sends no more edge requests than this. */
const MAX_REQUESTS = 200_000;

/** Why this experiment cannot run for real, or undefined. */
export function realModeProblem(e: Experiment): string | undefined {
  if (e.durationMs > MAX_REAL_DURATION_MS) return `durationMs ${e.durationMs} is longer than real mode allows (${MAX_REAL_DURATION_MS} ms)`;
  for (const a of [...e.method, ...e.rollbacks]) {
    if (!isRealTarget(a.target)) return `action "${a.name}": unknown target "${a.target}"; real mode has a, b, store`;
  }
  for (const a of e.method) {
    const faults = proxyFaults(a.fault);
    if (typeof faults === 'string') return `action "${a.name}": ${faults}`;
  }
  return undefined;
}

/** The edge's defences on each hop: retry with full jitter under a token-bucket budget, around a per-attempt timeout. */
function hopPolicy(timeoutMs: number, clock: Clock): Policy {
  return pipeline(
    retry({
      maxAttempts: 3,
      backoff: exponentialBackoff({ baseMs: 10, capMs: 200, jitter: 'full' }),
      retryable: isRetryableHttpFailure,
      budget: tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 }),
      clock,
    }),
    timeout(timeoutMs, { clock }),
  );
}

function fmt(x: number | null, digits = 3): string {
  return x === null ? '-' : Number.isInteger(x) ? String(x) : x.toPrecision(digits);
}

/**
 * Runs an experiment for real on loopback: the three-tier topology of
 * real-topology.ts, closed-loop load at the edge (each request calls A and
 * B in parallel through the hop policies), the method's faults set on the
 * proxies at their times, one probe window per interval handed to the
 * evaluator. An abort clears every fault at once and runs the rollbacks;
 * each phase change, action, abort and window is reported on stderr.
 */
export async function runExperimentForReal(e: Experiment, options: RealRunOptions, io: CommandIo): Promise<RealRun> {
  const problem = realModeProblem(e);
  if (problem !== undefined) throw new Error(problem);
  const clock = options.clock ?? realClock;
  const topology = await RealTopology.start(options.seed);
  const evaluator = new ExperimentEvaluator(e);
  const recorder = new WindowRecorder();
  const radius = randomLcg(options.seed);
  const hopA = hopPolicy(options.timeoutMs, clock);
  const hopB = hopPolicy(options.timeoutMs, clock);
  const stopTimeline = new AbortController();
  let requests = 0;
  let succeeded = 0;
  const startedAt = clock.now();
  const elapsed = () => Math.round(clock.now() - startedAt);
  const say = (line: string) => io.err(`[${(elapsed() / 1000).toFixed(1).padStart(5)} s] ${line}`);

  const runRollbacks = () => {
    for (const r of e.rollbacks) {
      if (isRealTarget(r.target)) topology.clearFaults(r.target);
      say(`rollback "${r.name}": faults removed from ${r.target}`);
    }
  };
  const steps: TimelineStep[] = [];
  for (const a of e.method) {
    const target = a.target;
    const faults = proxyFaults(a.fault);
    // realModeProblem has refused both already; this keeps the types honest.
    if (!isRealTarget(target) || typeof faults === 'string') throw new Error(`action "${a.name}" cannot run in real mode`);
    steps.push(
      { atMs: a.startMs, label: `action "${a.name}": ${a.fault.kind} into ${target} (blast radius ${e.blastRadius})`, apply: () => topology.setFaults(target, faults) },
      { atMs: a.startMs + a.durationMs, label: `action "${a.name}" ends`, apply: () => topology.clearFaults(target) },
    );
  }
  const methodEndMs = Math.max(...e.method.map((a) => a.startMs + a.durationMs));
  steps.push({ atMs: methodEndMs, label: 'method done', apply: runRollbacks });

  try {
    say(`experiment "${e.title}": ${e.durationMs / 1000} s, probes every ${e.probeIntervalMs} ms, ${options.concurrency} requests in flight`);
    const timeline = runFaultTimeline(steps, clock, startedAt, stopTimeline.signal, (s) => say(s.label));

    const probing = (async () => {
      let phase = '';
      for (let end = e.probeIntervalMs; end <= e.durationMs; end += e.probeIntervalMs) {
        const wait = startedAt + end - clock.now();
        if (wait > 0) await clock.sleep(wait);
        const order = evaluator.observe(recorder.close(end - e.probeIntervalMs, end));
        const w = evaluator.windows[evaluator.windows.length - 1];
        if (w.phase !== phase) {
          phase = w.phase;
          say(`phase: ${phase === 'before' ? 'steady state, before the method' : phase === 'during' ? 'fault on' : 'after the fault'}`);
        }
        const readings = [...w.probes, ...w.guards].map((r) => `${r.name} ${fmt(r.value)}${r.within ? '' : ' (out)'}`).join(', ');
        say(`window ${end - e.probeIntervalMs}–${end} ms: ${w.ended} ended; ${readings}`);
        if (order) {
          stopTimeline.abort();
          topology.clearFaults();
          say(describeVerdict({ status: 'aborted', ...order }));
          runRollbacks();
        }
      }
    })();

    const deadline = startedAt + e.durationMs;
    const edgeRequest = async () => {
      const t0 = clock.now();
      recorder.requestStarted();
      requests++;
      const urls = topology.urls(radius() < e.blastRadius);
      const [a, b] = await Promise.allSettled([hopA.execute(({ signal }) => httpGet(urls.a, signal)), hopB.execute(({ signal }) => httpGet(urls.b, signal))]);
      const ok = a.status === 'fulfilled' && b.status === 'fulfilled';
      if (ok) succeeded++;
      const now = clock.now();
      if (now < deadline) recorder.requestEnded(ok, now - t0);
    };
    const worker = async () => {
      while (clock.now() < deadline && requests < MAX_REQUESTS) await edgeRequest();
    };
    await Promise.all([...Array.from({ length: options.concurrency }, worker), probing]);
    stopTimeline.abort();
    await timeline;
  } finally {
    await topology.close();
  }
  const verdict = evaluator.verdict();
  say(describeVerdict(verdict));
  return { verdict, windows: evaluator.windows, requests, succeeded };
}
