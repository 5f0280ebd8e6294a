import { cascadeWidget } from '../../src/components/circuit-breaker/cascade/cascade-widget.ts';
import type { CascadeView } from '../../src/components/circuit-breaker/cascade/cascade-view.ts';
import { replayWidget } from '../../src/components/circuit-breaker/replay/replay-widget.ts';
import type { ReplayRunNumbers, ReplayView } from '../../src/components/circuit-breaker/replay/replay-view.ts';
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
      { label: "A's goodput on traffic not needing B, during the fault, timeout + bulkhead + breaker", unit: 'req/s', digits: 0, of: (v) => cascade(v, 1).independentDuring },
      { label: "A's busy workers during the fault, no protection", digits: 1, of: (v) => cascade(v, 0).busyDuring },
      { label: "A's busy workers during the fault, timeout + bulkhead + breaker", digits: 1, of: (v) => cascade(v, 1).busyDuring },
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
  return a.simulated[i];
}

function sweep(v: BudgetView, policy: string, rate: number, what: 'load' | 'success'): number {
  const side = v.sides[0];
  const i = side.rates.findIndex((r) => Math.abs(r - rate) < 1e-9);
  const p = side.policies.find((x) => x.policy === policy);
  if (i < 0 || !p) throw new Error(`budget sweep has no ${policy} at ${rate}`);
  return p[what][i];
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
