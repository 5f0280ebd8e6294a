import { cascadeWidget } from '../../src/components/circuit-breaker/cascade/cascade-widget.ts';
import type { CascadeView } from '../../src/components/circuit-breaker/cascade/cascade-view.ts';
import { replayWidget } from '../../src/components/circuit-breaker/replay/replay-widget.ts';
import type { ReplayRunNumbers, ReplayView } from '../../src/components/circuit-breaker/replay/replay-view.ts';
import { binsWidget } from '../../src/components/load-balancing/bins/bins-widget.ts';
import type { BinsView } from '../../src/components/load-balancing/bins/bins-view.ts';
import { supermarketWidget } from '../../src/components/load-balancing/supermarket/supermarket-widget.ts';
import type { SupermarketView } from '../../src/components/load-balancing/supermarket/supermarket-view.ts';
import type { PolicyChoice } from '../../src/components/load-balancing/supermarket/supermarket-specs.ts';
import { compareWidget } from '../../src/components/load-balancing/balancer-compare/compare-widget.ts';
import type { CompareView } from '../../src/components/load-balancing/balancer-compare/compare-view.ts';
import type { HeterogeneousAlgorithm } from '../../simulations/scenarios/lb-heterogeneous.ts';
import { hashingWidget } from '../../src/components/load-balancing/hashing/hashing-widget.ts';
import type { HashingView } from '../../src/components/load-balancing/hashing/hashing-view.ts';
import type { HashMethod } from '../../src/components/load-balancing/hashing/hashing-specs.ts';
import { timelineWidget } from '../../src/components/health/timeline/timeline-widget.ts';
import type { TimelineView as HealthTimelineView } from '../../src/components/health/timeline/timeline-view.ts';
import { failoverWidget } from '../../src/components/failover/timeline/timeline-widget.ts';
import type { TimelineView as FailoverTimelineView } from '../../src/components/failover/timeline/timeline-view.ts';
import { hedgingWidget } from '../../src/components/failover/hedging/hedging-widget.ts';
import type { HedgingView } from '../../src/components/failover/hedging/hedging-view.ts';
import { availabilityWidget } from '../../src/components/failover/availability/availability-widget.ts';
import type { AvailabilityView } from '../../src/components/failover/availability/availability-view.ts';
import { runnerWidget } from '../../src/components/chaos/runner/runner-widget.ts';
import type { RunnerView } from '../../src/components/chaos/runner/runner-view.ts';
import { playgroundWidget } from '../../src/components/chaos/playground/playground-widget.ts';
import { mapWidget } from '../../src/components/chaos/map/map-widget.ts';
import type { MapView } from '../../src/components/chaos/map/map-view.ts';
import type { PlaygroundView } from '../../src/components/chaos/playground/playground-view.ts';
import { debriefGroup, type DebriefGroup } from '../../src/components/debrief/debrief-compute.ts';
import { budgetWidget } from '../../src/components/retry/budget/budget-widget.ts';
import type { BudgetView } from '../../src/components/retry/budget/budget-view.ts';
import { jitterWidget } from '../../src/components/retry/jitter/jitter-widget.ts';
import type { JitterView } from '../../src/components/retry/jitter/jitter-view.ts';
import type { StrategyKey } from '../../src/components/retry/jitter/jitter-specs.ts';
import { stormWidget } from '../../src/components/retry/storm/storm-widget.ts';

/**
 * The guides' "What to try" exercises, each as a widget preset and the
 * numbers its lead-in talks about. `npm run debriefs` runs them over seeds
 * 1-20 into src/components/debrief/debriefs.json; a test recomputes them.
 * Ids are `<page>-<exercise>`, as `<Debrief id=...>` names them on the page.
 */
