import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/load-test.ts';

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
}

describe('scripts/load-test', () => {
  it.each([
    [['--url', 'http://127.0.0.1:1/', '--error-rate', '0.5'], /--error-rate applies to the built-in service only, not with --url/],
    [['--url', 'http://127.0.0.1:1/', '--seed', '3'], /--seed applies to the built-in service only/],
    [['--url', 'http://u:p@127.0.0.1:1/'], /--url: a URL with a user name or password is refused/],
    [['--url', 'http://127.0.0.1:1/', '--url', 'http://127.0.0.1:2/'], /--url is given twice/],
    [['--bogus'], /unknown flag --bogus/],
    [['--requests', '1e1'], /--requests: "1e1" is not a number/],
  ])('%j exits 2 before sending anything', async (argv, message) => {
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(message);
    expect(io.lines).toEqual([]);
  });

  it('--help prints the flags and runs nothing', async () => {
    const io = capture();
    expect(await main(['--requests', '100000', '--help'], io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/usage: scripts\/load-test.sh/);
    expect(io.errors).toEqual([]);
  });

  it('calls cut off by --max-seconds are unfinished, not failures (issue 8, item 12)', async () => {
    const io = capture();
    const argv = ['--latency', '3000', '--max-seconds', '1', '--timeout', '60000', '--requests', '20', '--concurrency', '4', '--policy', 'retry', '--json'];
    expect(await main(argv, io)).toBe(0);
    const report = JSON.parse(io.lines.join(''));
    expect(report.failures).toEqual({});
    expect(report.unfinished).toBe(4);
    expect(report.calls).toBe(0);
    expect(report.stoppedByTimeLimit).toBe(true);
  });
});
