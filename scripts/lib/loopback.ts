import { isIP } from 'node:net';

/**
 * The real-mode scripts send load and faults only to this machine. A target
 * that is not a loopback address is refused before a single request is sent.
 */
export function assertLoopbackUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--url: "${raw}" is not a URL (expected e.g. http://127.0.0.1:8080/)`);
  }
  if (url.protocol !== 'http:') throw new Error(`--url: only http:// is supported, got ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
  if (!loopback) throw new Error(`--url: ${host} is not a loopback address; load and chaos tests only target 127.0.0.0/8, localhost or [::1]`);
  return url;
}