export const debriefGroups: readonly DebriefGroup[] = [
  debriefGroup(jitterWidget, 'brooker', {
    'retry-jitter': [
      { label: 'Writes received, no backoff', digits: 0, of: (v) => strategy(v, 'none').calls.mean },
      { label: 'Writes received, exponential without jitter', digits: 0, of: (v) => strategy(v, 'exponential').calls.mean },
      { label: 'Writes received, full jitter', digits: 0, of: (v) => strategy(v, 'full').calls.mean },
      { label: 'Completion time, exponential without jitter', unit: 's', digits: 2, of: (v) => strategy(v, 'exponential').completion.mean },
      { label: 'Completion time, full jitter', unit: 's', digits: 2, of: (v) => strategy(v, 'full').completion.mean },
    ],
  }),
  debriefGroup(budgetWidget, 'outage', {
    'retry-amplification': [
      { label: 'Calls reaching the dependency per request, 1 retrying layer', digits: 1, of: (v) => amplification(v, 1) },
      { label: 'Calls reaching the dependency per request, 3 retrying layers', digits: 1, of: (v) => amplification(v, 3) },
    ],
    'retry-budgets': [
      { label: 'Attempts per request at failure rate 0.5, 3 retries', digits: 2, of: (v) => sweep(v, 'retries', 0.5, 'load') },
      { label: 'Attempts per request at failure rate 0.5, token bucket', digits: 2, of: (v) => sweep(v, 'token-bucket', 0.5, 'load') },
      { label: 'Attempts per request at failure rate 0.5, ratio budget', digits: 2, of: (v) => sweep(v, 'ratio-budget', 0.5, 'load') },
      { label: 'Success rate at failure rate 0.5, 3 retries', unit: '%', digits: 1, of: (v) => 100 * sweep(v, 'retries', 0.5, 'success') },
      { label: 'Success rate at failure rate 0.5, token bucket', unit: '%', digits: 1, of: (v) => 100 * sweep(v, 'token-bucket', 0.5, 'success') },
      { label: 'Success rate at failure rate 0.5, no retries', unit: '%', digits: 1, of: (v) => 100 * sweep(v, 'none', 0.5, 'success') },
    ],
  }),
  debriefGroup(stormWidget, 'compare-budget', {
    'retry-storm': [
      { label: 'Goodput after the spike, no protection', unit: 'req/s', digits: 0, of: (v) => v.sides[0].goodputAfter },
      { label: 'Goodput after the spike, token-bucket budget', unit: 'req/s', digits: 0, of: (v) => v.sides[1].goodputAfter },
      { label: 'Attempts per second after the spike, no protection', unit: 'attempts/s', digits: 0, of: (v) => v.sides[0].attemptsAfter },
      { label: 'Attempts per second after the spike, token-bucket budget', unit: 'attempts/s', digits: 0, of: (v) => v.sides[1].attemptsAfter },
    ],
  }),
  debriefGroup(replayWidget, 'errors', {
    'breaker-replay': [
      { label: 'Calls reaching the dependency during the outage, with the breaker', digits: 0, of: (v) => replay(v, true).callsDuringOutage },
      { label: 'Calls reaching the dependency during the outage, without', digits: 0, of: (v) => replay(v, false).callsDuringOutage },
      { label: 'Requests that fail, with the breaker', digits: 0, of: (v) => replay(v, true).callerErrors },
      { label: 'Requests that fail, without', digits: 0, of: (v) => replay(v, false).callerErrors },
      { label: 'p99 latency, with the breaker', unit: 'ms', digits: 0, of: (v) => replay(v, true).latencyP99 },
      { label: 'p99 latency, without', unit: 'ms', digits: 0, of: (v) => replay(v, false).latencyP99 },
    ],
  }),
  debriefGroup(cascadeWidget, 'compare-protection', {
    'breaker-cascade': [
      { label: "A's goodput on traffic not needing B, during the fault, no protection", unit: 'req/s', digits: 0, of: (v) => cascade(v, 0).independentDuring },
      {
        label: "A's goodput on traffic not needing B, during the fault, timeout + bulkhead + breaker",
        unit: 'req/s',
        digits: 0,
        of: (v) => cascade(v, 1).independentDuring,
      },
      { label: "A's busy workers during the fault, no protection", digits: 1, of: (v) => cascade(v, 0).busyDuring },
      { label: "A's busy workers during the fault, timeout + bulkhead + breaker", digits: 1, of: (v) => cascade(v, 1).busyDuring },
    ],
  }),
  debriefGroup(binsWidget, 'default', {
    'lb-choices': [
      { label: 'Busiest backend after 10,000 requests, one choice', digits: 0, of: (v) => bins(v, 1).final.mean },
      { label: 'Busiest backend after 10,000 requests, two choices', digits: 0, of: (v) => bins(v, 2).final.mean },
      { label: "Busiest backend's excess over the mean of 100, one choice", digits: 0, of: (v) => bins(v, 1).final.mean - meanLoad(v) },
      { label: "Busiest backend's excess over the mean of 100, two choices", digits: 0, of: (v) => bins(v, 2).final.mean - meanLoad(v) },
    ],
  }),
  debriefGroup(supermarketWidget, 'default', {
    'lb-supermarket': [
      { label: 'Mean time in system at utilization 0.9, one choice', unit: 'service times', digits: 1, of: (v) => supermarket(v, '1', 0.9) },
      { label: 'Mean time in system at utilization 0.9, two choices', unit: 'service times', digits: 2, of: (v) => supermarket(v, '2', 0.9) },
      { label: 'Mean time in system at utilization 0.95, one choice', unit: 'service times', digits: 1, of: (v) => supermarket(v, '1', 0.95) },
      { label: 'Backends holding 6 requests or more at 0.9, two choices', unit: '%', digits: 2, of: (v) => 100 * supermarketTail(v, '2', 6) },
    ],
  }),
  debriefGroup(compareWidget, 'rr-vs-p2c', {
    'lb-compare': [
      { label: 'Requests that fail or time out, round robin', unit: '%', digits: 1, of: (v) => 100 * balancer(v, 'round-robin').errorRate },
      { label: 'Requests that fail or time out, least request', unit: '%', digits: 1, of: (v) => 100 * balancer(v, 'least-request').errorRate },
      { label: 'p99 latency, round robin', unit: 'ms', digits: 0, of: (v) => balancer(v, 'round-robin').latencyP99 },
      { label: 'p99 latency, least request', unit: 'ms', digits: 0, of: (v) => balancer(v, 'least-request').latencyP99 },
    ],
  }),
  debriefGroup(hashingWidget, 'add', {
    'lb-hashing': [
      { label: 'Keys moved by adding an eleventh backend, hash mod n', unit: '%', digits: 1, of: (v) => 100 * hashing(v, 'modulo').movedFraction },
      { label: 'Keys moved, ring hash', unit: '%', digits: 1, of: (v) => 100 * hashing(v, 'ring-hash').movedFraction },
      { label: 'Keys moved, Maglev', unit: '%', digits: 1, of: (v) => 100 * hashing(v, 'maglev').movedFraction },
      { label: 'Keys moved needlessly, hash mod n', unit: '%', digits: 1, of: (v) => 100 * hashing(v, 'modulo').excessMovedFraction },
      { label: 'Keys moved needlessly, ring hash', unit: '%', digits: 1, of: (v) => 100 * hashing(v, 'ring-hash').excessMovedFraction },
      { label: 'Keys moved needlessly, Maglev', unit: '%', digits: 2, of: (v) => 100 * hashing(v, 'maglev').excessMovedFraction },
    ],
  }),
  debriefGroup(timelineWidget, 'compare-outlier', {
    'health-timeline': [
      { label: 'Mean detection time, active checks alone', unit: 's', digits: 2, of: (v) => health(v, 0).detectionTimeMean / 1000 },
      { label: 'Slowest detection, active checks alone', unit: 's', digits: 2, of: (v) => health(v, 0).detectionTimeMax / 1000 },
      { label: 'Requests lost per failure, active checks alone', digits: 0, of: (v) => health(v, 0).errorsBeforeDetection },
      { label: 'Mean detection time, with outlier detection', unit: 's', digits: 2, of: (v) => health(v, 1).detectionTimeMean / 1000 },
      { label: 'Requests lost per failure, with outlier detection', digits: 0, of: (v) => health(v, 1).errorsBeforeDetection },
      {
        label: 'Share of the run the healthy but flaky backend spends out of rotation, with outlier detection',
        unit: '%',
        digits: 0,
        of: (v) => 100 * health(v, 1).flakyOutFraction,
      },
    ],
  }),
  debriefGroup(failoverWidget, 'default', {
    'failover-timeline': [
      { label: 'Time from the failure until traffic moves', unit: 's', digits: 2, of: (v) => failover(v).detectionTime / 1000 },
      { label: 'Requests that fail meanwhile', digits: 0, of: (v) => failover(v).failedDuringSwitch },
      { label: 'Time from the end of the outage until traffic comes back', unit: 's', digits: 1, of: (v) => failover(v).failbackTime / 1000 },
    ],
  }),
  debriefGroup(hedgingWidget, 'default', {
    'failover-hedging': [
      { label: 'p99 latency without hedging', unit: 'ms', digits: 1, of: (v) => v.sides[0].unhedged.p99 },
      { label: 'p99 latency hedged after 50 ms', unit: 'ms', digits: 1, of: (v) => v.sides[0].hedged.p99 },
      { label: 'p99.9 latency hedged after 50 ms', unit: 'ms', digits: 1, of: (v) => v.sides[0].hedged.p999 },
      { label: 'Extra attempts, hedged after 50 ms', unit: '%', digits: 1, of: (v) => 100 * v.sides[0].hedged.extraLoad },
    ],
  }),
  debriefGroup(availabilityWidget, 'default', {
    'failover-availability': [
      { label: 'Downtime a year, two replicas with a 10 s failover, simulated', unit: 'min', digits: 2, of: (v) => v.sides[0].summary.downtimeMinutesPerYear },
      { label: 'Downtime a year, nine replicas, simulated', unit: 'min', digits: 2, of: (v) => replicas(v, 9).simulated },
    ],
    'intro-nines': [
      { label: 'Downtime a year, two replicas with a 10 s failover, simulated', unit: 'min', digits: 2, of: (v) => v.sides[0].summary.downtimeMinutesPerYear },
      { label: 'Downtime a year, five replicas, simulated', unit: 'min', digits: 2, of: (v) => replicas(v, 5).simulated },
    ],
  }),
  debriefGroup(runnerWidget, 'compare-fault', {
    'chaos-runner': [
      { label: 'Requests served over the run, 300 ms of latency into B', unit: '%', digits: 1, of: (v) => 100 * runner(v, 0).successRateOverall },
      { label: 'Requests served over the run, errors into B', unit: '%', digits: 2, of: (v) => 100 * runner(v, 1).successRateOverall },
      { label: 'p99 latency over the run, latency into B', unit: 'ms', digits: 0, of: (v) => runner(v, 0).p99Overall },
      { label: 'p99 latency over the run, errors into B', unit: 'ms', digits: 0, of: (v) => runner(v, 1).p99Overall },
    ],
  }),
  // Two grids of 25 retry-storm runs a seed: five seeds keep the recompute test short.
  debriefGroup(
    mapWidget,
    'compare-budget',
    {
      'chaos-metastability': [
        { label: 'Spikes recovered from, of 25, no defences', digits: 0, of: (v: MapView) => v.sides[0].recoveredCells },
        { label: 'Spikes recovered from, of 25, with a retry budget', digits: 0, of: (v: MapView) => v.sides[1].recoveredCells },
      ],
    },
    { seeds: 5 },
  ),
  debriefGroup(playgroundWidget, 'compare-position', {
    'chaos-injector': [
      { label: 'Executions the injector acted on, innermost', unit: '%', digits: 1, of: (v) => 100 * injector(v, 0).observedRate },
      { label: 'Calls failing with the injected fault, innermost (inside the retry)', unit: '%', digits: 1, of: (v) => 100 * injector(v, 0).injectedFault },
      { label: 'Attempts per call, innermost', digits: 2, of: (v) => injector(v, 0).attemptsPerCall },
      { label: 'Calls failing with the injected fault, outermost (outside the retry)', unit: '%', digits: 1, of: (v) => 100 * injector(v, 1).injectedFault },
    ],
  }),
];

