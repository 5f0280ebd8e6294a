import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../src/resilience/index.ts';
import { main } from '../../scripts/chaos-simulate.ts';

const dir = mkdtempSync(join(tmpdir(), 'chaos-experiment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** A short loopback experiment: the fault from 1 s to 2.5 s of a 3 s run, probes every 500 ms. */
function experiment(over: Partial<ExperimentInput>): ExperimentInput {
  return {
    title: 'test',
    'steady-state-hypothesis': { title: 'all succeed', probes: [{ type: 'probe', name: 'success-rate', metric: 'success-rate', tolerance: [0.99, null] }] },
    method: [{ type: 'action', name: 'fault', target: 'store', fault: { kind: 'errors', rate: 1 }, startMs: 1000, durationMs: 1500 }],
    rollbacks: [{ type: 'action', name: 'clear', target: 'store' }],
    probeIntervalMs: 500,
    durationMs: 3000,
    ...over,
  };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const fast = ['--concurrency', '4', '--timeout', '200'];

describe('scripts/chaos-simulate.sh --experiment FILE (real mode, loopback)', () => {
  it('exits 0 when the hypothesis holds, reporting each phase and window on stderr', async () => {
    const c = capture();
    // Generous bounds, so that a stall of a busy machine's event loop cannot refute it.
    const path = file(
      'holds.json',
      experiment({
        'steady-state-hypothesis': { title: 'nearly all succeed', probes: [{ type: 'probe', name: 'success-rate', metric: 'success-rate', tolerance: [0.95, null] }] },
        method: [{ type: 'action', name: 'slow', target: 'b', fault: { kind: 'latency', ms: 20 }, startMs: 1000, durationMs: 1500 }],
      }),
    );
    expect(await main(['--experiment', path, '--concurrency', '4', '--timeout', '1000'], c.io)).toBe(0);
    const progress = c.err.join('\n');
    expect(progress).toMatch(/phase: steady state, before the method/);
    expect(progress).toMatch(/action "slow": latency into b/);
    expect(progress).toMatch(/phase: fault on/);
    expect(progress).toMatch(/rollback "clear": faults removed from store/);
    expect(c.err.filter((l) => / window \d+–\d+ ms: /.test(l))).toHaveLength(6);
    expect(c.out).toEqual(['test (loopback): hypothesis held']);
  }, 30_000);

  it('exits 3 when a guard is breached, stopping the fault within one probe interval of its start', async () => {
    const c = capture();
    const path = file('aborts.json', experiment({ blastRadius: 1, abortConditions: [{ type: 'probe', name: 'guard', metric: 'success-rate', tolerance: [0.8, null] }] }));
    expect(await main(['--experiment', path, '--json', ...fast], c.io)).toBe(3);
    const report = JSON.parse(c.out[0]) as { mode: string; verdict: { status: string; reason: string; atMs: number } };
    expect(report.mode).toBe('loopback');
    expect(report.verdict).toMatchObject({ status: 'aborted', reason: 'guard' });
    // The fault starts at 1000 ms: the first window with it closes at 1500 ms, and the abort is there at the latest.
    expect(report.verdict.atMs).toBeGreaterThan(1000);
    expect(report.verdict.atMs).toBeLessThanOrEqual(1500);
  }, 30_000);

  it('exits 1 when the hypothesis is refuted and no guard stops the fault', async () => {
    const c = capture();
    const path = file('refuted.json', experiment({ blastRadius: 1 }));
    expect(await main(['--experiment', path, ...fast], c.io)).toBe(1);
    expect(c.out[0]).toMatch(/^test \(loopback\): hypothesis refuted: probe "success-rate" = [\d.]+ out of tolerance at (1500|2000|2500) ms \(during the fault\)$/);
  }, 30_000);

  it('runs the same file on the simulator with --simulate: the same verdict for the same seed, every time', async () => {
    const path = file('sim.json', experiment({ blastRadius: 1, abortConditions: [{ type: 'probe', name: 'guard', metric: 'success-rate', tolerance: [0.8, null] }] }));
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const c = capture();
      expect(await main(['--experiment', path, '--simulate', '--json', '--seed', '7'], c.io)).toBe(3);
      runs.push(c.out[0]);
    }
    expect(runs[0]).toBe(runs[1]);
    expect(JSON.parse(runs[0])).toMatchObject({ mode: 'simulator', verdict: { status: 'aborted', reason: 'guard', atMs: 1500 } });
  });

  it('refuses a malformed file, a fault real mode cannot inject, and mixed modes, with exit 2 and clear messages', async () => {
    let c = capture();
    expect(await main(['--experiment', file('bad.json', { ...experiment({}), probeIntervalMs: 5 })], c.io)).toBe(2);
    expect(c.err).toEqual([expect.stringMatching(/bad\.json is not a valid experiment:$/), '  probeIntervalMs: probeIntervalMs must be >= 100']);
    c = capture();
    expect(await main(['--experiment', file('notjson.json', '{')], c.io)).toBe(2);
    expect(c.err[1]).toMatch(/^ {2}not valid JSON: /);
    c = capture();
    const capacity = file('capacity.json', experiment({ method: [{ type: 'action', name: 'drop', target: 'a', fault: { kind: 'capacity-drop', remaining: 0.5 }, startMs: 0, durationMs: 1000 }] }));
    expect(await main(['--experiment', capacity], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/cannot run on loopback: action "drop": a capacity drop cannot be injected in real mode/);
    c = capture();
    expect(await main(['--experiment', join(dir, 'missing.json')], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--experiment: no such file: /);
    c = capture();
    expect(await main(['--experiment', capacity, '--calls-per-phase', '10'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--calls-per-phase sets up the built-in phase table, not with --experiment/);
    c = capture();
    expect(await main(['--simulate'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/--simulate runs an experiment file: give it with --experiment FILE/);
  });
});
