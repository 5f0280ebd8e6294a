import { LeastOutstandingBalancer, LeastRequestBalancer, uniformHosts, type LoadBalancer } from '../../src/resilience/load-balancing/index.ts';
import { Simulation } from '../engine/simulation.ts';
import { selectQuantile } from '../engine/select-quantile.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { BalancedCaller, type BalancedCall } from '../models/balanced-caller.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { QueueLengthTails } from '../models/queue-length-tails.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { Service } from '../models/service.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { supermarketMeanTime, supermarketTail } from '../theory/supermarket.ts';
import { supermarketSpec, choiceOptions } from './specs/supermarket.ts';

const params = supermarketSpec.params;

export type SupermarketParams = ParamValues<typeof params>;

/** The mean service time, ms: times in the summary are in these units (service rate 1). */
const SERVICE_MS = 1000;
/** The part of the run, by expected arrival time, left out of the statistics: the queues start empty. */
const WARMUP_FRACTION = 0.1;
/** Levels of the queue-length tail reported. */
const TAIL_LEVELS = 12;

export interface SupermarketResult extends ScenarioResult {
  readonly summary: {
    meanTime: number;
    expectedMeanTime: number;
    p99Time: number;
    maxQueueLength: number;
  } & LedgerCounts;
  /**
   * The fraction of backends holding at least i requests (queued or in
   * service), i = 1..12, time-averaged after the warm-up, and the supermarket
   * model's limit for it (for `all`: λ at i = 1 and 0 beyond, the n → ∞
   * limit of joining the shortest queue).
   */
  readonly tails: { readonly level: number[]; readonly measured: number[]; readonly expected: number[] };
}

function balancerFor(choices: (typeof choiceOptions)[number], n: number): LoadBalancer {
  const hosts = uniformHosts(n);
  // Envoy's least-request balancer samples with replacement, as the supermarket model does.
  return choices === 'all' ? new LeastOutstandingBalancer(hosts) : new LeastRequestBalancer(hosts, { choiceCount: Number(choices) });
}

/**
 * The supermarket model on the simulator: n M/M/1 backends behind the real
 * least-request balancer (power of d choices) or the real least-outstanding
 * one (join the shortest queue). The balancer's count of requests in flight
 * per host is exactly each queue's length, so this checks the balancers and
 * the simulator against Mitzenmacher's formulas.
 */
export const supermarket = defineScenario({
  ...supermarketSpec,
  // The same utilization and backends over fewer requests: the same queues, a tenth the run.
  warmUp: (p) => ({ ...p, requests: Math.max(100, Math.round(p.requests / 10)) }),
  run(p, seed, options = {}): SupermarketResult {
    const n = p.backends;
    const lambda = p.utilization;
    const arrivalsPerSecond = (lambda * n * 1000) / SERVICE_MS;
    const warmupMs = (WARMUP_FRACTION * p.requests * 1000) / arrivalsPerSecond;

    const sim = new Simulation(seed);
    const ledger = new RequestLedger();
    const services = Array.from({ length: n }, (_, i) => new Service(sim, { name: `backend-${i}`, workers: 1, serviceTime: { kind: 'exponential', mean: SERVICE_MS } }));
    const tails = new QueueLengthTails(n, TAIL_LEVELS, warmupMs);
    const times = new Float64Array(p.requests);
    let measured = 0;
    const caller = new BalancedCaller(sim, {
      services,
      picker: balancerFor(p.choices, n),
      ledger,
      observer: {
        sent: (call, now) => tails.arrived(call.host, now),
        ended: (call: BalancedCall, now) => {
          tails.departed(call.host, now);
          if (call.sentAt >= warmupMs) times[measured++] = (call.endedAt - call.sentAt) / SERVICE_MS;
        },
      },
    });
    // Taken at the last arrival: the drain that follows has no arrivals and is no steady state.
    let tailFractions: number[] = [];
    const clients = new OpenLoopClients(sim, {
      rate: PiecewiseRate.constant(arrivalsPerSecond),
      untilMs: Infinity,
      maxRequests: p.requests,
      send: () => {
        caller.call();
        if (clients.started === p.requests) tailFractions = tails.fractions(sim.now);
      },
    });
    drainAndBalance(
      sim,
      ledger,
      // Two events per request (arrival, departure); the margin only guards against a model bug.
      { arrivals: clients, maxTimeMs: Infinity, maxEvents: 4 * p.requests + 1000, fractionDone: () => clients.started / p.requests },
      options,
    );

    const sojourns = times.subarray(0, measured);
    let sum = 0;
    for (let i = 0; i < measured; i++) sum += sojourns[i];
    const d = p.choices === 'all' ? undefined : Number(p.choices);
    const level = Array.from({ length: TAIL_LEVELS }, (_, i) => i + 1);
    return {
      summary: {
        meanTime: measured > 0 ? sum / measured : 0,
        expectedMeanTime: d === undefined ? 1 : supermarketMeanTime(lambda, d),
        p99Time: measured > 0 ? selectQuantile(sojourns, 0.99) : 0,
        maxQueueLength: tails.maxLength,
        ...ledger.counts(),
      },
      tails: {
        level,
        measured: tailFractions,
        expected: level.map((i) => (d === undefined ? (i === 1 ? lambda : 0) : supermarketTail(lambda, d, i))),
      },
    };
  },
});