function strategy(v: JitterView, key: StrategyKey) {
  const s = v.sides[0].strategies.find((x) => x.key === key);
  if (!s) throw new Error(`jitter view has no strategy ${key}`);
  return s;
}

function amplification(v: BudgetView, layers: number): number {
  const a = v.sides[0].amplification;
  const i = a.layers.indexOf(layers);
  if (i < 0) throw new Error(`budget view has no amplification for ${layers} layers`);
  return ranValue(a.simulated[i], `budget amplification for ${layers} layers`);
}

function sweep(v: BudgetView, policy: string, rate: number, what: 'load' | 'success'): number {
  const side = v.sides[0];
  const i = side.rates.findIndex((r) => Math.abs(r - rate) < 1e-9);
  const p = side.policies.find((x) => x.policy === policy);
  if (i < 0 || !p) throw new Error(`budget sweep has no ${policy} at ${rate}`);
  return ranValue(p[what][i], `budget sweep ${policy} at ${rate}`);
}

/** A value of a widget's view, which is null only in a partial view (a preview): debriefs reduce whole plans. */
function ranValue(v: number | null, what: string): number {
  if (v === null) throw new Error(`${what}: not run (a partial view)`);
  return v;
}

function replay(v: ReplayView, withBreaker: boolean): ReplayRunNumbers {
  const r = v.runs.find((x) => x.hasBreaker === withBreaker);
  if (!r) throw new Error(`breaker replay has no run ${withBreaker ? 'with' : 'without'} a breaker`);
  return r.numbers;
}

