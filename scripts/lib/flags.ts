import { camelCase, defaultValues, describeRange, kebabCase, parseParamStrict, type ParamSpecs, type ParamValues } from '../../src/params/params.ts';

/**
 * Flags for the real-mode scripts, declared with the same parameter
 * declarations as the scenarios (ranges, defaults, units), parsed strictly:
 * a bad flag is a one-line message naming the flag and what it accepts.
 */
export type FlagResult<S extends ParamSpecs> =
  | { ok: true; values: ParamValues<S>; switches: Set<string>; strings: Record<string, string> }
  | { ok: false; message: string };

export function parseFlags<S extends ParamSpecs>(
  argv: readonly string[],
  specs: S,
  options: { switches?: readonly string[]; strings?: readonly string[] } = {},
): FlagResult<S> {
  const values = defaultValues(specs) as Record<string, unknown>;
  const switches = new Set<string>();
  const strings: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (!token.startsWith('--')) return { ok: false, message: `unexpected argument "${token}": flags start with --` };
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    if (options.switches?.includes(name)) {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value` };
      switches.add(name);
      continue;
    }
    const value = eq !== -1 ? token.slice(eq + 1) : argv[i + 1];
    if (eq === -1) i++;
    if (value === undefined || (eq === -1 && value.startsWith('--'))) return { ok: false, message: `--${name} needs a value` };
    if (options.strings?.includes(name)) {
      strings[name] = value;
      continue;
    }
    const key = camelCase(name);
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec || kebabCase(key) !== name) {
      const known = [...Object.keys(specs).map((k) => '--' + kebabCase(k)), ...(options.strings ?? []).map((s) => '--' + s), ...(options.switches ?? []).map((s) => '--' + s)];
      return { ok: false, message: `unknown flag --${name} (flags: ${known.join(' ')})` };
    }
    const r = parseParamStrict(key, spec, value);
    if (!r.ok) return { ok: false, message: r.message };
    values[key] = r.value;
  }
  return { ok: true, values: values as ParamValues<S>, switches, strings };
}

export function usage(specs: ParamSpecs): string {
  return Object.entries(specs)
    .map(([k, p]) => `  --${kebabCase(k).padEnd(18)} ${p.label}: ${describeRange(p)} (default ${String(p.default)})`)
    .join('\n');
}
