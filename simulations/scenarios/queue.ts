import { selectQuantile } from '../engine/select-quantile.ts';
import { Simulation } from '../engine/simulation.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { RetryingCaller, type SimRequest } from '../models/retrying-caller.ts';
import { Service } from '../models/service.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { queueSpec } from './specs/queue.ts';

const params = queueSpec.params;

/** The part of the run, by expected arrival time, left out of the statistics: the system starts empty, not in steady state. */
const WARMUP_FRACTION = 0.1;

/**
 * Time in system and queue wait of the requests that started after the
 * warm-up. Counters live in an object rather than in closure variables: V8
 * updates a number field in place, but boxes a fresh number for every write
 * to a captured `let`, a million times a run.
 */
class SojournStats {
  measured = 0;
  waited = 0;
  waitSum = 0;
  private readonly times: Float64Array;

  constructor(
    private readonly warmupMs: number,
    capacity: number,
  ) {
    this.times = new Float64Array(capacity);
  }

  record(r: SimRequest): void {
    if (r.startedAt < this.warmupMs) return;
    const job = r.lastAttempt!;
    const wait = job.startedAt - job.arrivedAt;
    if (wait > 0) this.waited++;
    this.waitSum += wait;
    this.times[this.measured++] = r.endedAt - r.startedAt;
  }

  meanTime(): number {
    let sum = 0;
    for (let i = 0; i < this.measured; i++) sum += this.times[i];
    return this.measured > 0 ? sum / this.measured : 0;
  }

  /** Reorders the recorded times; call after meanTime. */
  p99Time(): number {
    return this.measured > 0 ? selectQuantile(this.times.subarray(0, this.measured), 0.99) : 0;
  }
}

export interface QueueResult extends ScenarioResult {
  /** Simulation events run (one arrival and one departure per request), for the benchmark. */
  readonly events: number;
  readonly summary: {
    meanTime: number;
    p99Time: number;
    waitProbability: number;
    meanWait: number;
    utilization: number;
  } & LedgerCounts;
}

/**
 * The M/M/c queue: Poisson arrivals, exponential service, c workers, an
 * unbounded FIFO queue, no timeouts. Nothing here is specific to queueing
 * theory: it is the same service and client models as every other
 * scenario, so agreeing with the textbook formulas checks them all.
 */
export const queueScenario = defineScenario({
  ...queueSpec,
  run(p, seed, options = {}): QueueResult {
    const sim = new Simulation(seed);
    const ledger = new RequestLedger();
    const service = new Service(sim, { workers: p.workers, serviceTime: { kind: 'exponential', mean: 1000 / p.serviceRate } });
    const caller = new RetryingCaller(sim, { service, ledger });

    const stats = new SojournStats((WARMUP_FRACTION * p.requests * 1000) / p.arrivalRate, p.requests);
    const record = (r: SimRequest) => stats.record(r);

    const arrivals = { last: 0 };
    const clients = new OpenLoopClients(sim, {
      rate: PiecewiseRate.constant(p.arrivalRate),
      untilMs: Infinity,
      maxRequests: p.requests,
      send: () => {
        arrivals.last = sim.now;
        caller.call(record);
      },
    });
    drainAndBalance(
      sim,
      ledger,
      // Two events per request (arrival, departure); the margin only guards against a model bug.
      { arrivals: clients, maxTimeMs: Infinity, maxEvents: 4 * p.requests + 1000, fractionDone: () => clients.started / p.requests },
      options,
    );

    return {
      events: sim.eventsRun,
      summary: {
        meanTime: stats.meanTime(),
        p99Time: stats.p99Time(),
        waitProbability: stats.measured > 0 ? stats.waited / stats.measured : 0,
        meanWait: stats.measured > 0 ? stats.waitSum / stats.measured : 0,
        utilization: arrivals.last > 0 ? service.busyMs / (p.workers * arrivals.last) : 0,
        ...ledger.counts(),
      },
    };
  },
});
