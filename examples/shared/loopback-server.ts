import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on a loopback address: its URL, and a close that does not wait for idle keep-alive sockets. */
export interface ListeningServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts `server` on a loopback host (127.0.0.1 unless told otherwise; port 0
 * picks a free one). Keep-alive sockets would hold close() open until they
 * time out, so they are given a short timeout and dropped on close.
 */
export async function listenOnLoopback(server: Server, options: { host?: '127.0.0.1' | 'localhost' | '::1'; port?: number } = {}): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
