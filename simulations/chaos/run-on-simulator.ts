import { ExperimentEvaluator, WindowRecorder, type Experiment, type Verdict, type WindowVerdict } from '../../src/resilience/index.ts';
import { quantileOf } from '../engine/select-quantile.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { RequestLedger, type LedgerCounts, type LedgerEntry, type RequestOutcome } from '../models/request-ledger.ts';
import type { RunOptions } from '../scenario.ts';
import type { HopListener } from './hop-caller.ts';
import { HOSTS_PER_SERVICE, isSimulatedTarget, ThreeTierSystem, type SystemDefences } from './three-tier-system.ts';

export interface SimulatorRunOptions extends RunOptions {
  /** New requests per second at the edge. */
  readonly rate: number;
  readonly defences: SystemDefences;
}

/** A rollback as it ran. */
export interface RollbackRun {
  readonly name: string;
  readonly target: string;
  readonly atMs: number;
}

export interface SimulatorRun {
  readonly verdict: Verdict;
  /** One per probe interval, in order. */
  readonly windows: readonly WindowVerdict[];
  readonly counts: LedgerCounts;
  /** Requests answered with at least one fallback. */
  readonly degraded: number;
  /** Fraction of the requests that succeeded, over the whole run. */
  readonly successRate: number;
  /** 99th percentile of request latency over the whole run, ms (NaN with no request ended). */
  readonly p99: number;
  /** Fraction of the target's hosts the faults reached. */
  readonly blastRadius: number;
  readonly rollbacks: readonly RollbackRun[];
  /** Attempts sent on each hop, retries included. */
  readonly attempts: { readonly edgeToA: number; readonly edgeToB: number; readonly bToStore: number };
}

/** What every request at the edge reports to when it ends. */
class EdgeTally {
  /** Requests answered with at least one fallback. */
  degraded = 0;
  /** Every request's latency, ms, in the order they ended. */
  readonly latencies: number[] = [];

  constructor(
    readonly ledger: RequestLedger,
    readonly recorder: WindowRecorder,
    readonly durationMs: number,
  ) {}
}

/**
 * One request at the edge: it calls A and B at once and ends when both
 * have answered, as the first of them that failed (succeeded if neither
 * did). It is its hops' listener, so a request allocates no closure.
 */
class EdgeRequest implements LedgerEntry, HopListener {
  outcome: RequestOutcome | undefined = undefined;
  private pending = 2;
  private ending: RequestOutcome = 'succeeded';
  private usedFallback = false;

  constructor(
    private readonly tally: EdgeTally,
    private readonly startedAt: number,
  ) {}

  hopEnded(outcome: RequestOutcome, now: number, fromFallback: boolean): void {
    if (this.ending === 'succeeded') this.ending = outcome;
    this.usedFallback ||= fromFallback;
    if (--this.pending > 0) return;
    const tally = this.tally;
    tally.ledger.end(this, this.ending);
    if (this.usedFallback) tally.degraded++;
    const latency = now - this.startedAt;
    tally.latencies.push(latency);
    if (now < tally.durationMs) tally.recorder.requestEnded(this.ending === 'succeeded', latency);
  }
}

/** After the last arrival, requests in flight get this long to end; those still open are cut off as timed out. */
const DRAIN_LIMIT_MS = 60_000;

/**
 * Runs an experiment on the simulated three-tier system, on virtual time: open-loop
 * traffic at the edge for the experiment's duration, the method's faults on their
 * targets, a probe window closed every probe interval and handed to the
 * evaluator. When the evaluator orders an abort, every fault stops at that
 * very instant and the rollbacks run; otherwise the rollbacks run when the
 * last action ends. Same experiment, options and seed: same result.
 */
export function runOnSimulator(experiment: Experiment, seed: number, options: SimulatorRunOptions): SimulatorRun {
  const { durationMs, probeIntervalMs } = experiment;
  const sim = new Simulation(seed);
  const ledger = new RequestLedger();
  const system = new ThreeTierSystem(sim, experiment, options.defences);
  const evaluator = new ExperimentEvaluator(experiment);
  const recorder = new WindowRecorder();
  const rollbacks: RollbackRun[] = [];

  const runRollbacks = (atMs: number) => {
    for (const r of experiment.rollbacks) {
      if (isSimulatedTarget(r.target)) system.stopFaults(atMs, r.target);
      rollbacks.push({ name: r.name, target: r.target, atMs });
    }
  };
  const methodEndMs = Math.max(...experiment.method.map((a) => a.startMs + a.durationMs));
  sim.at(methodEndMs, () => {
    if (evaluator.aborted === undefined) runRollbacks(sim.now);
  });
  for (let end = probeIntervalMs; end <= durationMs; end += probeIntervalMs) {
    const start = end - probeIntervalMs;
    sim.at(end, () => {
      const order = evaluator.observe(recorder.close(start, end));
      if (order) {
        system.stopFaults(sim.now);
        runRollbacks(sim.now);
      }
    });
  }

  const tally = new EdgeTally(ledger, recorder, durationMs);
  const arrive = () => {
    const request = new EdgeRequest(tally, sim.now);
    ledger.start(request);
    recorder.requestStarted();
    system.edgeToA.call(request);
    system.edgeToB.call(request);
  };
  const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(options.rate), untilMs: durationMs, send: arrive });

  // The run goes on to durationMs even when traffic ends early, so that every probe window is closed and judged.
  const arrivals = {
    get done() {
      return clients.done && sim.now >= durationMs;
    },
  };
  drainAndBalance(sim, ledger, { arrivals, maxTimeMs: durationMs + DRAIN_LIMIT_MS, fractionDone: () => sim.now / durationMs }, options);

  const counts = ledger.counts();
  return {
    verdict: evaluator.verdict(),
    windows: evaluator.windows,
    counts,
    degraded: tally.degraded,
    successRate: counts.requests > 0 ? counts.succeeded / counts.requests : 0,
    p99: tally.latencies.length > 0 ? quantileOf(tally.latencies, 0.99)! : NaN,
    blastRadius: system.affectedHosts / HOSTS_PER_SERVICE,
    rollbacks,
    attempts: { edgeToA: system.edgeToA.attemptsSent, edgeToB: system.edgeToB.attemptsSent, bToStore: system.bToStore.attemptsSent },
  };
}
