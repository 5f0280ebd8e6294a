import { describe, expect, it } from 'vitest';
import { parseExperiment, parseExperimentJson } from '../../../src/resilience/index.ts';
import { validExperiment } from './experiment-fixture.ts';

/** The error lines for an experiment changed by `edit`. */
function errorsAfter(edit: (e: Record<string, unknown>) => void): readonly string[] {
  const e = validExperiment() as unknown as Record<string, unknown>;
  edit(e);
  const parsed = parseExperiment(e);
  if (parsed.ok) throw new Error('expected the experiment to be rejected');
  return parsed.errors;
}

describe('experiment schema', () => {
  it('accepts a valid experiment and fills in the defaults', () => {
    const parsed = parseExperiment(validExperiment());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.experiment.blastRadius).toBe(1);
    expect(parsed.experiment.probeIntervalMs).toBe(1000);
    expect(parsed.experiment.method[0].fault).toEqual({ kind: 'errors', rate: 0.5 });
  });

  it('accepts the example experiment files shipped in experiments/', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const files = (await readdir('experiments')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const parsed = parseExperimentJson(await readFile(`experiments/${f}`, 'utf8'));
      expect(parsed.ok ? [] : parsed.errors, f).toEqual([]);
    }
  });

  it('rejects malformed files with one clear line per problem, naming where it is', () => {
    expect(errorsAfter((e) => delete e['steady-state-hypothesis'])).toEqual(['steady-state-hypothesis: Required']);
    expect(errorsAfter((e) => ((e.method as { fault: unknown }[])[0].fault = { kind: 'explode' }))).toEqual([
      'method[0].fault.kind: fault kind must be one of latency, errors, resets, capacity-drop',
    ]);
    expect(errorsAfter((e) => ((e.method as { fault: unknown }[])[0].fault = { kind: 'errors', rate: 2 }))).toEqual(['method[0].fault.rate: rate must be in [0, 1]']);
    expect(errorsAfter((e) => (e.blastRadius = 0))).toEqual(['blastRadius: blastRadius must be in (0, 1]']);
    expect(errorsAfter((e) => (e.blastRadus = 0.5))).toEqual(["(the experiment): Unrecognized key(s) in object: 'blastRadus'"]);
    expect(errorsAfter((e) => (e.method = []))).toEqual(['method: the method needs at least one action']);
  });

  it('checks probes: tolerance shape and order, a quantile for latency only', () => {
    const probeErrors = (probe: Record<string, unknown>) =>
      errorsAfter((e) => ((e['steady-state-hypothesis'] as { probes: unknown[] }).probes = [probe]));
    expect(probeErrors({ type: 'probe', name: 'p', metric: 'latency', tolerance: [null, 100] })).toEqual([
      'steady-state-hypothesis.probes[0].quantile: a latency probe needs a quantile, e.g. 0.99',
    ]);
    expect(probeErrors({ type: 'probe', name: 'p', metric: 'success-rate', tolerance: [0.9, 0.5] })).toEqual([
      'steady-state-hypothesis.probes[0].tolerance: tolerance [min, max] needs min <= max',
    ]);
    expect(probeErrors({ type: 'probe', name: 'p', metric: 'success-rate', tolerance: 0.99 })).toEqual([
      'steady-state-hypothesis.probes[0].tolerance: tolerance must be an inclusive range [min, max] of numbers (null for an open end)',
    ]);
    expect(probeErrors({ type: 'probe', name: 'p', metric: 'throughput', tolerance: [1, null] })).toEqual([
      'steady-state-hypothesis.probes[0].metric: metric must be one of success-rate, latency, goodput',
    ]);
  });

  it('says what is wrong with a number: not whole, not finite, out of range once', () => {
    expect(errorsAfter((e) => ((e.method as { startMs: number }[])[0].startMs = 1.5))).toEqual(['method[0].startMs: Expected integer, received float']);
    expect(errorsAfter((e) => (e.durationMs = '20000'))).toEqual(['durationMs: Expected number, received string']);
    const probes = (e: Record<string, unknown>) => (e['steady-state-hypothesis'] as { probes: Record<string, unknown>[] }).probes;
    expect(errorsAfter((e) => (probes(e)[0].tolerance = [Infinity, null]))).toEqual(['steady-state-hypothesis.probes[0].tolerance[0]: Number must be finite']);
    // A latency probe's quantile out of range is that one problem, not also a missing quantile.
    expect(errorsAfter((e) => (probes(e)[1].quantile = 2))).toEqual(['steady-state-hypothesis.probes[1].quantile: quantile must be in (0, 1)']);
  });

  it('rejects an action that would outlast the experiment, and a probe name used twice', () => {
    expect(errorsAfter((e) => (e.durationMs = 10_000))).toEqual(['method[0]: action "errors" ends at 15000 ms, after the experiment\'s durationMs 10000']);
    expect(errorsAfter((e) => ((e.abortConditions as { name: string }[])[0].name = 'success'))).toEqual(['steady-state-hypothesis: probe name "success" is used twice']);
  });

  it('says so when a file is not JSON at all', () => {
    const parsed = parseExperimentJson('{ "title": ');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^not valid JSON: /);
  });
});
