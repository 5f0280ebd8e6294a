import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExperimentEvaluator, parseExperiment, verdictExitCode, type Experiment, type WindowMeasurement } from '../../../src/resilience/index.ts';
import { validExperiment } from './experiment-fixture.ts';

function experiment(): Experiment {
  const parsed = parseExperiment(validExperiment());
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.experiment;
}

/** A window of 100 requests ended, `ok` of them succeeded, each taking `latencyMs`. */
function window(index: number, ok: number, latencyMs = 50): WindowMeasurement {
  return { startMs: index * 1000, endMs: (index + 1) * 1000, started: 100, ended: 100, succeeded: ok, latenciesMs: Array.from({ length: 100 }, () => latencyMs) };
}

describe('ExperimentEvaluator', () => {
  it('holds when every window is within tolerance; exit code 0', () => {
    const ev = new ExperimentEvaluator(experiment());
    for (let i = 0; i < 20; i++) expect(ev.observe(window(i, 100))).toBeUndefined();
    expect(ev.verdict()).toEqual({ status: 'held' });
    expect(verdictExitCode(ev.verdict())).toBe(0);
    expect(ev.windows.map((w) => w.phase).join(',')).toBe([...Array(5).fill('before'), ...Array(10).fill('during'), ...Array(5).fill('after')].join(','));
  });

  it('is refuted by the first probe out of tolerance after the fault starts, and keeps measuring; exit code 1', () => {
    const ev = new ExperimentEvaluator(experiment());
    for (let i = 0; i < 20; i++) ev.observe(window(i, i === 7 ? 95 : 100, i === 9 ? 900 : 50));
    expect(ev.verdict()).toEqual({ status: 'refuted', probe: 'success', value: 0.95, atMs: 8000, phase: 'during' });
    expect(ev.windows).toHaveLength(20);
    expect(verdictExitCode(ev.verdict())).toBe(1);
  });

  it('aborts without injecting when the steady state is not met before the method (as the Chaos Toolkit bails out)', () => {
    const ev = new ExperimentEvaluator(experiment());
    expect(ev.observe(window(0, 100))).toBeUndefined();
    expect(ev.observe(window(1, 90))).toEqual({ reason: 'steady-state-not-met', probe: 'success', value: 0.9, atMs: 2000 });
    expect(verdictExitCode(ev.verdict())).toBe(3);
  });

  it('aborts within one probe interval of a breached guard, whenever the breach happens during the fault', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5000, max: 14_999 }), (breachAt) => {
        const ev = new ExperimentEvaluator(experiment());
        let order;
        for (let i = 0; i < 20 && order === undefined; i++) order = ev.observe(window(i, (i + 1) * 1000 > breachAt ? 10 : 100));
        expect(order?.reason).toBe('guard');
        expect(order!.atMs).toBeGreaterThan(breachAt);
        expect(order!.atMs - breachAt).toBeLessThanOrEqual(1000);
        expect(ev.verdict().status).toBe('aborted');
      }),
    );
  });

  it('checks guards only while a fault is on', () => {
    const ev = new ExperimentEvaluator(experiment());
    for (let i = 0; i < 20; i++) ev.observe(window(i, i >= 15 ? 10 : 100));
    expect(ev.verdict()).toMatchObject({ status: 'refuted', probe: 'success', atMs: 16_000, phase: 'after' });
  });

  it('treats a window with no data as no evidence, but a window where nothing ended while requests started as failure', () => {
    const ev = new ExperimentEvaluator(experiment());
    for (let i = 0; i < 6; i++) ev.observe(window(i, 100));
    ev.observe({ startMs: 6000, endMs: 7000, started: 0, ended: 0, succeeded: 0, latenciesMs: [] });
    expect(ev.verdict()).toEqual({ status: 'held' });
    expect(ev.windows[6].probes.map((p) => p.value)).toEqual([null, null]);
    ev.observe({ startMs: 7000, endMs: 8000, started: 50, ended: 0, succeeded: 0, latenciesMs: [] });
    expect(ev.verdict()).toMatchObject({ status: 'aborted', reason: 'guard', value: 0 });
  });
});
