import { describe, expect, it } from 'vitest';
import { builtInPhases, main } from '../../scripts/chaos-simulate.ts';

describe('scripts/chaos-simulate', () => {
  it('says on stderr when each phase of each policy starts and how it ended, before the table (issue 8, item 15)', async () => {
    const log: { stream: 'out' | 'err'; line: string }[] = [];
    const io = { out: (line: string) => log.push({ stream: 'out', line }), err: (line: string) => log.push({ stream: 'err', line }) };
    const code = await main(['--calls-per-phase', '10', '--concurrency', '5', '--timeout', '100', '--max-seconds', '2'], io);
    expect(code).toBe(0);
    const progress = log.filter((l) => l.stream === 'err').map((l) => l.line);
    const steps = 2 * builtInPhases.length;
    expect(progress).toHaveLength(2 * steps);
    for (const [i, phase] of builtInPhases.entries()) {
      expect(progress[2 * i]).toMatch(new RegExp(`^\\[${i + 1}/${steps}\\] timeout only, ${escape(phase.name)}: 10 calls`));
      expect(progress[2 * i + 1]).toMatch(new RegExp(`^\\[${i + 1}/${steps}\\] timeout only, ${escape(phase.name)}: done in [\\d.]+ s, [\\d.]+% succeeded`));
    }
    // The table comes after the last progress line: the progress is not the report.
    const lastProgress = log.map((l) => l.stream).lastIndexOf('err');
    const table = log.slice(lastProgress + 1).filter((l) => l.stream === 'out');
    expect(table).toHaveLength(1 + steps);
  });

  it('bad flags exit 2 with a message, and --help runs nothing', async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
    expect(await main(['--calls-per-phase', '0x20'], io)).toBe(2);
    expect(errors.join('\n')).toMatch(/--calls-per-phase: "0x20" is not a number/);
    expect(await main(['--help'], io)).toBe(0);
    expect(lines.join('\n')).toMatch(/usage: scripts\/chaos-simulate.sh/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
