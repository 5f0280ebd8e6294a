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
import { enumParam, intParam, numberParam, type ParamValues } from '../../src/params/params.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { supermarketMeanTime, supermarketTail } from '../theory/supermarket.ts';

const choiceOptions = ['1', '2', '3', '4', 'all'] as const;

const params = {
  backends: intParam({ label: 'Backends', default: 100, min: 2, max: 500, scale: 'log', help: 'n single-worker FIFO queues with exponential service at rate 1.' }),
  utilization: numberParam({ label: 'Utilization', default: 0.9, min: 0.05, max: 0.99, step: 0.01, help: 'λ: arrivals at rate λn, so each backend is busy a fraction λ of the time.' }),
  choices: enumParam({
    label: 'Choices',
    default: '2',
    options: choiceOptions,
    optionLabels: { '1': '1 (random)', '2': '2 (power of two choices)', '3': '3', '4': '4', all: 'all (join the shortest queue)' },
    help: 'Queues sampled per arrival (with replacement); the arrival joins the shortest.',
  }),
  requests: intParam({ label: 'Requests', default: 100_000, min: 100, max: 500_000, step: 100, scale: 'log', help: 'Arrivals in the run; the first tenth of the run is a warm-up left out of the statistics.' }),
};

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
  name: 'supermarket',
  title: 'Supermarket model: shortest of d queues',
  description:
    'Poisson arrivals to n single-worker queues, each joining the shortest of d randomly chosen queues (or of all of them): with two choices instead of one the mean time in system drops from 1/(1 − λ) to nearly constant.',
  params,
  summaryDoc: {
    meanTime: 'mean time in system (wait + service) after the warm-up, in mean service times',
    expectedMeanTime:
      'the same in the n → ∞ limit: Σ_{i≥1} λ^((d^i − d)/(d − 1)) for d ≥ 2 (Mitzenmacher), 1/(1 − λ) for d = 1 (M/M/1), 1 for all (no wait)',
    p99Time: '99th percentile of the time in system after the warm-up, in mean service times',
    maxQueueLength: 'the longest queue (waiting + in service) any backend had at any time',
    requests: 'requests started',
    succeeded: 'requests served (all of them: queues are unbounded and nobody times out)',
    failed: 'requests that failed (none here)',
    rejected: 'requests the balancer had no host for (none here)',
    timedOut: 'requests abandoned by their client (none here)',
    shed: 'requests turned away by a full queue (none here)',
  },
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
