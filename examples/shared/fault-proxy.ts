import { createServer, request, type Server } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';
import { randomLcg } from 'd3-random';
import { noFaults, type Faults } from './faulty-service.ts';

/**
 * A fault-injecting HTTP proxy on loopback, in front of any local service:
 * chaos experiments set its faults while load runs through it. A request
 * that draws no fault is forwarded as it is.
 */
export interface FaultProxy {
  readonly url: string;
  /** Requests the proxy received, and those it forwarded to the target. */
  readonly stats: { received: number; forwarded: number };
  setFaults(faults: Partial<Faults>): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, options: { seed?: number; faults?: Partial<Faults> } = {}): Promise<FaultProxy> {
  const to = new URL(target);
  let faults: Faults = { ...noFaults, ...options.faults };
  const random = randomLcg(options.seed ?? 1);
  const stats = { received: 0, forwarded: 0 };

  const server: Server = createServer((req, res) => {
    stats.received++;
    const resetDraw = random();
    const errorDraw = random();
    if (resetDraw < faults.resetRate) return void req.socket.destroy();
    const act = () => {
      if (res.destroyed) return;
      if (faults.outage || errorDraw < faults.errorRate) {
        const headers: Record<string, string> = {};
        if (faults.retryAfterSeconds > 0) headers['retry-after'] = String(faults.retryAfterSeconds);
        return void res.writeHead(503, headers).end();
      }
      stats.forwarded++;
      const upstream = request(
        { host: to.hostname.replace(/^\[|\]$/g, ''), port: to.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      // The caller gave up: stop the upstream request too.
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    };
    if (faults.latencyMs > 0) {
      const timer = setTimeout(act, faults.latencyMs);
      res.on('close', () => clearTimeout(timer));
    } else act();
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    stats,
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    close: listening.close,
  };
}
