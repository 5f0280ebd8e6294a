import type { ParamSpecs, ParamValues } from '../src/params/params.ts';
import type { RunOptions, Scenario, ScenarioResult, Summary } from './scenario.ts';

/**
 * The seed of run `i` of a batch started from `seed`: `seed + i`. Run 0 of a
 * batch is therefore exactly the single run with the same seed, so a reader
 * can replay any run of a batch on its own (`--seed S --runs K` covers seeds
 * S, S+1, ..., S+K-1). Neighbouring seeds are independent: every named stream
 * mixes the seed through `deriveSeed`.
 */
export function batchSeed(seed: number, i: number): number {
  return seed + i;
}

/**
 * Runs a scenario `runs` times on seeds `batchSeed(seed, 0..runs-1)` and
 * averages the summaries (see `meanSummary`). One run returns its summary
 * unchanged.
 */
export function runMany<S extends ParamSpecs, R extends ScenarioResult>(
  scenario: Scenario<S, R>,
  params: ParamValues<S>,
  seed: number,
  runs: number,
  options: RunOptions = {},
): Summary {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  const { onProgress } = options;
  const summaries: Summary[] = [];
  for (let i = 0; i < runs; i++) {
    const runOptions: RunOptions = onProgress ? { onProgress: (f) => onProgress((i + f) / runs) } : {};
    summaries.push(scenario.run(params, batchSeed(seed, i), runOptions).summary);
    onProgress?.((i + 1) / runs);
  }
  return meanSummary(summaries);
}

/**
 * The mean of each key over several summaries, keys in the order of the first.
 * A boolean becomes the fraction of summaries in which it held (so
 * `recovered: 0.9` means 9 runs in 10 recovered). A single summary is returned
 * as it is, booleans included.
 */
export function meanSummary(summaries: readonly Summary[]): Summary {
  if (summaries.length === 0) throw new RangeError('meanSummary needs at least one summary');
  if (summaries.length === 1) return summaries[0];
  const out: Summary = {};
  for (const key of Object.keys(summaries[0])) {
    let sum = 0;
    for (const s of summaries) {
      const v = s[key];
      if (v === undefined) throw new Error(`summary key "${key}" is missing from some runs`);
      sum += typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    out[key] = sum / summaries.length;
  }
  return out;
}
