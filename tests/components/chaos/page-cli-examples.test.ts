import { describe, expect, it } from 'vitest';
import { main } from '../../../scripts/chaos-simulate.ts';

/**
 * What the chaos page says the two shipped experiment files do: the latency
 * one holds, the error spike is aborted by its guard (exit 0 and 3). Checked
 * on the simulator, where the verdict is the same on every run, through the
 * same command the page shows.
 */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('the chaos page’s command-line examples', () => {
  it('experiments/latency-on-one-backend.json: the hypothesis holds, exit 0', async () => {
    const c = capture();
    expect(await main(['--experiment', 'experiments/latency-on-one-backend.json', '--simulate', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out[0])).toMatchObject({ mode: 'simulator', verdict: { status: 'held' } });
  });

  it('experiments/error-spike-abort.json: the guard aborts, exit 3', async () => {
    const c = capture();
    expect(await main(['--experiment', 'experiments/error-spike-abort.json', '--simulate', '--json'], c.io)).toBe(3);
    expect(JSON.parse(c.out[0])).toMatchObject({ mode: 'simulator', verdict: { status: 'aborted', reason: 'guard' } });
  });

  it('a file that is not there: exit 2, a message, nothing run', async () => {
    const c = capture();
    expect(await main(['--experiment', 'experiments/no-such-file.json'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/no such file/);
    expect(c.out).toEqual([]);
  });
});