function cascade(v: CascadeView, side: number) {
  const s = v.sides[side];
  if (!s) throw new Error(`cascade view has no side ${side}`);
  return s;
}

function bins(v: BinsView, choices: number) {
  const c = v.sides[0].curves.find((x) => x.choices === choices);
  if (!c) throw new Error(`bins view has no curve for ${choices} choices`);
  return c;
}

function meanLoad(v: BinsView): number {
  return v.sides[0].requests / v.sides[0].backends;
}

function supermarketPolicy(v: SupermarketView, choices: PolicyChoice) {
  const p = v.sides[0].policies.find((x) => x.choices === choices);
  if (!p) throw new Error(`supermarket view has no policy ${choices}`);
  return p;
}

function supermarket(v: SupermarketView, choices: PolicyChoice, utilization: number): number {
  const i = v.sides[0].rates.findIndex((r) => Math.abs(r - utilization) < 1e-9);
  if (i < 0) throw new Error(`supermarket sweep has no utilization ${utilization}`);
  return ranValue(supermarketPolicy(v, choices).meanTime[i], `supermarket ${choices} at ${utilization}`);
}

function supermarketTail(v: SupermarketView, choices: PolicyChoice, level: number): number {
  const t = supermarketPolicy(v, choices).tails;
  if (!t) throw new Error(`supermarket tails of ${choices}: not run (a partial view)`);
  const i = t.level.indexOf(level);
  if (i < 0) throw new Error(`supermarket tails have no level ${level}`);
  return t.measured[i];
}

