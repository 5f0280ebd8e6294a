import type { ConsistentHashingResult } from '../../../../simulations/scenarios/consistent-hashing.ts';
import type { HashingMeta } from './hashing-plan.ts';
import type { HashMethod } from './hashing-specs.ts';

/** A sampled key and its backend before and after, as numbers 1..n(+1) in the order the scenario lists backends. */
export interface SampledKey {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

export interface MethodOutcome {
  readonly method: HashMethod;
  readonly movedFraction: number;
  readonly idealMovedFraction: number;
  /** Keys moved between two backends present both before and after: moves nothing required. */
  readonly excessMovedFraction: number;
  readonly maxOverMean: number;
  readonly relativeStdev: number;
  readonly sample: SampledKey[];
}

export interface HashingSideView {
  readonly label: string;
  readonly keys: number;
  /** Set for a preview of fewer keys: the first keys looked up so far. */
  readonly keysRun?: number;
  readonly backends: number;
  readonly change: 'add' | 'remove';
  /** Number (1-based) of the backend that was added or removed. */
  readonly changed: number;
  readonly methods: MethodOutcome[];
}

export interface HashingView {
  readonly sides: HashingSideView[];
}

/** Results: per side, the methods run (`meta.methods`). Backends are numbered by their place in the scenario's list, the same for every method. */
export function reduceHashing(results: ConsistentHashingResult[][], meta: HashingMeta): HashingView {
  return {
    sides: meta.sides.map((side, i): HashingSideView => {
      const rs = results[i];
      const keysRun = meta.keysRun?.[i];
      return {
        label: side.label,
        keys: side.values.keys,
        ...(keysRun !== undefined && keysRun < side.values.keys ? { keysRun } : {}),
        backends: side.values.backends,
        change: side.values.change,
        changed: rs[0].changedBackend + 1,
        methods: meta.methods.map((method, i): MethodOutcome => {
          const r = rs[i];
          const number = new Map(r.backends.map((b, k) => [b.id, k + 1]));
          return {
            method,
            movedFraction: r.summary.movedFraction,
            idealMovedFraction: r.summary.idealMovedFraction,
            excessMovedFraction: r.summary.excessMovedFraction,
            maxOverMean: r.summary.maxOverMean,
            relativeStdev: r.summary.relativeStdev,
            sample: r.moves.map((mv) => ({ key: mv.key, from: number.get(mv.from)!, to: number.get(mv.to)! })),
          };
        }),
      };
    }),
  };
}
