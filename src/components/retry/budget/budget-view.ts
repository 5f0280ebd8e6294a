import type { BudgetMeta, BudgetSideRuns } from './budget-plan.ts';
import type { ResultsOf } from '../../frame/runner/run.ts';
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

/** Per side: the amplification runs (1..6 layers), and each policy's sweep over failure rates. */
export function reduceBudget(results: ResultsOf<BudgetSideRuns[]>, meta: BudgetMeta): BudgetView {
  return {
    sides: meta.sides.map((side, i): BudgetSideView => {
      const amp = results[i].amplification;
      const policies = retryPolicies.map((policy, k): PolicySweep => {
        const rs = results[i].policies[k];
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
