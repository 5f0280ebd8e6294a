import type { ScenarioResult } from '../../../../simulations/scenario.ts';
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

/** Results come in plan order: per side, per policy, the sweep. */
export function reduceSupermarket(results: ScenarioResult[], meta: SupermarketMeta): SupermarketView {
  let at = 0;
  return {
    sides: meta.sides.map((side): SupermarketSideView => {
      const chosen = side.rates.indexOf(side.values.utilization);
      return {
        label: side.label,
        backends: side.values.backends,
        requests: side.values.requests,
        utilization: side.values.utilization,
        rates: side.rates,
        policies: policies.map((p): PolicySweep => {
          const rs = results.slice(at, at + side.rates.length) as unknown as SupermarketResult[];
          at += side.rates.length;
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
