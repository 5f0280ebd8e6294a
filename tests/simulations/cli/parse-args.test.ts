import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, MAX_RUNS, MAX_SEED } from '../../../simulations/cli/parse-args.ts';
import type { CliError, ParsedArgs } from '../../../simulations/cli/parse-args.ts';
import { kebabCase, toDecimal } from '../../../src/params/params.ts';
import { echo, fakeRegistry } from './fake-registry.ts';

function run(argv: string[]) {
  const r = parseArgs(argv, fakeRegistry);
  if (r.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(r)}`);
  return r;
}

function fail(argv: string[]): CliError {
  const r: ParsedArgs = parseArgs(argv, fakeRegistry);
  if (r.kind !== 'error') throw new Error(`expected an error for ${argv.join(' ')}, got ${r.kind}`);
  return r;
}

describe('parseArgs: runs', () => {
  it('fills in every default, seed 1, one run, table output', () => {
    const r = run(['echo']);
    expect(r.scenario).toBe(echo);
    expect(r.params).toEqual({ arrivalRate: 2.5, workers: 3, mode: 'fast', cancel: false });
    expect([r.seed, r.runs, r.json]).toEqual([1, 1, false]);
  });

  it('reads each kind of parameter from its kebab-case flag', () => {
    const r = run(['echo', '--arrival-rate', '0.5', '--workers', '8', '--mode', 'slow', '--cancel', 'true']);
    expect(r.params).toEqual({ arrivalRate: 0.5, workers: 8, mode: 'slow', cancel: true });
  });

  it('accepts --flag=value and flags before the scenario name', () => {
    const r = run(['--seed=42', '--json', '--workers=2', 'echo', '--runs', '7']);
    expect(r.params.workers).toBe(2);
    expect([r.seed, r.runs, r.json]).toEqual([42, 7, true]);
  });

  it('accepts the extreme seeds and run counts', () => {
    expect(run(['echo', '--seed', '0']).seed).toBe(0);
    expect(run(['echo', '--seed', String(MAX_SEED)]).seed).toBe(MAX_SEED);
    expect(run(['echo', '--runs', String(MAX_RUNS)]).runs).toBe(MAX_RUNS);
  });

  it('parsing the flags written from any valid values gives those values back', () => {
    const values = fc.record({
      arrivalRate: fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }),
      workers: fc.integer({ min: 1, max: 8 }),
      mode: fc.constantFrom('fast' as const, 'slow' as const),
      cancel: fc.boolean(),
    });
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: MAX_SEED }), (v, seed) => {
        const argv = [
          'echo',
          ...Object.entries(v).flatMap(([k, x]) => [`--${kebabCase(k)}`, typeof x === 'number' ? toDecimal(x) : String(x)]),
          '--seed',
          String(seed),
        ];
        const r = run(argv);
        // String(-0) is "0": the flag cannot carry the sign of zero, and needs not to.
        expect(r.params).toEqual({ ...v, arrivalRate: v.arrivalRate === 0 ? 0 : v.arrivalRate });
        expect(r.seed).toBe(seed);
      }),
    );
  });
});

describe('parseArgs: help and list', () => {
  it("--help and -h ask for the general help, or a scenario's", () => {
    expect(parseArgs(['--help'], fakeRegistry)).toEqual({ kind: 'help', scenario: undefined });
    expect(parseArgs(['-h'], fakeRegistry)).toEqual({ kind: 'help', scenario: undefined });
    expect(parseArgs(['echo', '--help'], fakeRegistry)).toEqual({ kind: 'help', scenario: echo });
  });

  it('--list, with or without --json', () => {
    expect(parseArgs(['--list'], fakeRegistry)).toEqual({ kind: 'list', json: false, scenario: undefined });
    expect(parseArgs(['--list', '--json'], fakeRegistry)).toEqual({ kind: 'list', json: true, scenario: undefined });
  });
});

describe('parseArgs: errors name the flag and what it accepts', () => {
  const cases: [argv: string[], message: RegExp, hint?: RegExp][] = [
    [[], /no scenario given/, /scenarios: echo/],
    [['nope'], /unknown scenario "nope"/, /scenarios: echo/],
    [['ecko'], /unknown scenario "ecko"/, /did you mean echo\?/],
    [['constructor'], /unknown scenario "constructor"/],
    [['echo', 'extra'], /unexpected argument "extra"/],
    [['echo', '--bogus', '1'], /unknown flag --bogus/, /--arrival-rate --workers --mode --cancel --seed --runs --time-budget --json --help/],
    [['echo', '--worker', '2'], /unknown flag --worker/, /did you mean --workers\?/],
    [['echo', '--arrivalRate', '2'], /unknown flag --arrivalRate/, /did you mean --arrival-rate\?/],
    [['echo', '-w', '2'], /unknown option "-w"/, /two dashes/],
    [['echo', '--workers'], /--workers needs a value \(expected an integer from 1 to 8\)/],
    [['echo', '--workers', '--json'], /--workers needs a value/],
    [['echo', '--workers', '9'], /--workers: 9 is out of range \(expected an integer from 1 to 8\)/],
    [['echo', '--workers', '2.5'], /--workers: 2.5 is not a whole number/],
    [['echo', '--arrival-rate', 'abc'], /--arrival-rate: "abc" is not a number \(expected a number from 0 to 10 req\/s, in decimal\)/],
    [['echo', '--arrival-rate', 'Infinity'], /--arrival-rate: "Infinity" is not a number/],
    [['echo', '--mode', 'medium'], /--mode: "medium" is not one of fast, slow \(expected fast \| slow\)/],
    [['echo', '--cancel', 'maybe'], /--cancel: "maybe" is not true or false/],
    [['echo', '--workers', '2', '--workers', '3'], /--workers is given twice/],
    [['echo', '--json=yes'], /--json takes no value/],
    [['echo', '--runs', '0'], /--runs: 0 is out of range \(expected an integer from 1 to 10000\)/],
    [['echo', '--runs', '10001'], /--runs: 10001 is out of range/],
    [['echo', '--runs', '1.5'], /--runs: 1.5 is not a whole number/],
    [['echo', '--runs'], /--runs needs a value \(expected an integer from 1 to 10000\)/],
    [['echo', '--seed', '-1'], /--seed: -1 is out of range \(expected an integer from 0 to 4294967295\)/],
    [['echo', '--seed', '1e3'], /--seed: "1e3"/],
    [['echo', '--seed', String(MAX_SEED + 1)], /--seed/],
  ];
  it.each(cases)('%j', (argv, message, hint) => {
    const e = fail(argv);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
    expect(e.hint.length).toBeGreaterThan(0);
    if (hint) expect(e.hint).toMatch(hint);
  });
});
