// zod's tree-shakable build: this schema also runs in the browser (the chaos
// page's experiment widget builds an experiment per run), where classic zod
// cost 14 KB gzip of the page's JavaScript; zod/mini about a third of that.
import * as z from 'zod/v4-mini';

/**
 * A chaos experiment as data, in the vocabulary of the Chaos Toolkit's
 * experiment format (https://chaostoolkit.org/reference/api/experiment/):
 * a `steady-state-hypothesis` of probes, each with a `tolerance` (here always
 * the inclusive-range form, `[min, max]`, null for an open end), a `method`
 * of actions and `rollbacks`. Probes here are not providers to call: they
 * name a measurement of the traffic (success rate, a latency quantile,
 * goodput) taken over every probe interval, so one file runs the same way
 * on the simulator and for real. To the Chaos Toolkit's format this adds
 * what the Principles of Chaos Engineering (https://principlesofchaos.org/)
 * ask for and the toolkit leaves to extensions: a blast radius, abort
 * conditions, and a time for each action.
 */

const bound = z.nullable(z.number());

const tolerance = z
  .tuple([bound, bound], { error: 'tolerance must be an inclusive range [min, max] of numbers (null for an open end)' })
  .check(
    z.refine(([min, max]) => min === null || max === null || min <= max, 'tolerance [min, max] needs min <= max'),
    z.refine(([min, max]) => min !== null || max !== null, 'tolerance needs at least one bound'),
  );

export const probeMetrics = ['success-rate', 'latency', 'goodput'] as const;

const probe = z
  .strictObject({
    type: z.literal('probe', 'type must be "probe"'),
    name: z.string().check(z.minLength(1, 'a probe needs a name')),
    /** success-rate: fraction of the requests ended in the interval that succeeded; latency: the `quantile` of their latency, ms; goodput: successes per second. */
    metric: z.enum(probeMetrics, `metric must be one of ${probeMetrics.join(', ')}`),
    quantile: z.optional(z.number().check(z.gt(0, 'quantile must be in (0, 1)'), z.lt(1, 'quantile must be in (0, 1)'))),
    tolerance,
  })
  .check(
    z.check((ctx) => {
      // A quantile out of (0, 1) is said once, as that: zod has already left the bad value out of ctx.value.
      if (ctx.issues.some((issue) => issue.path?.[0] === 'quantile')) return;
      const p = ctx.value;
      if (p.metric === 'latency' && p.quantile === undefined) ctx.issues.push({ code: 'custom', input: p, path: ['quantile'], message: 'a latency probe needs a quantile, e.g. 0.99' });
      if (p.metric !== 'latency' && p.quantile !== undefined) ctx.issues.push({ code: 'custom', input: p, path: ['quantile'], message: 'only a latency probe takes a quantile' });
    }),
  );

export const faultKinds = ['latency', 'errors', 'resets', 'capacity-drop'] as const;

const unitRate = z.number().check(z.minimum(0, 'rate must be in [0, 1]'), z.maximum(1, 'rate must be in [0, 1]'));

const fault = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('latency'), ms: z.number().check(z.positive('latency ms must be > 0'), z.maximum(60_000, 'latency ms must be at most 60000')) }),
    z.strictObject({ kind: z.literal('errors'), rate: unitRate }),
    z.strictObject({ kind: z.literal('resets'), rate: unitRate }),
    /** The target keeps this fraction of its capacity (workers); simulator only. */
    z.strictObject({ kind: z.literal('capacity-drop'), remaining: z.number().check(z.gt(0, 'remaining must be in (0, 1)'), z.lt(1, 'remaining must be in (0, 1)')) }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `fault kind must be one of ${faultKinds.join(', ')}` : undefined) },
);

const action = z.strictObject({
  type: z.literal('action', 'type must be "action"'),
  name: z.string().check(z.minLength(1, 'an action needs a name')),
  target: z.string().check(z.minLength(1, 'an action needs a target')),
  fault,
  startMs: z.int().check(z.nonnegative('startMs must be >= 0')),
  durationMs: z.int().check(z.positive('durationMs must be > 0')),
});

