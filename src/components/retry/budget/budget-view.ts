import { expectedAmplification } from '../../../../simulations/scenarios/specs/retry-amplification.ts';
import type { BudgetMeta, BudgetSideRuns } from './budget-plan.ts';
import { MAX_LAYERS } from './budget-plan.ts';
import type { ResultsOf } from '../../frame/runner/run.ts';
import { retryPolicies, type Policy } from './budget-specs.ts';

export interface AmplificationView {
  /** Stack heights 1..6, in a partial view too. */
  readonly layers: number[];
  /** Calls per request each height's run measured; null where not run yet (a partial view). */
  readonly simulated: (number | null)[];
  /** The closed form at each height: a formula, known before any run (the runs report the same numbers). */
  readonly theory: number[];
  readonly requests: number[];
}

export interface PolicySweep {
  readonly policy: Policy;
  /** Attempts per request, one per failure rate; null where not run yet. */
  readonly load: (number | null)[];
  /** Fraction of requests that succeeded, one per failure rate; null where not run yet. */
  readonly success: (number | null)[];
}

export interface BudgetSideView {
  readonly label: string;
  readonly layers: number;
  readonly retries: number;
  readonly failureRate: number;
  readonly amplification: AmplificationView;
  /** The whole sweep, in a partial view too. */
  readonly rates: number[];
  readonly policies: PolicySweep[];
}

export interface BudgetView {
  readonly sides: BudgetSideView[];
}

/** Per side: the amplification runs (heights 1..6, or the first of them), and each policy's sweep over failure rates (or the rates it ran so far). */
export function reduceBudget(results: ResultsOf<BudgetSideRuns[]>, meta: BudgetMeta): BudgetView {
  return {
    sides: meta.sides.map((side, i): BudgetSideView => {
      const amp = results[i].amplification;
      const { retries, failureRate } = side.values;
      const policies = retryPolicies.map((policy, k): PolicySweep => {
        const rs = results[i].policies[k];
        const at = (rate: number) => {
          const j = side.ran[k].indexOf(rate);
          return j < 0 ? undefined : rs[j].summary;
        };
        return { policy, load: side.rates.map((r) => at(r)?.load ?? null), success: side.rates.map((r) => at(r)?.successRate ?? null) };
      });
      const layers = Array.from({ length: MAX_LAYERS }, (_, h) => h + 1);
      return {
        label: side.label,
        layers: side.values.layers,
        retries,
        failureRate,
        amplification: {
          layers,
          simulated: layers.map((_, h) => amp[h]?.summary.amplification ?? null),
          theory: layers.map((h) => expectedAmplification(h, retries, failureRate).byLayer[h]),
          requests: side.requests,
        },
        rates: side.rates,
        policies,
      };
    }),
  };
}

/** Whether every run of the side is in the view: the whole plan's, not a part of it. */
export function isComplete(side: BudgetSideView): boolean {
  return side.amplification.simulated.every((v) => v !== null) && side.policies.every((p) => p.load.every((v) => v !== null));
}
