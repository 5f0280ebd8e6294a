import { z } from 'zod';

/**
 * A scenario's parameters, declared once. The same declaration gives the
 * defaults, the validation schema (zod), the widget's sliders and selects
 * (label, unit, range, step), the page URL and the CLI flags (kebab-case
 * names), so the three can never disagree.
 */
/**
 * The parameter matters only when every parameter named here has one of the
 * listed values (e.g. a fault rate only for the error faults); a widget
 * disables its control otherwise and says when it applies. Data, not a
 * function, so a control, the URL reference and a test can all read it.
 */
export type AppliesWhen = Readonly<Record<string, readonly (string | boolean)[]>>;

export interface NumberParam {
  readonly kind: 'number';
  readonly label: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Slider step; also the rounding applied to URL values. */
  readonly step: number;
  readonly integer: boolean;
  readonly unit?: string;
  /** A log-scaled slider, for parameters spanning orders of magnitude. */
  readonly scale?: 'linear' | 'log';
  readonly help?: string;
  readonly appliesWhen?: AppliesWhen;
}

export interface EnumParam<V extends string = string> {
  readonly kind: 'enum';
  readonly label: string;
  readonly default: V;
  readonly options: readonly V[];
  /** Human labels for options, where the value alone is not clear. */
  readonly optionLabels?: Readonly<Partial<Record<V, string>>>;
  readonly help?: string;
  readonly appliesWhen?: AppliesWhen;
}

export interface BooleanParam {
  readonly kind: 'boolean';
  readonly label: string;
  readonly default: boolean;
  readonly help?: string;
  readonly appliesWhen?: AppliesWhen;
}

export type ParamSpec = NumberParam | EnumParam | BooleanParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** Whether a parameter matters under these values: a condition on a parameter absent from them is taken as met. */
export function paramApplies(spec: ParamSpec, values: Readonly<Record<string, unknown>>): boolean {
  if (!spec.appliesWhen) return true;
  return Object.entries(spec.appliesWhen).every(([name, allowed]) => !(name in values) || allowed.includes(values[name] as string | boolean));
}

export type ParamValue<P> = P extends NumberParam ? number : P extends EnumParam<infer V> ? V : P extends BooleanParam ? boolean : never;
export type ParamValues<S extends ParamSpecs> = { -readonly [K in keyof S]: ParamValue<S[K]> };

type NumberOptions = Omit<NumberParam, 'kind' | 'integer' | 'step'> & { step?: number };

/** A real-valued parameter. */
export function numberParam(o: NumberOptions): NumberParam {
  checkRange(o);
  return { kind: 'number', integer: false, step: o.step ?? (o.max - o.min) / 100, ...o };
}

/** An integer parameter. */
export function intParam(o: NumberOptions): NumberParam {
  checkRange(o);
  if (![o.min, o.max, o.default].every(Number.isInteger)) throw new RangeError(`${o.label}: integer parameter needs integer min, max and default`);
  return { kind: 'number', integer: true, step: o.step ?? 1, ...o };
}

export function enumParam<const V extends string>(o: Omit<EnumParam<V>, 'kind'>): EnumParam<V> {
  if (!o.options.includes(o.default)) throw new RangeError(`${o.label}: default ${o.default} is not an option`);
  return { kind: 'enum', ...o };
}

export function booleanParam(o: Omit<BooleanParam, 'kind'>): BooleanParam {
  return { kind: 'boolean', ...o };
}

function checkRange(o: NumberOptions): void {
  if (!(o.min <= o.default && o.default <= o.max)) throw new RangeError(`${o.label}: default ${o.default} outside [${o.min}, ${o.max}]`);
}

/** `spikeRate` -> `spike-rate`: the name used in URLs and CLI flags. */
export function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** `spike-rate` -> `spikeRate`. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function defaultValues<S extends ParamSpecs>(specs: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(specs)) out[k] = p.default;
  return out as ParamValues<S>;
}

/** The strict schema: what a valid set of values is. */
export function paramSchema<S extends ParamSpecs>(specs: S): z.ZodType<ParamValues<S>> {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const [k, p] of Object.entries(specs)) {
    if (p.kind === 'number') {
      let n = z
        .number({ invalid_type_error: `${kebabCase(k)} must be a number` })
        .finite()
        .min(p.min)
        .max(p.max);
      if (p.integer) n = n.int();
      shape[k] = n;
    } else if (p.kind === 'enum') {
      shape[k] = z.enum(p.options as [string, ...string[]]);
    } else {
      shape[k] = z.boolean();
    }
  }
  return z.object(shape).strict() as unknown as z.ZodType<ParamValues<S>>;
}

/** What happened to one raw value that could not be used as given. */
export interface ParamNotice {
  readonly param: string;
  readonly given: string;
  readonly used: string;
  readonly message: string;
}

export function formatValue(p: ParamSpec, v: unknown): string {
  if (p.kind === 'number') return `${v}${p.unit ? ' ' + p.unit : ''}`;
  return String(v);
}

/**
 * Lenient parsing, for URLs: every value that is malformed or out of range is
 * replaced by the nearest valid one (clamped, rounded to the step, or the
 * default when nothing is near), and a notice says what was changed. Unknown
 * keys are ignored here; the caller decides whether to mention them.
 */