const rollback = z.strictObject({
  type: z.literal('action', 'type must be "action"'),
  name: z.string().check(z.minLength(1, 'a rollback needs a name')),
  /** Removes every fault on this target. */
  target: z.string().check(z.minLength(1, 'a rollback needs a target')),
});

export const experimentSchema = z
  .strictObject({
    version: z.optional(z.string()),
    title: z.string().check(z.minLength(1, 'an experiment needs a title')),
    description: z.optional(z.string()),
    'steady-state-hypothesis': z.strictObject({
      title: z.string().check(z.minLength(1, 'the hypothesis needs a title')),
      probes: z.array(probe).check(z.minLength(1, 'the hypothesis needs at least one probe')),
    }),
    method: z.array(action).check(z.minLength(1, 'the method needs at least one action')),
    rollbacks: z._default(z.array(rollback), () => []),
    /** Fraction of the target's hosts (simulator) or traffic (real mode) the faults reach. */
    blastRadius: z._default(z.number().check(z.gt(0, 'blastRadius must be in (0, 1]'), z.maximum(1, 'blastRadius must be in (0, 1]')), 1),
    /** Guards: when one is out of its tolerance while a fault is on, every fault stops at once and the experiment is aborted. */
    abortConditions: z._default(z.array(probe), () => []),
    probeIntervalMs: z._default(z.int().check(z.minimum(100, 'probeIntervalMs must be >= 100'), z.maximum(60_000, 'probeIntervalMs must be <= 60000')), 1000),
    durationMs: z.int().check(z.positive('durationMs must be > 0'), z.maximum(3_600_000, 'durationMs must be <= 3600000')),
  })
  .check(
    z.check((ctx) => {
      const e = ctx.value;
      e.method.forEach((a, i) => {
        if (a.startMs + a.durationMs > e.durationMs) {
          ctx.issues.push({ code: 'custom', input: e, path: ['method', i], message: `action "${a.name}" ends at ${a.startMs + a.durationMs} ms, after the experiment's durationMs ${e.durationMs}` });
        }
      });
      const names = [...e['steady-state-hypothesis'].probes, ...e.abortConditions].map((p) => p.name);
      const repeated = names.find((n, i) => names.indexOf(n) !== i);
      if (repeated !== undefined) ctx.issues.push({ code: 'custom', input: e, path: ['steady-state-hypothesis'], message: `probe name "${repeated}" is used twice` });
    }),
  );

/**
 * The messages for what the schemas above leave unsaid, worded as classic
 * zod said them (the wording experiment files were checked with before): a
 * missing key is "Required", a wrong type "Expected number, received string".
 */
function defaultMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Required';
      // A number that is not one: ±Infinity, or a fraction where an integer is expected.
      if (typeof issue.input === 'number' && !Number.isNaN(issue.input) && (issue.expected === 'number' || issue.expected === 'int')) {
        return Number.isFinite(issue.input) ? 'Expected integer, received float' : 'Number must be finite';
      }
      return `Expected ${issue.expected}, received ${typeName(issue.input)}`;
    case 'unrecognized_keys':
      return `Unrecognized key(s) in object: ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `Invalid value, expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
    default:
      return 'Invalid input';
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** An experiment as written (defaults may be missing). */
export type ExperimentInput = z.input<typeof experimentSchema>;
/** An experiment with its defaults filled in. */
export type Experiment = z.output<typeof experimentSchema>;
export type Probe = Experiment['steady-state-hypothesis']['probes'][number];
export type FaultAction = Experiment['method'][number];
export type InjectedFault = FaultAction['fault'];
export type Rollback = Experiment['rollbacks'][number];

export type ParsedExperiment = { readonly ok: true; readonly experiment: Experiment } | { readonly ok: false; readonly errors: readonly string[] };

/** `method[0].fault.rate`, as a reader of the file would point at it. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out === '' ? '(the experiment)' : out;
}

/** Checks an experiment; on failure, one line per problem: where it is in the file and what is wrong. */
export function parseExperiment(input: unknown): ParsedExperiment {
  const result = experimentSchema.safeParse(input, { error: defaultMessage });
  if (result.success) return { ok: true, experiment: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
}

/** Parses the text of an experiment file: JSON first, then the schema. */
export function parseExperimentJson(text: string): ParsedExperiment {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return parseExperiment(value);
}
