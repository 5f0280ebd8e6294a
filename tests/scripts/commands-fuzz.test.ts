import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type Command } from '../../examples/shared/command.ts';
import type { FlagTable } from '../../src/params/flags.ts';
import { kebabCase, type ParamSpec } from '../../src/params/params.ts';
import { parseArgs, runFlags } from '../../simulations/cli/parse-args.ts';
import { scenarios } from '../../simulations/scenarios/index.ts';

/**
 * Issue 8's fuzz test: every command, given a few hundred generated command
 * lines that each hold one malformation among valid flags, refuses with a
 * one-line message, exit 2 and no stack trace. The parse step runs
 * in-process (each command exposes its parser); a handful of cases per
 * command run as real processes, to check what reaches the terminal.
 */

function isCommand(x: unknown): x is Command {
  return typeof x === 'object' && x !== null && 'invocation' in x && 'flags' in x && 'name' in x;
}

/**
 * Every command there is, found rather than listed, so a new script or
 * example is fuzzed too: the Command each scripts/*.ts and examples/x/main.ts
 * exports (a module that exports none fails the test below).
 */
const modules = [
  ...readdirSync('scripts')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `scripts/${f}`),
  ...readdirSync('examples')
    .map((d) => `examples/${d}/main.ts`)
    .filter((f) => existsSync(f)),
];
// A path found at run time, not a pattern Vite could expand: imported by file URL, which Vite is told to leave alone.
const exported = await Promise.all(
  modules.map(async (file) => ({ file, commands: Object.values(await import(/* @vite-ignore */ pathToFileURL(resolve(file)).href)).filter(isCommand) })),
);
const commands: readonly Command[] = exported.flatMap((m) => m.commands);

/** A valid value for a flag of the table, as typed. */
function validValue(p: ParamSpec): fc.Arbitrary<string> {
  if (p.kind === 'boolean') return fc.constantFrom('true', 'false');
  if (p.kind === 'enum') return fc.constantFrom(...p.options);
  return p.integer
    ? fc.integer({ min: p.min, max: p.max }).map(String)
    : fc.integer({ min: 0, max: 100 }).map((i) => String(p.min + ((p.max - p.min) * i) / 100));
}

/** Valid flags (no conflicts, no help), each at most once, as a list of argument groups. */
function validGroups(table: FlagTable): fc.Arbitrary<string[][]> {
  const groups: fc.Arbitrary<string[]>[] = [
    ...Object.entries(table.params).map(([k, p]) => validValue(p).map((v) => [`--${kebabCase(k)}`, v])),
    ...Object.keys(table.switches ?? {}).map((name) => fc.constant<string[]>([`--${name}`])),
  ];
  if (groups.length === 0) return fc.constant([]);
  return fc.subarray(groups.map((_, i) => i)).chain((picked) => (picked.length === 0 ? fc.constant([]) : fc.tuple(...picked.map((i) => groups[i]))));
}

const NOT_DECIMAL = ['0x10', '0b11', '0o7', '1e1', '1E3', ' 5', '5 ', '+5', '', 'Infinity', '-Infinity', 'NaN', 'abc', '1_000', '1,5', '٣', '5px', '--'];

