import { closestName } from './closest-name.ts';
import { defaultValues, describeRange, formatValue, kebabCase, parseParamStrict, type ParamSpecs, type ParamValues } from './params.ts';

/**
 * The one strict command-line parser of the project: the sim CLI, the
 * real-mode scripts and the examples all read their flags with it, so every
 * command answers a bad flag the same way. The rules:
 *
 * - flags are `--name value` or `--name=value`; a value never starts with
 *   `--` (a negative number is fine); `-h` is `--help` wherever it stands,
 *   every other single dash is refused;
 * - numbers are decimal only (`0x10`, `1e1`, `" 5"` are refused), in the
 *   declared range (see parseParamStrict);
 * - an unknown flag, a flag given twice (unless declared repeatable), a
 *   value given to a switch and a missing value are each refused with a
 *   one-line message and a hint;
 * - `--help` anywhere asks for the help and nothing else: a command never
 *   runs when asked for its help.
 *
 * Parsing never throws, never prints and never exits; the caller turns the
 * result into output and an exit code (2 for a bad command line).
 */

/** A flag whose value is text, checked by the command (a URL, a file). */
export interface StringFlag {
  /** What the value is, in the help: `URL`, `FILE`. */
  readonly placeholder: string;
  readonly description: string;
  /** May be given more than once; each value is kept, in order. */
  readonly repeatable?: boolean;
  /** What is wrong with the value, or undefined when it is fine. */
  check(value: string): string | undefined;
}

/** Flags that make no sense together: when `flag` is given, `refuses` may not be. */
export interface FlagConflict {
  readonly flag: string;
  readonly refuses: readonly string[];
  /** Completes "--x <reason>, not with --flag". */
  readonly reason: string;
}

/** Every flag a command takes besides `-h/--help`, which all commands take. */
export interface FlagTable<S extends ParamSpecs = ParamSpecs> {
  /** Typed values (numbers, enums, booleans), kebab-case on the command line. */
  readonly params: S;
  /** Flags without a value, with their help line. */
  readonly switches?: Readonly<Record<string, string>>;
  readonly strings?: Readonly<Record<string, StringFlag>>;
  readonly conflicts?: readonly FlagConflict[];
}

/** A command line that cannot be run: one line saying why, one line saying what to do. */
export interface FlagError {
  readonly kind: 'error';
  readonly message: string;
  readonly hint: string;
}

export interface ParsedFlags<S extends ParamSpecs> {
  readonly kind: 'ok';
  /** Every param, the defaults filled in. */
  readonly values: ParamValues<S>;
  readonly switches: ReadonlySet<string>;
  /** The values of each string flag given, in order. */
  readonly strings: Readonly<Record<string, readonly string[]>>;
  /** The names (kebab-case) of the flags given. */
  readonly given: ReadonlySet<string>;
}

export type FlagParse<S extends ParamSpecs> = { readonly kind: 'help' } | FlagError | ParsedFlags<S>;

/** One `--name [value]` as typed. */
export interface RawFlag {
  readonly name: string;
  /** undefined when the flag is the last token or is followed by another flag. */
  readonly value: string | undefined;
  /** Whether the value came as `--name=value`. */
  readonly inline: boolean;
}

export interface Tokens {
  readonly kind: 'tokens';
  readonly positionals: readonly string[];
  readonly flags: readonly RawFlag[];
  /** `-h` or `--help` was given. */
  readonly help: boolean;
}

export function flagError(message: string, hint: string): FlagError {
  return { kind: 'error', message, hint };
}

/** `--name` as it can be shown in a one-line message, whatever was typed. */
export function showFlag(name: string): string {
  return /^[A-Za-z0-9-]*$/.test(name) ? `--${name}` : JSON.stringify(`--${name}`);
}

/**
 * Splits a command line into positionals and flags. `isSwitch` says which
 * flags take no value; `help` is always one.
 */
export function tokenize(argv: readonly string[], isSwitch: (name: string) => boolean): Tokens | FlagError {
  const positionals: string[] = [];
  const flags: RawFlag[] = [];
  let help = false;
  const switchy = (name: string) => name === 'help' || isSwitch(name);
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (t === '-h' || t === '--help') {
      help = true;
    } else if (t.startsWith('--') && t.length > 2) {
      const eq = t.indexOf('=');
      const name = eq < 0 ? t.slice(2) : t.slice(2, eq);
      if (eq >= 0) {
        if (switchy(name)) return flagError(`${showFlag(name)} takes no value`, `write it alone: ${showFlag(name)}`);
        flags.push({ name, value: t.slice(eq + 1), inline: true });
      } else if (switchy(name)) {
        flags.push({ name, value: undefined, inline: false });
      } else {
        const next = argv[i + 1];
        // `-h` is always the help, never a value.
        const value = next !== undefined && !next.startsWith('--') && next !== '-h' ? next : undefined;
        if (value !== undefined) i++;
        flags.push({ name, value, inline: false });
      }
    } else if (t.startsWith('-')) {
      const guess = t.length > 1 && /^-[A-Za-z][\w-]*$/.test(t) ? `--${kebabCase(t.slice(1))}` : '--help';
      return flagError(`unknown option ${JSON.stringify(t)}`, `flags start with two dashes, e.g. ${guess}`);
    } else {
      positionals.push(t);
    }
  }
  return { kind: 'tokens', positionals, flags, help };
}

