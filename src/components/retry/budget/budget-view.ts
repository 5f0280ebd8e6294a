import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import type { RetryAmplificationResult } from '../../../../simulations/scenarios/retry-amplification.ts';
import type { RetryBudgetResult } from '../../../../simulations/scenarios/retry-budget.ts';
import { MAX_LAYERS, type BudgetMeta } from './budget-plan.ts';
import { retryPolicies, type Policy } from './budget-specs.ts';

export interface AmplificationView {
  readonly layers: number[];
  readonly simulated: number[];
  readonly theory: number[];
  readonly requests: number[];
}

export interface PolicySweep {
  readonly policy: Policy;
  /** Attempts per request, one per failure rate. */
  readonly load: number[];
  /** Fraction of requests that succeeded, one per failure rate. */
  readonly success: number[];
}

export interface BudgetSideView {
  readonly label: string;
  readonly layers: number;
  readonly retries: number;
  readonly failureRate: number;
  readonly amplification: AmplificationView;
  readonly rates: number[];
  readonly policies: PolicySweep[];
}

export interface BudgetView {
  readonly sides: BudgetSideView[];
}

/** Results come in plan order: per side, the amplification runs (1..6 layers), then each policy's sweep. */
export function reduceBudget(results: ScenarioResult[], meta: BudgetMeta): BudgetView {
  let at = 0;
  const take = <R>(n: number) => {
    const out = results.slice(at, at + n) as unknown as R[];
    at += n;
    return out;
  };
  return {
    sides: meta.sides.map((side): BudgetSideView => {
      const amp = take<RetryAmplificationResult>(MAX_LAYERS);
      const policies = retryPolicies.map((policy): PolicySweep => {
        const rs = take<RetryBudgetResult>(side.rates.length);
        return { policy, load: rs.map((r) => r.summary.load), success: rs.map((r) => r.summary.successRate) };
      });
      return {
        label: side.label,
        layers: side.values.layers,
        retries: side.values.retries,
        failureRate: side.values.failureRate,
        amplification: {
          layers: amp.map((_, i) => i + 1),
          simulated: amp.map((r) => r.summary.amplification),
          theory: amp.map((r) => r.summary.expectedAmplification),
          requests: side.requests,
        },
        rates: side.rates,
        policies,
      };
    }),
  };
}
