import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from '../shared/loopback-server.ts';
import { randomLcg } from 'd3-random';

/**
 * A loopback HTTP service with latency hiccups, the model of The Tail at
 * Scale (Dean and Barroso, 2013): each request is answered after `fastMs`,
 * except a seeded random `slowFraction` of them, answered after `slowMs`
 * (a GC pause, a cache miss, a noisy neighbour). A request whose client
 * gave up stops there, as a cancelled hedge would on a server that honours
 * cancellation.
 */
export interface HiccupService {
  readonly url: string;
  /** Requests received, and those answered slowly. */
  readonly stats: { requests: number; slow: number };
  close(): Promise<void>;
}

export async function startHiccupService(o: { fastMs: number; slowMs: number; slowFraction: number; seed: number }): Promise<HiccupService> {
  const random = randomLcg(o.seed);
  const stats = { requests: 0, slow: 0 };
  const server: Server = createServer((_req, res) => {
    stats.requests++;
    const slow = random() < o.slowFraction;
    if (slow) stats.slow++;
    const timer = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), slow ? o.slowMs : o.fastMs);
    res.on('close', () => clearTimeout(timer));
  });
  const listening = await listenOnLoopback(server);
  return {
    url: listening.url,
    stats,
    close: listening.close,
  };
}