/**
 * Reads tokenized flags against a table: each flag known, given once (or
 * declared repeatable), with a valid value; no two conflicting flags.
 * `helpHint` ends every hint (e.g. "scripts/load-test.sh --help lists the flags").
 */
export function readFlags<S extends ParamSpecs>(flags: readonly RawFlag[], table: FlagTable<S>, helpHint: string): ParsedFlags<S> | FlagError {
  const byFlag = new Map(Object.keys(table.params).map((k) => [kebabCase(k), k]));
  const switchNames = Object.keys(table.switches ?? {});
  const strings = table.strings ?? {};
  const values = defaultValues(table.params) as Record<string, unknown>;
  const switches = new Set<string>();
  const stringValues: Record<string, string[]> = {};
  const given = new Set<string>();

  for (const f of flags) {
    const key = byFlag.get(f.name);
    const stringFlag = Object.hasOwn(strings, f.name) ? strings[f.name] : undefined;
    const isSwitch = switchNames.includes(f.name);
    if (key === undefined && !stringFlag && !isSwitch) {
      const known = [...byFlag.keys(), ...Object.keys(strings), ...switchNames, 'help'];
      const guess = closestName(f.name, known);
      return flagError(
        `unknown flag ${showFlag(f.name)}`,
        `${guess ? `did you mean --${guess}? ` : ''}flags: ${known.map((n) => '--' + n).join(' ')}; ${helpHint}`,
      );
    }
    if (given.has(f.name) && !stringFlag?.repeatable) return flagError(`${showFlag(f.name)} is given twice`, `give each flag once; ${helpHint}`);
    given.add(f.name);
    if (isSwitch) {
      switches.add(f.name);
      continue;
    }
    const expected = key !== undefined ? describeRange(table.params[key]) : `a ${stringFlag?.placeholder ?? 'value'}`;
    if (f.value === undefined || (f.inline && f.value === '')) return flagError(`${showFlag(f.name)} needs a value (expected ${expected})`, helpHint);
    if (stringFlag) {
      const problem = stringFlag.check(f.value);
      if (problem) return flagError(`${showFlag(f.name)}: ${problem}`, helpHint);
      (stringValues[f.name] ??= []).push(f.value);
    } else if (key !== undefined) {
      const parsed = parseParamStrict(key, table.params[key], f.value);
      if (!parsed.ok) return flagError(parsed.message, helpHint);
      values[key] = parsed.value;
    }
  }

  for (const c of table.conflicts ?? []) {
    if (!given.has(c.flag)) continue;
    const clash = c.refuses.find((name) => given.has(name));
    if (clash) return flagError(`--${clash} ${c.reason}, not with --${c.flag}`, `leave out --${clash} or --${c.flag}; ${helpHint}`);
  }
  return { kind: 'ok', values: values as ParamValues<S>, switches, strings: stringValues, given };
}

/**
 * A whole command line of a command that takes no positional arguments:
 * tokenize, `--help` wins, then every flag read strictly.
 */
export function parseFlags<S extends ParamSpecs>(argv: readonly string[], table: FlagTable<S>, helpHint: string): FlagParse<S> {
  const switchNames = Object.keys(table.switches ?? {});
  const tokens = tokenize(argv, (name) => switchNames.includes(name));
  if (tokens.kind === 'error') return tokens;
  if (tokens.help) return { kind: 'help' };
  if (tokens.positionals.length > 0) {
    return flagError(`unexpected argument ${JSON.stringify(tokens.positionals[0])}: this command takes only flags, which start with --`, helpHint);
  }
  return readFlags(tokens.flags, table, helpHint);
}

/** The flag lines of a command's help: each flag, what it accepts and its default. */
export function formatFlagHelp(table: FlagTable): string {
  const rows: [string, string][] = [
    ...Object.entries(table.strings ?? {}).map(([name, s]): [string, string] => [
      `--${name} ${s.placeholder}`,
      `${s.description}${s.repeatable ? ' (repeatable)' : ''}`,
    ]),
    ...Object.entries(table.params).map(([k, p]): [string, string] => [
      `--${kebabCase(k)}`,
      `${p.label}: ${describeRange(p)} (default ${formatValue(p, p.default)})`,
    ]),
    ...Object.entries(table.switches ?? {}).map(([name, text]): [string, string] => [`--${name}`, text]),
    ['-h, --help', 'this help; the command does not run'],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n');
}