export function coerceParams<S extends ParamSpecs>(
  specs: S,
  raw: Readonly<Record<string, string | undefined>>,
): { values: ParamValues<S>; notices: ParamNotice[] } {
  const values = defaultValues(specs) as Record<string, unknown>;
  const notices: ParamNotice[] = [];
  for (const [k, p] of Object.entries(specs)) {
    const given = raw[kebabCase(k)];
    if (given === undefined) continue;
    const r = coerceOne(p, given);
    values[k] = r.value;
    if (r.problem) {
      notices.push({
        param: kebabCase(k),
        given,
        used: formatValue(p, r.value),
        message: `${p.label}: "${given}" ${r.problem}; using ${formatValue(p, r.value)}.`,
      });
    }
  }
  return { values: values as ParamValues<S>, notices };
}

function coerceOne(p: ParamSpec, given: string): { value: unknown; problem?: string } {
  const s = given.trim();
  if (p.kind === 'boolean') {
    if (/^(1|true|yes|on)$/i.test(s)) return { value: true };
    if (/^(0|false|no|off)$/i.test(s)) return { value: false };
    return { value: p.default, problem: 'is not true or false' };
  }
  if (p.kind === 'enum') {
    if (p.options.includes(s)) return { value: s };
    const ci = p.options.find((o) => o.toLowerCase() === s.toLowerCase());
    if (ci) return { value: ci };
    return { value: p.default, problem: `is not one of ${p.options.join(', ')}` };
  }
  const x = s === '' ? NaN : Number(s);
  if (!Number.isFinite(x)) {
    // "Infinity" is a number, but the nearest valid value is the bound.
    if (x === Infinity) return { value: p.max, problem: 'is above the maximum' };
    if (x === -Infinity) return { value: p.min, problem: 'is below the minimum' };
    return { value: p.default, problem: 'is not a number' };
  }
  if (x < p.min) return { value: p.min, problem: `is below the minimum ${formatValue(p, p.min)}` };
  if (x > p.max) return { value: p.max, problem: `is above the maximum ${formatValue(p, p.max)}` };
  if (p.integer && !Number.isInteger(x)) return { value: Math.round(x), problem: 'is not a whole number' };
  return { value: x };
}

/**
 * A number as a person types it in decimal: `5`, `-2`, `0.25`, `.5`. Not
 * what `Number()` also takes (`0x10`, `0b11`, `1e1`, `" 5"`, `""`), so that a
 * flag means what it looks like and every numeric flag reads the same way.
 */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The value of a decimal number as typed (±Infinity past the doubles), or undefined for anything else. */
export function parseDecimal(given: string): number | undefined {
  return DECIMAL.test(given) ? Number(given) : undefined;
}

/**
 * A number written the way parseDecimal reads it back, exactly: String(x)
 * where that is plain decimal, else the same digits with the exponent
 * spelled out (1e-7 -> 0.0000001, 1e21 -> 1000000000000000000000).
 */
export function toDecimal(x: number): string {
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', exp] = m;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Strict parsing, for command-line flags: a value that is not valid is an
 * error with a message naming the flag and what it accepts. Numbers are
 * decimal only; an enum option may differ in letter case; a boolean is
 * true/false (or 1/0, yes/no, on/off). Nothing is trimmed.
 */
export function parseParamStrict(name: string, p: ParamSpec, given: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const flag = `--${kebabCase(name)}`;
  if (p.kind === 'number') {
    const x = parseDecimal(given);
    if (x === undefined) return { ok: false, message: `${flag}: ${JSON.stringify(given)} is not a number (expected ${describeRange(p)}, in decimal)` };
    if (x < p.min || x > p.max) return { ok: false, message: `${flag}: ${given} is out of range (expected ${describeRange(p)})` };
    if (p.integer && !Number.isInteger(x)) return { ok: false, message: `${flag}: ${given} is not a whole number (expected ${describeRange(p)})` };
    return { ok: true, value: x };
  }
  if (given !== given.trim() || given === '') {
    const expected = p.kind === 'enum' ? p.options.join(' | ') : 'true | false';
    return {
      ok: false,
      message: `${flag}: ${JSON.stringify(given)} is not ${p.kind === 'enum' ? `one of ${p.options.join(', ')}` : 'true or false'} (expected ${expected})`,
    };
  }
  const r = coerceOne(p, given);
  if (r.problem) return { ok: false, message: `${flag}: ${JSON.stringify(given)} ${r.problem} (expected ${describeRange(p)})` };
  return { ok: true, value: r.value };
}

export function describeRange(p: ParamSpec): string {
  if (p.kind === 'number') return `${p.integer ? 'an integer' : 'a number'} from ${p.min} to ${p.max}${p.unit ? ' ' + p.unit : ''}`;
  if (p.kind === 'enum') return p.options.join(' | ');
  return 'true | false';
}

/** The values that differ from the defaults, as kebab-case strings, for a URL. */
export function changedParams<S extends ParamSpecs>(specs: S, values: ParamValues<S>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, p] of Object.entries(specs)) {
    const v = (values as Record<string, unknown>)[k];
    if (v !== p.default) out[kebabCase(k)] = String(v);
  }
  return out;
}
