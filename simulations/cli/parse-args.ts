import { closestName } from '../../src/params/closest-name.ts';
import { flagError, readFlags, tokenize, type FlagError, type RawFlag } from '../../src/params/flags.ts';
import { camelCase, intParam, kebabCase, paramApplies, paramSchema } from '../../src/params/params.ts';
import type { ParamSpecs, ParamValues } from '../../src/params/params.ts';
import type { Scenario } from '../scenario.ts';
import type { ScenarioRegistry } from '../scenarios/index.ts';

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
      /** Refuse a run estimated to take longer than this, seconds. */
      readonly budgetSeconds: number;
      /** Flags given that change nothing under the others (their parameter's `appliesWhen`): said on stderr, the run goes on. */
      readonly notes: readonly string[];
    };

/** A command line that cannot be run: a one-line message and a hint, for stderr. */
export type CliError = FlagError;

export type ParsedArgs = CliCommand | CliError;

export const DEFAULT_SEED = 1;
export const MAX_SEED = 0xffffffff;
export const MAX_RUNS = 10_000;
export const DEFAULT_BUDGET_SECONDS = 60;
export const MAX_BUDGET_SECONDS = 86_400;

/**
 * The CLI's own flags that take a value, declared like scenario parameters
 * so they are parsed by the same strict rules. A scenario may not declare a
 * parameter of the same name (a test checks the registry).
 */
export const runFlags = {
  seed: intParam({ label: 'Seed of the run; same seed, same result', min: 0, max: MAX_SEED, default: DEFAULT_SEED }),
  runs: intParam({ label: 'Runs to average, on seeds seed, seed+1, ..., seed+runs-1', min: 1, max: MAX_RUNS, default: 1 }),
  timeBudget: intParam({
    label: 'Refuse a run estimated to take longer than this',
    min: 1,
    max: MAX_BUDGET_SECONDS,
    default: DEFAULT_BUDGET_SECONDS,
    unit: 's',
  }),
};

const usageHint = 'usage: npm run sim -- <scenario> [--<param> <value>]... (npm run sim -- --help)';

/**
 * Parses `[<scenario>] [--<param> <value>]... [--seed N] [--runs K] [--time-budget S] [--json]`,
 * or `--list [--json]` / `--help`, against a registry, with the project's
 * strict flag parser (src/params/flags.ts). Never exits and never prints:
 * the caller turns the result into output and an exit code.
 */
export function parseArgs(argv: readonly string[], registry: ScenarioRegistry): ParsedArgs {
  const tokens = tokenize(argv, (name) => name === 'list' || name === 'json');
  if (tokens.kind === 'error') return tokens;
  const { positionals, flags } = tokens;

  const names = Object.keys(registry);
  if (positionals.length > 1) return flagError(`unexpected argument ${JSON.stringify(positionals[1])}: give one scenario`, usageHint);
  const scenarioName = positionals[0];
  let scenario: Scenario | undefined;
  if (scenarioName !== undefined) {
    scenario = Object.hasOwn(registry, scenarioName) ? registry[scenarioName] : undefined;
    if (!scenario) {
      const guess = closestName(scenarioName, names);
      return flagError(
        `unknown scenario ${JSON.stringify(scenarioName)}`,
        `${guess ? `did you mean ${guess}? ` : ''}scenarios: ${names.join(', ')} (npm run sim -- --list)`,
      );
    }
  }
  if (tokens.help) return { kind: 'help', scenario };

  if (flags.some((f) => f.name === 'list')) {
    const listed = readFlags(flags, { params: {}, switches: { list: '', json: '' } }, '--list takes only --json (and a scenario name)');
    if (listed.kind === 'error') return listed;
    return { kind: 'list', json: listed.switches.has('json'), scenario };
  }
  if (!scenario) {
    // `--interval health-detection`: the name was read as the value of a flag that needs one.
    const swallowed = flags.find((f) => !f.inline && f.value !== undefined && Object.hasOwn(registry, f.value));
    const why = swallowed ? ` (${JSON.stringify(swallowed.value)} was read as the value of --${swallowed.name}, which needs one)` : '';
    return flagError(`no scenario given${why}`, `usage: npm run sim -- <scenario> [--<param> <value>]...; scenarios: ${names.join(', ')}`);
  }
  return parseRun(scenario, tokens.flags);
}

function parseRun(scenario: Scenario, flags: readonly RawFlag[]): ParsedArgs {
  const clash = Object.keys(runFlags).find((k) => Object.hasOwn(scenario.params, k));
  if (clash) return flagError(`${scenario.name} declares a parameter --${clash}, which is the CLI's own flag`, 'rename the parameter in the scenario');
  const helpHint = `see npm run sim -- ${scenario.name} --help`;
  const read = readFlags(flags, { params: { ...scenario.params, ...runFlags }, switches: { json: '' } }, helpHint);
  if (read.kind === 'error') return read;
  const { seed, runs, timeBudget, ...values } = read.values;
  // Checked by readFlags already; the narrowing is for the type.
  if (typeof seed !== 'number' || typeof runs !== 'number' || typeof timeBudget !== 'number')
    return flagError('--seed, --runs and --time-budget must be numbers', helpHint);
  if (seed + runs - 1 > MAX_SEED) {
    return flagError(
      `--seed ${seed} --runs ${runs} would run seeds up to ${seed + runs - 1}, past the largest seed ${MAX_SEED}`,
      `--runs K runs seeds seed to seed+K-1: give --seed ${MAX_SEED - runs + 1} or less`,
    );
  }
  // The declarations already checked each value; the schema is the final word
  // on what a valid set is, and the widgets and URLs use the same one.
  const checked = paramSchema(scenario.params).safeParse(values);
  if (!checked.success) return flagError(checked.error.issues.map((i) => i.message).join('; '), helpHint);
  return {
    kind: 'run',
    scenario,
    params: checked.data,
    seed,
    runs,
    json: read.switches.has('json'),
    budgetSeconds: timeBudget,
    notes: ignoredFlags(scenario.params, flags, checked.data),
  };
}

/** "--fault-rate has no effect unless --fault is errors or resets", for each such flag given. */
function ignoredFlags(specs: ParamSpecs, flags: readonly RawFlag[], values: ParamValues<ParamSpecs>): string[] {
  const given = new Set(flags.map((f) => camelCase(f.name)));
  return Object.entries(specs)
    .filter(([name, spec]) => given.has(name) && !paramApplies(spec, values))
    .map(([name, spec]) => {
      const unless = Object.entries(spec.appliesWhen ?? {}).map(([other, allowed]) => `--${kebabCase(other)} is ${allowed.map(String).join(' or ')}`);
      return `--${kebabCase(name)} has no effect unless ${unless.join(' and ')}`;
    });
}
