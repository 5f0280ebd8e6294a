import { createServer } from 'node:http';
import { listenOnLoopback } from './loopback-server.ts';
import { httpGet } from './http-get.ts';

/**
 * The first request of a Node process is slow (code loaded and compiled
 * on first use, connections set up): over 100 ms on a busy machine. Calls
 * made then could time out for reasons of our own, so the real-mode
 * programs make one request to a throwaway loopback server before they
 * measure anything.
 */
export async function warmUpHttpClient(): Promise<void> {
  const server = await listenOnLoopback(createServer((_, res) => res.end()));
  try {
    await httpGet(server.url, AbortSignal.timeout(10_000));
  } finally {
    await server.close();
  }
}