/** One malformation of a command line against a table; `last` ones must end the line. */
function malformation(table: FlagTable): fc.Arbitrary<{ tokens: string[]; last?: boolean }> {
  const known = [...Object.keys(table.params).map(kebabCase), ...Object.keys(table.strings ?? {}), ...Object.keys(table.switches ?? {}), 'help'];
  const numbers = Object.entries(table.params).filter((e): e is [string, Extract<ParamSpec, { kind: 'number' }>] => e[1].kind === 'number');
  const enums = Object.entries(table.params).filter(([, p]) => p.kind === 'enum');
  const valued = Object.entries(table.params);
  const options: fc.Arbitrary<{ tokens: string[]; last?: boolean }>[] = [
    fc
      .stringMatching(/^[a-z][a-z0-9-]{0,12}$/)
      .filter((n) => !known.includes(n))
      .chain((n) => fc.constantFrom<string[]>([`--${n}`], [`--${n}`, '1'], [`--${n}=x`]))
      .map((tokens) => ({ tokens })),
    fc.constantFrom('-x', '-v', '-1x', '-', '--', '-help').map((t) => ({ tokens: [t] })),
    fc.constantFrom('stray', 'http://127.0.0.1:1/').map((t) => ({ tokens: [t] })),
  ];
  if (numbers.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...numbers), fc.constantFrom(...NOT_DECIMAL))
        .map(([[k], v]) => ({ tokens: v === '' ? [`--${kebabCase(k)}=`] : [`--${kebabCase(k)}=${v}`] })),
      fc
        .constantFrom(...numbers)
        .chain(([k, p]) =>
          fc
            .constantFrom(String(p.max + 1), String(p.min - 1), String(p.max * 10 + 7), ...(p.integer ? [String(p.min + 0.5)] : []))
            .map((v) => ({ tokens: [`--${kebabCase(k)}`, v] })),
        ),
    );
  }
  if (enums.length > 0) options.push(fc.constantFrom(...enums).map(([k]) => ({ tokens: [`--${kebabCase(k)}`, 'no-such-option'] })));
  if (valued.length > 0) {
    options.push(
      fc.constantFrom(...valued).chain(([k, p]) => validValue(p).map((v) => ({ tokens: [`--${kebabCase(k)}`, v, `--${kebabCase(k)}`, v] }))),
      fc.constantFrom(...valued).map(([k]) => ({ tokens: [`--${kebabCase(k)}`], last: true })),
    );
  }
  for (const name of Object.keys(table.switches ?? {})) options.push(fc.constant({ tokens: [`--${name}=1`] }));
  for (const [name, s] of Object.entries(table.strings ?? {})) {
    options.push(fc.constant({ tokens: [`--${name}`], last: true }));
    if (s.placeholder === 'URL') {
      options.push(
        fc
          .constantFrom('http://10.0.0.1/', 'http://u:p@127.0.0.1:1/', 'https://127.0.0.1/', 'http://example.com/', 'not a url')
          .map((u) => ({ tokens: [`--${name}`, u] })),
      );
    }
  }
  return fc.oneof(...options);
}

/** Valid flags with one malformation put in among them (never between a flag and its value). */
function malformedArgv(table: FlagTable): fc.Arbitrary<string[]> {
  return fc.tuple(validGroups(table), malformation(table), fc.nat()).map(([groups, bad, at]) => {
    const position = bad.last ? groups.length : at % (groups.length + 1);
    return [...groups.slice(0, position).flat(), ...bad.tokens, ...groups.slice(position).flat()];
  });
}

function expectClearRefusal(message: string, hint: string): void {
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toMatch(/\n/);
  expect(hint).not.toMatch(/\n/);
  // It names what is wrong: a flag, an option or the argument, quoted.
  expect(message).toMatch(/--|"/);
}

describe('every command refuses malformed flags with one clear line (in-process, property)', () => {
  it('every script and example exports its Command, parsed by the one strict parser', () => {
    for (const m of exported) expect(m.commands.length, `${m.file} exports no Command (see examples/shared/command.ts)`).toBe(1);
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['load-test', 'health-check', 'chaos-simulate', 'example:retry']));
  });

  it.each(commands.map((c) => [c.name, c] as const))('%s', (_, command) => {
    fc.assert(
      fc.property(malformedArgv(command.flags), (argv) => {
        const r = parseCommandLine(command, argv);
        expect(r.kind, JSON.stringify(argv)).toBe('error');
        if (r.kind === 'error') expectClearRefusal(r.message, r.hint);
      }),
      { numRuns: 300 },
    );
  });

  it('sim: every scenario, malformed flags among valid ones', () => {
    const names = Object.keys(scenarios);
    const withScenario = fc.constantFrom(...names).chain((name) => {
      const table: FlagTable = { params: { ...scenarios[name as keyof typeof scenarios].params, ...runFlags }, switches: { json: '' } };
      return fc.tuple(fc.constant(name), malformedArgv(table), fc.boolean());
    });
    fc.assert(
      fc.property(withScenario, ([name, argv, scenarioFirst]) => {
        // A stray positional is a second scenario name here; the rest is the same.
        const r = parseArgs(scenarioFirst ? [name, ...argv] : [...argv, name], scenarios);
        expect(r.kind, JSON.stringify([name, ...argv])).toBe('error');
        if (r.kind === 'error') expectClearRefusal(r.message, r.hint);
      }),
      { numRuns: 400 },
    );
  });

  it('sim --list refuses every flag but --json', () => {
    for (const argv of [
      ['--list', '--bogus', '1'],
      ['--list', '--seed', '1'],
      ['queue', '--list', '--workers', '2'],
      ['--list', '--json', '--json'],
    ]) {
      const r = parseArgs(argv, scenarios);
      expect(r.kind, JSON.stringify(argv)).toBe('error');
    }
  });

  it('--help or -h anywhere asks for the help, whatever else is on the line', () => {
    for (const command of commands) {
      fc.assert(
        fc.property(malformedArgv(command.flags), fc.nat(), fc.constantFrom('--help', '-h'), (argv, at, help) => {
          const line = [...argv];
          line.splice(at % (line.length + 1), 0, help);
          // A syntax error (a lone "-" or "--") may come first; otherwise the help wins.
          const r = parseCommandLine(command, line);
          if (r.kind === 'error') expect(r.message).toMatch(/unknown option|takes no value/);
          else expect(r.kind).toBe('help');
        }),
        { numRuns: 50 },
      );
    }
  });
});

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cmd: string, args: readonly string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** At most `limit` at a time: each process costs about a second of this machine's two cores. */
async function inBatches<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += limit) results.push(...(await Promise.all(jobs.slice(i, i + limit).map((job) => job()))));
  return results;
}

