import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultValues, type ParamSpec, type ParamSpecs } from '../../../src/params/params.ts';
import { runCli } from '../../../simulations/cli/run-cli.ts';
import { runFlags } from '../../../simulations/cli/parse-args.ts';
import { runCosts, type RunCostEstimator } from '../../../simulations/cli/run-cost.ts';
import { scenarios } from '../../../simulations/scenarios/index.ts';
import { fakeRegistry } from './fake-registry.ts';

function cli(argv: string[], costs?: Readonly<Record<string, RunCostEstimator>>, registry = fakeRegistry) {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) }, registry, costs);
  return { code, out, err };
}

function value(p: ParamSpec): fc.Arbitrary<number | string | boolean> {
  if (p.kind === 'boolean') return fc.boolean();
  if (p.kind === 'enum') return fc.constantFrom(...p.options);
  return p.integer ? fc.integer({ min: p.min, max: p.max }) : fc.double({ min: p.min, max: p.max, noNaN: true });
}

const validParams = (specs: ParamSpecs) => fc.record(Object.fromEntries(Object.entries(specs).map(([k, p]) => [k, value(p)])));

describe('run-cost estimators (issue 8, item 13)', () => {
  it.each(Object.keys(scenarios))('scenario %s has an estimator in simulations/cli/run-cost.ts', (name) => {
    expect(
      Object.hasOwn(runCosts, name),
      `scenario "${name}" has no run-cost estimator. Add to runCosts in simulations/cli/run-cost.ts: ` +
        `'${name}': costOf(<its scenario object>, <seconds per unit of work> * ns, (p) => <units of work its parameters imply, e.g. requests × attempts>), ` +
        `calibrated with: npx tsx scripts/calibrate-run-cost.ts`,
    ).toBe(true);
  });

  it.each(Object.entries(scenarios))('%s: the estimate is a positive finite number of seconds for any valid parameters (property)', (name, scenario) => {
    const estimate = runCosts[name];
    if (!estimate) return; // the test above says what to add
    fc.assert(
      fc.property(validParams(scenario.params), (p) => {
        const seconds = estimate(p);
        expect(Number.isFinite(seconds)).toBe(true);
        expect(seconds).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });

  it("no scenario declares a parameter named like one of the CLI's own flags", () => {
    for (const s of Object.values(scenarios))
      for (const flag of [...Object.keys(runFlags), 'json', 'list', 'help']) expect(Object.keys(s.params), s.name).not.toContain(flag);
  });

  it('the runs of the issue are refused at once with exit 2, a clear message and the flag that raises the budget', () => {
    const amplification = cli(['retry-amplification', '--layers', '6', '--retries', '5', '--requests', '100000'], undefined, scenarios);
    expect(amplification.code).toBe(2);
    expect(amplification.out).toBe('');
    expect(amplification.err).toMatch(/^error: retry-amplification would take about .+ by its estimate, over the budget of 60 s\nhint: .*--time-budget \d+\n$/);
    const maxima = ['--clients', '100', '--rate', '100', '--duration', '600', '--retries', '10'];
    const budget = cli(['retry-budget', ...maxima, '--runs', '10000'], undefined, scenarios);
    expect(budget.code).toBe(2);
    expect(budget.err).toMatch(/retry-budget × 10000 runs would take about [\d.]+ days by its estimate/);
  });

  it('--time-budget raises the limit; a run estimated over a few seconds reports its progress on stderr, the result still alone on stdout', () => {
    const slowEcho = { echo: () => 10 };
    expect(cli(['echo', '--runs', '10'], slowEcho).code).toBe(2);
    const r = cli(['echo', '--runs', '10', '--time-budget', '100', '--json'], slowEcho);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).runs).toBe(10);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toBe('echo × 10 runs: about 100 s by its estimate; progress follows');
    expect(lines.slice(1)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((p) => `echo × 10 runs: ${p}%`));
  });

  it('a run estimated under a few seconds prints nothing on stderr', () => {
    const r = cli(['echo', '--json'], { echo: () => 0.5 });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('--time-budget is read by the strict parser like any flag', () => {
    for (const bad of ['0', '1e3', '0x10', '86401', ' 5']) expect(cli(['echo', '--time-budget', bad]).code).toBe(2);
    expect(defaultValues(runFlags).timeBudget).toBe(60);
  });
});
