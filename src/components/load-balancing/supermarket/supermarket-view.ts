import type { SupermarketResult } from '../../../../simulations/scenarios/supermarket.ts';
import type { SupermarketMeta } from './supermarket-plan.ts';
import { policies, type PolicyChoice } from './supermarket-specs.ts';

export interface PolicySweep {
  readonly choices: PolicyChoice;
  /** Mean time in system at each utilization of the sweep, in mean service times; null where not run yet (a partial view). */
  readonly meanTime: (number | null)[];
  /** The n → ∞ limit at each utilization, as the run reports it; null where not run yet. */
  readonly expected: (number | null)[];
  /** At the chosen utilization: the fraction of backends with at least `level` requests; null until that run is done. */
  readonly tails: { readonly level: number[]; readonly measured: number[]; readonly expected: number[] } | null;
}

export interface SupermarketSideView {
  readonly label: string;
  readonly backends: number;
  readonly requests: number;
  readonly utilization: number;
  /** The whole sweep, in a partial view too. */
  readonly rates: number[];
  readonly policies: PolicySweep[];
}

export interface SupermarketView {
  readonly sides: SupermarketSideView[];
}

/** Results: per side, per policy, the utilizations that plan ran (all of the sweep, or a part of it). */
export function reduceSupermarket(results: SupermarketResult[][][], meta: SupermarketMeta): SupermarketView {
  return {
    sides: meta.sides.map((side, i): SupermarketSideView => ({
      label: side.label,
      backends: side.values.backends,
      requests: side.values.requests,
      utilization: side.values.utilization,
      rates: side.rates,
      policies: policies.map((p, k): PolicySweep => {
        const at = (u: number) => {
          const j = side.ran[k].indexOf(u);
          return j < 0 ? undefined : results[i][k][j];
        };
        return {
          choices: p.choices,
          meanTime: side.rates.map((u) => at(u)?.summary.meanTime ?? null),
          expected: side.rates.map((u) => at(u)?.summary.expectedMeanTime ?? null),
          tails: at(side.values.utilization)?.tails ?? null,
        };
      }),
    })),
  };
}

/** Whether every run of the sweep is in the view: the whole plan's, not a part of it. */
export function isComplete(side: SupermarketSideView): boolean {
  return side.policies.every((p) => p.tails !== null && p.meanTime.every((v) => v !== null));
}
