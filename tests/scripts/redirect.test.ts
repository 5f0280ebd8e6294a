import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/params/loopback-url.ts';
import { main as healthCheck } from '../../scripts/health-check.ts';
import { main as loadTest } from '../../scripts/load-test.ts';
import { HttpError } from '../../examples/shared/http-error.ts';
import { httpGet } from '../../examples/shared/http-get.ts';
import { getOk } from '../../examples/shared/load-runner.ts';

/**
 * 127.0.0.2 is loopback, but the guard refuses it too: the guard's own test
 * connects there, so even a broken guard cannot reach another host.
 */
const GUARD_PROBE = '127.0.0.2';
const blocked = (host: string) => host === GUARD_PROBE || !(isLoopbackHost(host) || isLoopbackHost(`[${host.replace(/^\[|\]$/g, '')}]`));

/**
 * Item 10 of issue 8: a loopback service that answers with a redirect must
 * not send the commands anywhere else. Every TCP connection this process
 * opens goes through a guard: one to an address outside the loopback rule is
 * recorded and never made, so the test cannot reach another host even if the
 * code under test regressed and followed the redirect.
 */
const refused: string[] = [];
const originalConnect = net.Socket.prototype.connect;

/** The host a `socket.connect(...)` call asks for; `net.connect` passes its arguments already normalized, as one array. */
function hostOf(args: readonly unknown[]): string {
  const [first, second] = args;
  if (Array.isArray(first)) return hostOf(first);
  if (typeof first === 'object' && first !== null && 'host' in first && typeof first.host === 'string') return first.host;
  if (typeof second === 'string') return second;
  return 'localhost';
}

beforeAll(() => {
  Object.defineProperty(net.Socket.prototype, 'connect', {
    configurable: true,
    writable: true,
    value: function guardedConnect(this: net.Socket, ...args: unknown[]) {
      const host = hostOf(args);
      if (blocked(host)) {
        refused.push(host);
        process.nextTick(() => this.destroy(new Error(`test guard: no connection to ${host}`)));
        return this;
      }
      return Reflect.apply(originalConnect, this, args);
    },
  });
});

afterAll(() => {
  Object.defineProperty(net.Socket.prototype, 'connect', { configurable: true, writable: true, value: originalConnect });
});

interface Counted {
  readonly url: string;
  readonly hits: () => number;
  close(): Promise<void>;
}

async function serve(handler: (res: import('node:http').ServerResponse) => void): Promise<Counted> {
  let hits = 0;
  const server: Server = createServer((_, res) => {
    hits++;
    handler(res);
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    hits: () => hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const redirectTo = (location: string) => serve((res) => res.writeHead(302, { location }).end());

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
}

let servers: Counted[] = [];
afterEach(async () => {
  for (const s of servers) await s.close();
  servers = [];
  refused.length = 0;
});

describe('redirects are never followed (issue 8, item 10)', () => {
  it('the guard refuses what it should and lets loopback through', async () => {
    expect(['10.255.255.1', 'example.com', '::ffff:7f00:1', GUARD_PROBE].map(blocked)).toEqual([true, true, true, true]);
    expect(['127.0.0.1', 'localhost', '::1', '[::1]'].map(blocked)).toEqual([false, false, false, false]);
    const target = await serve((res) => res.end('ok'));
    servers.push(target);
    const socket = net.connect({ host: GUARD_PROBE, port: 18_080 });
    await new Promise((resolve) => socket.once('error', resolve));
    const viaFetch = await fetch(`http://${GUARD_PROBE}:18080/`).catch((e: unknown) => e);
    expect(viaFetch).toBeInstanceOf(TypeError);
    expect(refused).toEqual([GUARD_PROBE, GUARD_PROBE]);
    expect((await fetch(target.url)).status).toBe(200);
  });

  it('load-test: a redirect to another loopback port sends nothing there; each 302 is counted as an answer', async () => {
    const elsewhere = await serve((res) => res.end('ok'));
    const redirecting = await redirectTo(elsewhere.url);
    servers.push(elsewhere, redirecting);
    const io = capture();
    const code = await loadTest(['--url', redirecting.url, '--requests', '6', '--concurrency', '2', '--policy', 'retry', '--max-seconds', '10', '--json'], io);
    expect(code).toBe(0);
    const report = JSON.parse(io.lines.join(''));
    expect(redirecting.hits()).toBe(6);
    expect(elsewhere.hits()).toBe(0);
    expect(report.failures).toEqual({ 'HTTP 302': 6 });
    expect(report.unfinished).toBe(0);
  });

  it('load-test: a redirect to a non-loopback address opens no connection outside loopback', async () => {
    const redirecting = await redirectTo('http://10.255.255.1/');
    servers.push(redirecting);
    const io = capture();
    const code = await loadTest(['--url', redirecting.url, '--requests', '4', '--concurrency', '2', '--policy', 'none', '--max-seconds', '10', '--json'], io);
    expect(code).toBe(0);
    expect(refused).toEqual([]);
    expect(redirecting.hits()).toBe(4);
    expect(JSON.parse(io.lines.join('')).failures).toEqual({ 'HTTP 302': 4 });
  });

  it('health-check: a redirecting target fails its checks and the redirect target receives nothing', async () => {
    const elsewhere = await serve((res) => res.end('ok'));
    const redirecting = await redirectTo(elsewhere.url);
    const outside = await redirectTo('http://10.255.255.1/health');
    servers.push(elsewhere, redirecting, outside);
    const io = capture();
    const argv = [
      '--url',
      redirecting.url,
      '--url',
      outside.url,
      '--interval',
      '50',
      '--timeout',
      '200',
      '--jitter',
      '0',
      '--unhealthy-threshold',
      '2',
      '--duration',
      '0.5',
      '--json',
    ];
    expect(await healthCheck(argv, io)).toBe(1);
    const report = JSON.parse(io.lines.join(''));
    expect(report.targets.map((t: { healthy: boolean; passed: number }) => [t.healthy, t.passed])).toEqual([
      [false, 0],
      [false, 0],
    ]);
    expect(redirecting.hits()).toBeGreaterThan(0);
    expect(elsewhere.hits()).toBe(0);
    expect(refused).toEqual([]);
  });

  it('both HTTP clients of the examples (fetch in getOk, node:http in httpGet) answer a redirect with an HttpError and go nowhere', async () => {
    const elsewhere = await serve((res) => res.end('ok'));
    const redirecting = await redirectTo(elsewhere.url);
    const outside = await redirectTo('http://10.255.255.1/');
    servers.push(elsewhere, redirecting, outside);
    for (const get of [getOk, httpGet]) {
      for (const url of [redirecting.url, outside.url]) {
        const error = await get(url, AbortSignal.timeout(5000)).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(HttpError);
        expect(error instanceof HttpError && error.status).toBe(302);
      }
    }
    expect(elsewhere.hits()).toBe(0);
    expect(refused).toEqual([]);
  });
});
