import type { SupermarketResult } from '../../../../simulations/scenarios/supermarket.ts';
import type { SupermarketMeta } from './supermarket-plan.ts';
import { policies, type PolicyChoice } from './supermarket-specs.ts';

export interface PolicySweep {
  readonly choices: PolicyChoice;
  /** Mean time in system at each utilization of the sweep, in mean service times. */
  readonly meanTime: number[];
  /** The n → ∞ limit at each utilization. */
  readonly expected: number[];
  /** At the chosen utilization: the fraction of backends with at least `level` requests. */
  readonly tails: { readonly level: number[]; readonly measured: number[]; readonly expected: number[] };
}

export interface SupermarketSideView {
  readonly label: string;
  readonly backends: number;
  readonly requests: number;
  readonly utilization: number;
  readonly rates: number[];
  readonly policies: PolicySweep[];
}

export interface SupermarketView {
  readonly sides: SupermarketSideView[];
}

/** Results: per side, per policy, the sweep. */
export function reduceSupermarket(results: SupermarketResult[][][], meta: SupermarketMeta): SupermarketView {
  return {
    sides: meta.sides.map((side, i): SupermarketSideView => {
      const chosen = side.rates.indexOf(side.values.utilization);
      return {
        label: side.label,
        backends: side.values.backends,
        requests: side.values.requests,
        utilization: side.values.utilization,
        rates: side.rates,
        policies: policies.map((p, k): PolicySweep => {
          const rs = results[i][k];
          return {
            choices: p.choices,
            meanTime: rs.map((r) => r.summary.meanTime),
            expected: rs.map((r) => r.summary.expectedMeanTime),
            tails: rs[chosen].tails,
          };
        }),
      };
    }),
  };
}