const tsx = 'node_modules/.bin/tsx';
const examples = Object.entries(JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>).filter(([name]) =>
  name.startsWith('example:'),
);

/** How each command is started from a shell, and a few malformed lines for it. */
const processes: { readonly name: string; readonly start: readonly string[]; readonly bad: readonly (readonly string[])[] }[] = [
  {
    name: 'sim',
    start: [tsx, 'simulations/cli/main.ts'],
    bad: [
      ['--list', '--bogus', '1'],
      ['queue', '--workers', '0x10'],
      ['queue', '--seed', '4294967295', '--runs', '2'],
    ],
  },
  { name: 'load-test', start: ['scripts/load-test.sh'], bad: [['--bogus'], ['--url', 'http://127.0.0.1:1/', '--latency', '5']] },
  {
    name: 'health-check',
    start: ['scripts/health-check.sh'],
    bad: [
      ['--interval', '1e2'],
      ['--url', 'http://u:p@127.0.0.1:1/'],
    ],
  },
  { name: 'chaos-simulate', start: ['scripts/chaos-simulate.sh'], bad: [['--concurrency', '5', '--concurrency', '6'], ['stray']] },
  // Every `npm run example:*`, including examples added later: each must use the same parser.
  ...examples.map(([name, script]) => ({ name, start: script.split(' ').map((w) => (w === 'tsx' ? tsx : w)), bad: [['--bogus', '1'], ['-x']] })),
];

describe('every command as a real process', () => {
  it('a malformed command line exits 2 with a message and no stack trace, and prints nothing on stdout', async () => {
    const cases = processes.flatMap((p) => p.bad.map((argv) => ({ name: p.name, argv, run: () => run(p.start[0], [...p.start.slice(1), ...argv]) })));
    const results = await inBatches(
      cases.map((c) => c.run),
      3,
    );
    for (const [i, r] of results.entries()) {
      const label = `${cases[i].name} ${cases[i].argv.join(' ')}`;
      expect(r.code, `${label}: ${r.stderr}`).toBe(2);
      expect(r.stdout, label).toBe('');
      expect(r.stderr, label).toMatch(/\S/);
      expect(r.stderr, label).not.toMatch(/^\s+at /m);
      expect(r.stderr.trim().split('\n').length, label).toBeLessThanOrEqual(2);
    }
  }, 240_000);

  it('--help prints the usage and exits 0 without running anything', async () => {
    const results = await inBatches(
      processes.map((p) => () => run(p.start[0], [...p.start.slice(1), '--help'])),
      3,
    );
    for (const [i, r] of results.entries()) {
      expect(r.code, processes[i].name).toBe(0);
      expect(r.stdout, processes[i].name).toMatch(/usage:/);
      expect(r.stderr, processes[i].name).toBe('');
    }
  }, 240_000);
});
