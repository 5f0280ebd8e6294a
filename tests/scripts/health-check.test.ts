import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultyService, type FaultyService } from '../../examples/shared/faulty-service.ts';
import { main, type Output } from '../../scripts/health-check.ts';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

interface Report {
  worstCaseDetectionMs: number;
  worstCaseRecoveryMs: number;
  targets: { name: string; healthy: boolean; checks: number; timerLateMs: number }[];
  transitions: { target: string; transition: string; atMs: number }[];
  measured: { target: string; detectionMs: number | null; recoveryMs: number | null } | null;
}

let services: FaultyService[] = [];
afterEach(async () => {
  for (const s of services) await s.close();
  services = [];
});

describe('scripts/health-check', () => {
  it.each([
    [['--interval', 'abc'], /--interval: "abc" is not a number/],
    [['--unhealthy-threshold', '0'], /--unhealthy-threshold: 0 is out of range/],
    [['--duration', '500'], /--duration: 500 is out of range \(expected a number from 0.5 to 120 s\)/],
    [['--failure', 'melt'], /--failure: "melt" is not one of outage, hang, reset/],
    [['--bogus', '1'], /unknown flag --bogus/],
    [['--json=yes'], /--json takes no value/],
    [['--url'], /--url needs a value/],
    [['--url', 'http://user:secret@127.0.0.1:1/'], /--url: a URL with a user name or password is refused/],
    [['--interval', '0x10'], /--interval: "0x10" is not a number/],
    [['--interval', '100', '--interval', '200'], /--interval is given twice/],
    [['-v'], /unknown option "-v"/],
    [['--fail-at', '20', '--duration', '10'], /--fail-at 20 s is not before the end of the run/],
    [['--url', 'http://127.0.0.1:1/', '--failure', 'hang'], /--failure applies to the built-in services only/],
  ])('exits 2 with a message naming the problem for %j', async (argv, message) => {
    const io = capture();
    expect(await main(argv, io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(message);
    expect(io.lines).toEqual([]);
  });

  it.each(['http://10.0.0.1/', 'http://example.com/health', 'https://127.0.0.1/', 'http://192.168.0.1/,http://127.0.0.1:1/'])(
    'refuses %s before checking anything (exit 2)',
    async (url) => {
      const io = capture();
      expect(await main(['--url', url], io)).toBe(2);
      expect(io.errors.join('\n')).toMatch(/--url: /);
      expect(io.lines).toEqual([]);
    },
  );

  it('the shell front passes the exit status and the message through', () => {
    const r = spawnSync('scripts/health-check.sh', ['--timeout', '5'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--timeout: 5 is out of range/);
  });

  it('checks the URLs given: the one that is down becomes unhealthy, the other stays healthy, and the exit status says so', async () => {
    services = [await startFaultyService(), await startFaultyService({ faults: { outage: true } })];
    const [up, down] = services;
    const io = capture();
    const argv = [
      '--url',
      up.url,
      `--url=${down.url}`,
      '--interval',
      '50',
      '--timeout',
      '200',
      '--unhealthy-threshold',
      '2',
      '--jitter',
      '0',
      '--duration',
      '0.8',
      '--json',
    ];
    expect(await main(argv, io)).toBe(1);
    const report = JSON.parse(io.lines.join('')) as Report;
    expect(report.targets.map((t) => t.healthy)).toEqual([true, false]);
    expect(report.transitions).toEqual([expect.objectContaining({ target: new URL(down.url).host, transition: 'became-unhealthy' })]);
    expect(report.measured).toBeNull();
    expect(down.stats.requests).toBe(report.targets[1].checks);
  });

  it('detects the built-in failure and the recovery, each within worstCaseDetectionMs plus how late its timers woke', async () => {
    const io = capture();
    const argv = ['--interval', '100', '--timeout', '200', '--unhealthy-threshold', '2', '--healthy-threshold', '2', '--jitter', '10'];
    const code = await main([...argv, '--fail-at', '0.5', '--fail-for', '1', '--duration', '3', '--json'], io);
    const report = JSON.parse(io.lines.join('')) as Report;
    // 2 × max(100 + 10, 200) + 200 ms: two timed-out checks, the second one's verdict at its deadline.
    expect(report.worstCaseDetectionMs).toBe(600);
    expect(report.worstCaseRecoveryMs).toBe(600);
    const failing = report.targets.find((t) => t.name === report.measured?.target)!;
    // The bound is the core's, for checks that start on time; a late timer pushes back every later check of the target.
    expect(report.measured?.detectionMs).toBeGreaterThan(0);
    expect(report.measured!.detectionMs!).toBeLessThanOrEqual(report.worstCaseDetectionMs + failing.timerLateMs);
    expect(report.measured?.recoveryMs).toBeGreaterThan(0);
    expect(report.measured!.recoveryMs!).toBeLessThanOrEqual(report.worstCaseRecoveryMs + failing.timerLateMs);
    expect(code).toBe(0);
  });

  it('a dead target in a run shorter than --unhealthy-threshold checks is not reported healthy (exit 1)', async () => {
    const io = capture();
    const code = await main(['--url', await closedPortUrl(), '--duration', '1', '--interval', '500', '--unhealthy-threshold', '3'], io);
    expect(io.lines.join('\n')).toMatch(/0 passed; NEVER SEEN HEALTHY at the end/);
    expect(code).toBe(1);
  });

  it('property: a target that never passes a check is never reported healthy, whatever the thresholds and the run length', async () => {
    // One server per kind of failure a check can meet: an error status, a redirect (never followed), a refused connection.
    const failing = await startFaultyService({ faults: { outage: true } });
    services = [failing];
    const redirect = createServer((_, res) => res.writeHead(302, { location: failing.url }).end());
    await new Promise<void>((resolve) => redirect.listen(0, '127.0.0.1', () => resolve()));
    const urls = [failing.url, `http://127.0.0.1:${(redirect.address() as AddressInfo).port}/`, await closedPortUrl()];
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...urls),
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 20, max: 300 }),
          fc.integer({ min: 5, max: 40 }).map((tenths) => tenths / 100),
          async (url, healthy, unhealthy, interval, duration) => {
            const io = capture();
            const argv = ['--url', url, '--healthy-threshold', String(healthy), '--unhealthy-threshold', String(unhealthy), '--interval', String(interval)];
            const code = await main([...argv, '--jitter', '0', '--timeout', '200', '--duration', String(Math.max(0.5, duration)), '--json'], io);
            const report = JSON.parse(io.lines.join('')) as Report;
            expect(report.targets[0].healthy).toBe(false);
            expect(code).toBe(1);
          },
        ),
        { numRuns: 12 },
      );
    } finally {
      redirect.closeAllConnections();
      await new Promise<void>((resolve) => redirect.close(() => resolve()));
    }
  });
});

/** A loopback URL on a port nothing listens on: a server took it and let it go. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
