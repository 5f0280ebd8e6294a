import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpGet } from './http-get.ts';

/**
 * The first request of a Node process is slow (code loaded and compiled
 * on first use, connections set up): over 100 ms on a busy machine. Calls
 * made then could time out for reasons of our own, so the real-mode
 * programs make one request to a throwaway loopback server before they
 * measure anything.
 */
export async function warmUpHttpClient(): Promise<void> {
  const server = createServer((_, res) => res.end());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  try {
    const { port } = server.address() as AddressInfo;
    await httpGet(`http://127.0.0.1:${port}/`, AbortSignal.timeout(10_000));
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
