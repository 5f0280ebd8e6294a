import { describeRange, kebabCase, paramSchema, parseParamStrict } from '../../src/params/params.ts';
import type { ParamSpecs, ParamValues } from '../../src/params/params.ts';
import type { Scenario } from '../scenario.ts';
import type { ScenarioRegistry } from '../scenarios/index.ts';
import { closestName } from './closest-name.ts';

/** What the command line asks for, once it has been checked. */
export type CliCommand =
  | { readonly kind: 'help'; readonly scenario?: Scenario }
  | { readonly kind: 'list'; readonly json: boolean; readonly scenario?: Scenario }
  | {
      readonly kind: 'run';
      readonly scenario: Scenario;
      /** Every parameter, defaults filled in, keyed by the declared (camelCase) name. */
      readonly params: ParamValues<ParamSpecs>;
      readonly seed: number;
      readonly runs: number;
      readonly json: boolean;
    };

/** A command line that cannot be run: a one-line message and a hint, for stderr. */
export interface CliError {
  readonly kind: 'error';
  readonly message: string;
  readonly hint: string;
}

export type ParsedArgs = CliCommand | CliError;

export const DEFAULT_SEED = 1;
export const MAX_SEED = 0xffffffff;
export const MAX_RUNS = 10_000;

/** Flags that take no value. */
const SWITCHES = ['help', 'list', 'json'] as const;
/** Flags of the CLI itself, which take a value; every other `--flag` is a scenario parameter. */
const RUN_FLAGS = ['seed', 'runs'] as const;

interface RawFlag {
  readonly name: string;
  /** undefined when the flag is the last token or is followed by another flag. */
  readonly value: string | undefined;
  /** Whether the value came as `--name=value`. */
  readonly inline: boolean;
}

/**
 * Parses `[<scenario>] [--<param> <value>]... [--seed N] [--runs K] [--json]`,
 * or `--list` / `--help`, against a registry. Never exits and never prints:
 * the caller turns the result into output and an exit code.
 */
export function parseArgs(argv: readonly string[], registry: ScenarioRegistry): ParsedArgs {
  const tokens = splitTokens(argv);
  if ('kind' in tokens) return tokens;
  const { positionals, flags } = tokens;

  const names = Object.keys(registry);
  const scenarioName = positionals[0];
  if (positionals.length > 1) {
    return error(`unexpected argument "${positionals[1]}": give one scenario`, `usage: npm run sim -- <scenario> [--<param> <value>]... (npm run sim -- --help)`);
  }
  let scenario: Scenario | undefined;
  if (scenarioName !== undefined) {
    scenario = Object.hasOwn(registry, scenarioName) ? registry[scenarioName] : undefined;
    if (!scenario) {
      const guess = closestName(scenarioName, names);
      return error(`unknown scenario "${scenarioName}"`, `${guess ? `did you mean ${guess}? ` : ''}scenarios: ${names.join(', ')} (npm run sim -- --list)`);
    }
  }

  for (const f of flags) {
    if (isSwitch(f.name) && f.inline) return error(`--${f.name} takes no value`, `write it alone: --${f.name}`);
  }
  const has = (name: string) => flags.some((f) => f.name === name);
  if (has('help')) return { kind: 'help', scenario };
  if (has('list')) return { kind: 'list', json: has('json'), scenario };
  if (!scenario) return error('no scenario given', `usage: npm run sim -- <scenario> [--<param> <value>]...; scenarios: ${names.join(', ')}`);

  return parseRun(scenario, flags, has('json'));
}

function parseRun(scenario: Scenario, flags: readonly RawFlag[], json: boolean): ParsedArgs {
  const specs = scenario.params;
  const byFlag = new Map(Object.keys(specs).map((k) => [kebabCase(k), k]));
  const helpHint = `see npm run sim -- ${scenario.name} --help`;
  const values: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(specs)) values[k] = p.default;
  let seed = DEFAULT_SEED;
  let runs = 1;
  const seen = new Set<string>();

  for (const f of flags) {
    if (isSwitch(f.name)) continue;
    if (seen.has(f.name)) return error(`--${f.name} is given twice`, 'give each flag once');
    seen.add(f.name);
    const key = byFlag.get(f.name);
    if (!key && !isRunFlag(f.name)) {
      const known = [...byFlag.keys(), ...RUN_FLAGS, ...SWITCHES];
      const guess = closestName(f.name, known);
      return error(
        `unknown flag --${f.name} for ${scenario.name}`,
        `${guess ? `did you mean --${guess}? ` : ''}its flags: ${known.map((n) => '--' + n).join(', ')}`,
      );
    }
    const expected = key ? describeRange(specs[key]) : f.name === 'seed' ? seedRange : runsRange;
    if (f.value === undefined) return error(`--${f.name} needs a value (expected ${expected})`, helpHint);
    if (f.name === 'seed') {
      const s = parseInteger(f.value, 0, MAX_SEED);
      if (s === undefined) return error(`--seed: "${f.value}" is not valid (expected ${seedRange})`, 'the same seed always gives the same run');
      seed = s;
    } else if (f.name === 'runs') {
      const r = parseInteger(f.value, 1, MAX_RUNS);
      if (r === undefined) return error(`--runs: "${f.value}" is not valid (expected ${runsRange})`, `--runs K averages K runs on seeds seed, seed+1, ..., seed+K-1`);
      runs = r;
    } else if (key) {
      const parsed = parseParamStrict(key, specs[key], f.value);
      if (!parsed.ok) return error(parsed.message, helpHint);
      values[key] = parsed.value;
    }
  }

  // The declarations already checked each value; the schema is the final word
  // on what a valid set is, and the widgets and URLs use the same one.
  const checked = paramSchema(specs).safeParse(values);
  if (!checked.success) return error(checked.error.issues.map((i) => i.message).join('; '), helpHint);
  return { kind: 'run', scenario, params: checked.data, seed, runs, json };
}

const seedRange = `an integer from 0 to ${MAX_SEED}`;
const runsRange = `an integer from 1 to ${MAX_RUNS}`;

function splitTokens(argv: readonly string[]): { positionals: string[]; flags: RawFlag[] } | CliError {
  const positionals: string[] = [];
  const flags: RawFlag[] = [];
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (t === '-h') {
      flags.push({ name: 'help', value: undefined, inline: false });
    } else if (t.startsWith('--') && t.length > 2) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      if (eq >= 0) {
        flags.push({ name, value: t.slice(eq + 1), inline: true });
      } else if (isSwitch(name)) {
        flags.push({ name, value: undefined, inline: false });
      } else {
        // A value may itself start with "-" (a negative number), but never with "--".
        const next = argv[i + 1];
        const value = next !== undefined && !next.startsWith('--') ? next : undefined;
        if (value !== undefined) i++;
        flags.push({ name, value, inline: false });
      }
    } else if (t.startsWith('-')) {
      const guess = t.length > 1 ? `--${kebabCase(t.slice(1))}` : '--help';
      return error(`unknown option "${t}"`, `flags start with two dashes, e.g. ${guess}`);
    } else {
      positionals.push(t);
    }
  }
  return { positionals, flags };
}

function isSwitch(name: string): boolean {
  return (SWITCHES as readonly string[]).includes(name);
}

function isRunFlag(name: string): boolean {
  return (RUN_FLAGS as readonly string[]).includes(name);
}

/** A whole decimal number in [min, max], or undefined. */
function parseInteger(s: string, min: number, max: number): number | undefined {
  if (!/^\s*-?\d+\s*$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

function error(message: string, hint: string): CliError {
  return { kind: 'error', message, hint };
}
