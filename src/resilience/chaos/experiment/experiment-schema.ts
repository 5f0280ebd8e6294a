import { z } from 'zod';

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

const bound = z.number().finite().nullable();

const tolerance = z
  .tuple([bound, bound], { errorMap: () => ({ message: 'tolerance must be an inclusive range [min, max] of numbers (null for an open end)' }) })
  .refine(([min, max]) => min === null || max === null || min <= max, { message: 'tolerance [min, max] needs min <= max' })
  .refine(([min, max]) => min !== null || max !== null, { message: 'tolerance needs at least one bound' });

export const probeMetrics = ['success-rate', 'latency', 'goodput'] as const;

const probe = z
  .object({
    type: z.literal('probe', { errorMap: () => ({ message: 'type must be "probe"' }) }),
    name: z.string().min(1, 'a probe needs a name'),
    /** success-rate: fraction of the requests ended in the interval that succeeded; latency: the `quantile` of their latency, ms; goodput: successes per second. */
    metric: z.enum(probeMetrics, { errorMap: () => ({ message: `metric must be one of ${probeMetrics.join(', ')}` }) }),
    quantile: z.number().gt(0, 'quantile must be in (0, 1)').lt(1, 'quantile must be in (0, 1)').optional(),
    tolerance,
  })
  .strict()
  .refine((p) => p.metric !== 'latency' || p.quantile !== undefined, { message: 'a latency probe needs a quantile, e.g. 0.99', path: ['quantile'] })
  .refine((p) => p.metric === 'latency' || p.quantile === undefined, { message: 'only a latency probe takes a quantile', path: ['quantile'] });

export const faultKinds = ['latency', 'errors', 'resets', 'capacity-drop'] as const;

const fault = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('latency'), ms: z.number().positive('latency ms must be > 0').max(60_000, 'latency ms must be at most 60000') }).strict(),
    z.object({ kind: z.literal('errors'), rate: z.number().min(0, 'rate must be in [0, 1]').max(1, 'rate must be in [0, 1]') }).strict(),
    z.object({ kind: z.literal('resets'), rate: z.number().min(0, 'rate must be in [0, 1]').max(1, 'rate must be in [0, 1]') }).strict(),
    /** The target keeps this fraction of its capacity (workers); simulator only. */
    z.object({ kind: z.literal('capacity-drop'), remaining: z.number().gt(0, 'remaining must be in (0, 1)').lt(1, 'remaining must be in (0, 1)') }).strict(),
  ],
  { errorMap: (issue, ctx) => (issue.code === 'invalid_union_discriminator' ? { message: `fault kind must be one of ${faultKinds.join(', ')}` } : { message: ctx.defaultError }) },
);

const action = z
  .object({
    type: z.literal('action', { errorMap: () => ({ message: 'type must be "action"' }) }),
    name: z.string().min(1, 'an action needs a name'),
    target: z.string().min(1, 'an action needs a target'),
    fault,
    startMs: z.number().int().nonnegative('startMs must be >= 0'),
    durationMs: z.number().int().positive('durationMs must be > 0'),
  })
  .strict();

const rollback = z
  .object({
    type: z.literal('action', { errorMap: () => ({ message: 'type must be "action"' }) }),
    name: z.string().min(1, 'a rollback needs a name'),
    /** Removes every fault on this target. */
    target: z.string().min(1, 'a rollback needs a target'),
  })
  .strict();

export const experimentSchema = z
  .object({
    version: z.string().optional(),
    title: z.string().min(1, 'an experiment needs a title'),
    description: z.string().optional(),
    'steady-state-hypothesis': z
      .object({ title: z.string().min(1, 'the hypothesis needs a title'), probes: z.array(probe).min(1, 'the hypothesis needs at least one probe') })
      .strict(),
    method: z.array(action).min(1, 'the method needs at least one action'),
    rollbacks: z.array(rollback).default([]),
    /** Fraction of the target's hosts (simulator) or traffic (real mode) the faults reach. */
    blastRadius: z.number().gt(0, 'blastRadius must be in (0, 1]').max(1, 'blastRadius must be in (0, 1]').default(1),
    /** Guards: when one is out of its tolerance while a fault is on, every fault stops at once and the experiment is aborted. */
    abortConditions: z.array(probe).default([]),
    probeIntervalMs: z.number().int().min(100, 'probeIntervalMs must be >= 100').max(60_000, 'probeIntervalMs must be <= 60000').default(1000),
    durationMs: z.number().int().positive('durationMs must be > 0').max(3_600_000, 'durationMs must be <= 3600000'),
  })
  .strict()
  .superRefine((e, ctx) => {
    e.method.forEach((a, i) => {
      if (a.startMs + a.durationMs > e.durationMs) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['method', i], message: `action "${a.name}" ends at ${a.startMs + a.durationMs} ms, after the experiment's durationMs ${e.durationMs}` });
      }
    });
    const names = [...e['steady-state-hypothesis'].probes, ...e.abortConditions].map((p) => p.name);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated !== undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['steady-state-hypothesis'], message: `probe name "${repeated}" is used twice` });
  });

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
function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(the experiment)' : out;
}

/** Checks an experiment; on failure, one line per problem: where it is in the file and what is wrong. */
export function parseExperiment(input: unknown): ParsedExperiment {
  const result = experimentSchema.safeParse(input);
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
