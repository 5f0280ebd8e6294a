import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';
import { randomLcg } from 'd3-random';

/**
 * A real HTTP service on loopback whose faults can be set while it runs:
 * errors (503, optionally with Retry-After), added latency, connection resets
 * and a full outage. The examples point the library's executors at it.
 */
export interface Faults {
  /** Probability that a request gets a 503. */
  errorRate: number;
  /** Retry-After (seconds) sent with the 503s; 0 for none. */
  retryAfterSeconds: number;
  /** Latency added to every response, ms. */
  latencyMs: number;
  /** Probability that the connection is reset with no response at all. */
  resetRate: number;
  /** Every request fails (503) while true. */
  outage: boolean;
}

export const noFaults: Faults = { errorRate: 0, retryAfterSeconds: 0, latencyMs: 0, resetRate: 0, outage: false };

export interface ServiceStats {
  requests: number;
  ok: number;
  errors: number;
  resets: number;
}

export interface FaultyService {
  readonly url: string;
  readonly stats: ServiceStats;
  setFaults(faults: Partial<Faults>): void;
  close(): Promise<void>;
}

export interface FaultyServiceOptions {
  /** Loopback only: these services are for local experiments. */
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** 0 picks a free port. */
  port?: number;
  faults?: Partial<Faults>;
  /** Seed of the fault draws, so a run of an example can be repeated. */
  seed?: number;
}

export async function startFaultyService(options: FaultyServiceOptions = {}): Promise<FaultyService> {
  const host = options.host ?? '127.0.0.1';
  let faults: Faults = { ...noFaults, ...options.faults };
  const random = randomLcg(options.seed ?? 1);
  const stats: ServiceStats = { requests: 0, ok: 0, errors: 0, resets: 0 };
  const pending = new Set<NodeJS.Timeout>();

  const respond = (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    // Draw both numbers for every request so one fault's rate does not shift
    // the other's sequence.
    const resetDraw = random();
    const errorDraw = random();
    if (resetDraw < faults.resetRate) {
      stats.resets++;
      req.socket.destroy();
      return;
    }
    const failing = faults.outage || errorDraw < faults.errorRate;
    const send = () => {
      if (failing) {
        stats.errors++;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (faults.retryAfterSeconds > 0) headers['retry-after'] = String(faults.retryAfterSeconds);
        res.writeHead(503, headers).end('{"error":"unavailable"}');
      } else {
        stats.ok++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
    };
    if (faults.latencyMs <= 0) return send();
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!res.destroyed) send();
    }, faults.latencyMs);
    pending.add(timer);
    // A client that gives up closes its socket; stop the work then.
    res.on('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
  };

  const server: Server = createServer(respond);
  const listening = await listenOnLoopback(server, { host, port: options.port });
  return {
    url: listening.url,
    stats,
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    close() {
      for (const t of pending) clearTimeout(t);
      pending.clear();
      return listening.close();
    },
  };
}
