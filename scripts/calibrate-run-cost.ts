/**
 * Checks simulations/cli/run-cost.ts against the clock: for each scenario,
 * the defaults and random parameter sets (drawn from a seeded generator,
 * those estimated to take at most --max-seconds), each run once and timed;
 * prints measured / estimated per scenario, over the runs that took at least
 * 50 ms (shorter ones time start-up, not the work). A ratio well above 1 means the
 * estimator under-counts (raise its time per unit); well below 1, it over-counts.
 *
 *   npx tsx scripts/calibrate-run-cost.ts [--samples 8] [--max-seconds 3] [--seed 1]
 */
import { randomLcg } from 'd3-random';
import { intParam, numberParam, type ParamSpecs, type ParamValues } from '../src/params/params.ts';
import { scenarios } from '../simulations/scenarios/index.ts';
import type { Scenario } from '../simulations/scenario.ts';
import { runCosts } from '../simulations/cli/run-cost.ts';
import { consoleIo, isProgram, runAsProgram, type Command, type CommandIo } from '../examples/shared/command.ts';
import type { ParsedFlags } from '../src/params/flags.ts';

const params = {
  samples: intParam({ label: 'Random parameter sets per scenario', min: 0, max: 100, default: 8 }),
  maxSeconds: numberParam({ label: 'Skip sets estimated to take longer', min: 0.1, max: 60, default: 3, unit: 's' }),
  seed: intParam({ label: 'Seed of the parameter draws', min: 0, max: 2 ** 31 - 1, default: 1 }),
};

export const calibrateRunCostCommand: Command<typeof params> = {
  name: 'calibrate-run-cost',
  invocation: 'npx tsx scripts/calibrate-run-cost.ts',
  about: 'Times scenario runs and prints measured / estimated seconds per scenario, for simulations/cli/run-cost.ts.',
  flags: { params },
};

const MIN_MEASURED_SECONDS = 0.05;

function draw(specs: ParamSpecs, random: () => number): ParamValues<ParamSpecs> {
  const out: ParamValues<ParamSpecs> = {};
  for (const [k, p] of Object.entries(specs)) {
    if (p.kind === 'boolean') out[k] = random() < 0.5;
    else if (p.kind === 'enum') out[k] = p.options[Math.floor(random() * p.options.length)];
    else {
      // Log-uniform where the range spans orders of magnitude, so small and large settings are both tried.
      const x = p.scale === 'log' && p.min > 0 ? p.min * (p.max / p.min) ** random() : p.min + (p.max - p.min) * random();
      out[k] = p.integer ? Math.round(x) : x;
    }
  }
  return out;
}

function calibrate(flags: ParsedFlags<typeof params>, io: CommandIo): number {
  const v = flags.values;
  const random = randomLcg(v.seed);
  io.out(`${'scenario'.padEnd(22)} runs  worst measured/estimated  median`);
  for (const [name, scenario] of Object.entries(scenarios) as [string, Scenario][]) {
    const estimate = runCosts[name];
    if (!estimate) {
      io.out(`${name.padEnd(22)} no estimator`);
      continue;
    }
    const sets = [
      Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.default])),
      ...Array.from({ length: v.samples }, () => draw(scenario.params, random)),
    ];
    const ratios: number[] = [];
    for (const p of sets) {
      const estimated = estimate(p);
      // A random set may be invalid as a whole (a start after the end); the CLI would refuse it too.
      if (!(estimated <= v.maxSeconds)) continue;
      const t0 = performance.now();
      try {
        scenario.run(p, 1);
      } catch {
        continue;
      }
      const measured = (performance.now() - t0) / 1000;
      // Runs of a few milliseconds measure start-up and compilation, not the estimator.
      if (measured >= MIN_MEASURED_SECONDS) ratios.push(measured / estimated);
    }
    ratios.sort((a, b) => a - b);
    const worst = ratios.at(-1);
    const median = ratios[Math.floor(ratios.length / 2)];
    io.out(
      `${name.padEnd(22)} ${String(ratios.length).padStart(4)}  ${worst === undefined ? '-' : worst.toFixed(2).padStart(24)}  ${median === undefined ? '-' : median.toFixed(2)}`,
    );
  }
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(calibrateRunCostCommand, async (flags) => calibrate(flags, consoleIo));
