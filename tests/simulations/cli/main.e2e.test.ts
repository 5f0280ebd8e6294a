import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jitterContention } from '../../../simulations/scenarios/jitter-contention.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sim(args: string[]) {
  return spawnSync('npx', ['tsx', 'simulations/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('npx tsx simulations/cli/main.ts (a real process)', () => {
  it('--json prints one JSON object whose summary is what the scenario returns in-process', () => {
    const r = sim(['jitter-contention', '--clients', '20', '--strategy', 'equal', '--seed', '7', '--json']);
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed.scenario).toBe('jitter-contention');
    expect(printed.params).toEqual({ clients: 20, strategy: 'equal', base: 5, cap: 2000 });
    expect([printed.seed, printed.runs]).toEqual([7, 1]);
    expect(printed.summary).toEqual(jitterContention.run(printed.params, 7).summary);
  });

  it('a bad value exits with code 2 and says why on stderr', () => {
    const r = sim(['jitter-contention', '--clients', '0']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--clients: 0 is out of range (expected an integer from 1 to 200)');
  });
});
