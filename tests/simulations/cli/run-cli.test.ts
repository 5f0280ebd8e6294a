import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../simulations/cli/parse-args.ts';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../../simulations/cli/run-cli.ts';
import { kebabCase } from '../../../src/params/params.ts';
import { scenarios } from '../../../simulations/scenarios/index.ts';
import type { ScenarioRegistry } from '../../../simulations/scenarios/index.ts';
import { fakeRegistry } from './fake-registry.ts';

function cli(argv: string[], registry: ScenarioRegistry = fakeRegistry) {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) }, registry);
  return { code, out, err };
}

describe('runCli', () => {
  it('--json prints exactly one JSON object with scenario, params, seed, runs and summary', () => {
    const r = cli(['echo', '--workers', '5', '--seed', '9', '--json']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.err).toBe('');
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out)).toEqual({
      scenario: 'echo',
      params: { arrivalRate: 2.5, workers: 5, mode: 'fast', cancel: false },
      seed: 9,
      runs: 1,
      summary: { seed: 9, arrivalRate: 2.5, workers: 5, slow: false, cancel: false },
    });
  });

  it('--runs K averages K runs on seeds seed..seed+K-1, booleans as the fraction that held', () => {
    const r = cli(['echo', '--seed', '10', '--runs', '4', '--mode', 'slow', '--json']);
    const { summary, runs } = JSON.parse(r.out);
    expect(runs).toBe(4);
    expect(summary).toEqual({ seed: 11.5, arrivalRate: 2.5, workers: 3, slow: 1, cancel: 0 });
  });

  it('without --json prints a table with each summary key, its value and its meaning', () => {
    const r = cli(['echo', '--seed', '3']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain('echo (seed 3)');
    expect(r.out).toContain('--arrival-rate 2.5 --workers 3 --mode fast --cancel false');
    expect(r.out).toMatch(/seed\s+3\s+the seed of the run/);
    expect(r.out).toMatch(/slow\s+false\s+mode was slow/);
  });

  it('the flags line of the table can be pasted back to rerun exactly that run, even when it wraps', () => {
    const argv = ['retry-budget', '--policy', 'token-bucket', '--breaker-threshold', '0.25', '--failure-rate', '0.75', '--duration', '5'];
    const r = cli(argv, scenarios);
    const flagLines = r.out.split('\n\n')[0].split('\n').slice(1);
    expect(flagLines.length).toBeGreaterThan(1);
    for (const l of flagLines) expect(l.trim()).toMatch(/^(--[a-z-]+ \S+ ?)+$/);
    const again = parseArgs(['retry-budget', ...flagLines.join(' ').trim().split(/\s+/)], scenarios);
    const first = parseArgs(argv, scenarios);
    if (again.kind !== 'run' || first.kind !== 'run') throw new Error(`both command lines must parse: ${again.kind}, ${first.kind}`);
    expect(again.params).toEqual(first.params);
  });

  it('a bad command line exits 2 with an error line and a hint line on stderr, and nothing on stdout', () => {
    for (const argv of [['echo', '--workers', '99'], ['nope'], ['echo', '--nope', '1'], ['echo', '--runs', '0'], []]) {
      const r = cli(argv);
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^error: [^\n]+\nhint: [^\n]+\n$/);
    }
  });

  it('--help prints the usage; <scenario> --help its flags', () => {
    expect(cli(['--help']).out).toContain('npm run sim -- <scenario> [--<param> <value>]... [--seed N] [--runs K] [--time-budget S] [--json]');
    expect(cli(['echo', '--help']).out).toContain('--arrival-rate');
  });

  it('--list shows every registered scenario with its flags, ranges, defaults, units and summary keys', () => {
    const r = cli(['--list'], scenarios);
    expect(r.code).toBe(EXIT_OK);
    const all = Object.values(scenarios);
    all.forEach((s, i) => {
      const start = r.out.indexOf(`${s.name}: ${s.title}\n`);
      expect(start).toBeGreaterThanOrEqual(0);
      const next = all[i + 1];
      const block = r.out.slice(start, next ? r.out.indexOf(`${next.name}: ${next.title}\n`) : undefined);
      for (const [k, p] of Object.entries(s.params)) {
        const lines = block.split('\n');
        const i = lines.findIndex((l) => l.trim().startsWith(`--${kebabCase(k)} `));
        expect(i, `--${kebabCase(k)}`).toBeGreaterThanOrEqual(0);
        if (p.kind === 'number') expect(lines[i]).toContain(`from ${p.min} to ${p.max}${p.unit ? ' ' + p.unit : ''}`);
        if (p.kind === 'enum') expect(lines[i]).toContain(p.options.join(' | '));
        expect(lines[i]).toContain(`default ${String(p.default)}`);
        // The label (and help) on the line below.
        expect(lines[i + 1]).toContain(p.label);
      }
      for (const [k, doc] of Object.entries(s.summaryDoc)) expect(block).toMatch(new RegExp(`${k}\\s+${escape(doc.slice(0, 20))}`));
    });
  });

  it('--list --json is the registry as data', () => {
    const listed = JSON.parse(cli(['--list', '--json'], scenarios).out) as { name: string; params: { flag: string }[]; summary: object }[];
    expect(listed.map((s) => s.name)).toEqual(Object.keys(scenarios));
    for (const s of listed)
      expect(s.params.map((p) => p.flag)).toEqual(Object.keys(scenarios[s.name as keyof typeof scenarios].params).map((k) => `--${kebabCase(k)}`));
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('runCli: flags that do not apply', () => {
  it('a flag that changes nothing under the others is said on stderr, and the run goes on', () => {
    const r = cli(['chaos-experiment', '--fault-rate', '0.9', '--json'], scenarios);
    expect(r.code).toBe(EXIT_OK);
    expect(r.err).toBe('note: --fault-rate has no effect unless --fault is errors or resets\n');
    expect(JSON.parse(r.out).params.faultRate).toBe(0.9);
    const applies = cli(['chaos-experiment', '--fault', 'errors', '--fault-rate', '0.9', '--json'], scenarios);
    expect(applies.code).toBe(EXIT_OK);
    expect(applies.err).toBe('');
  });
});
