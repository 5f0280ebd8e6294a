import { describe, expect, it } from 'vitest';
import { runStatus, type RunStatusInput } from '../../../../src/components/frame/runner/run-status.ts';

const base: RunStatusInput = { ready: true, key: 'k2', shown: { key: 'k1' }, failure: undefined, outcome: undefined, progress: undefined };

describe('run status line', () => {
  it('before hydration, shows the build-time default as idle', () => {
    expect(runStatus({ ...base, ready: false })).toEqual({ state: 'idle', text: 'Showing the default run, computed when this page was built.' });
  });

  it('counts the runs of a part that is some of the plan’s runs', () => {
    const s = runStatus({ ...base, shown: { key: 'k2', partial: { runs: 4, of: 28 } }, progress: 0.25 });
    expect(s).toEqual({ state: 'running', text: 'Partial result: 4 of 28 runs shown; the chart refines as the rest finish… 25%' });
  });

  it('says what a labelled preview is (a shorter run), not a count of runs it is not among', () => {
    const s = runStatus({ ...base, shown: { key: 'k2', partial: { runs: 1, of: 1, label: 'Preview: the first 20 s of the 60 s run.' } } });
    expect(s).toEqual({ state: 'running', text: 'Preview: the first 20 s of the 60 s run. The whole run follows…' });
  });

  it('a preview of an older plan is no preview of this one: running', () => {
    expect(runStatus({ ...base, shown: { key: 'k1', partial: { runs: 1, of: 1, label: 'Preview.' } } }).text).toBe('Running…');
  });

  it('reports a failure of the current plan, and where a finished job ran', () => {
    expect(runStatus({ ...base, failure: { key: 'k2', message: 'boom' } })).toEqual({ state: 'error', text: 'Error: the simulation failed (boom).' });
    const outcome = { results: [], computed: 5, reused: 2, elapsedMs: 12.4, where: 'worker' as const, here: 2 };
    expect(runStatus({ ...base, shown: { key: 'k2' }, outcome }).text).toBe('Done: 5 runs in 12 ms (2 on this page, 3 in a worker), 2 reused.');
  });
});