function balancer(v: CompareView, algorithm: HeterogeneousAlgorithm) {
  const r = v.sides[0].runs.find((x) => x.algorithm === algorithm);
  if (!r) throw new Error(`balancer comparison has no run of ${algorithm}`);
  return r;
}

function hashing(v: HashingView, method: HashMethod) {
  const m = v.sides[0].methods.find((x) => x.method === method);
  if (!m) throw new Error(`hashing view has no method ${method}`);
  return m;
}

function health(v: HealthTimelineView, side: number) {
  const s = v.sides[side];
  if (!s) throw new Error(`health timeline view has no side ${side}`);
  return s.summary;
}

function failover(v: FailoverTimelineView) {
  return v.sides[0].summary;
}

function replicas(v: AvailabilityView, n: number) {
  const p = v.sides[0].byReplicas.find((x) => x.replicas === n);
  if (!p) throw new Error(`availability view has no point for ${n} replicas`);
  return p;
}

function runner(v: RunnerView, side: number) {
  const s = v.sides[side];
  if (!s) throw new Error(`experiment runner view has no side ${side}`);
  const { successRateOverall, p99Overall } = s;
  if (successRateOverall === null || p99Overall === null) throw new Error('experiment runner view is a preview: it has no whole-run numbers');
  return { ...s, successRateOverall, p99Overall };
}

function injector(v: PlaygroundView, side: number) {
  const s = v.sides[side];
  if (!s) throw new Error(`fault injection view has no side ${side}`);
  return s.summary;
}
