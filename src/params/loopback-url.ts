import type { StringFlag } from './flags.ts';

/**
 * The real-mode commands send load, checks and faults only to this machine.
 * A target that is not a plain http:// URL on a loopback address
 * (127.0.0.0/8, localhost, [::1]) is refused before a single request is sent.
 *
 * The WHATWG URL parser has already put the host in canonical form
 * (`http://2130706433/` and `http://0x7f.1/` read as 127.0.0.1,
 * `[0:0:0:0:0:0:0:1]` as [::1]), so comparing the canonical text is enough
 * and needs no Node-only API.
 */
export type LoopbackUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || LOOPBACK_V4.test(hostname);
}

export function checkLoopbackUrl(raw: string): LoopbackUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `${JSON.stringify(raw)} is not a URL (expected e.g. http://127.0.0.1:8080/)` };
  }
  if (url.protocol !== 'http:') return { ok: false, message: `only http:// URLs are supported, got ${url.protocol}//` };
  // The credentials would be sent with every request and end up in logs and reports.
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'a URL with a user name or password is refused (the loopback services need none)' };
  if (!isLoopbackHost(url.hostname)) {
    return { ok: false, message: `${url.hostname} is not a loopback address; only 127.0.0.0/8, localhost or [::1] may be targeted` };
  }
  return { ok: true, url };
}

/** A `--url` flag that takes loopback URLs only; the value is one URL, commas and all. */
export function loopbackUrlFlag(description: string, options: { repeatable?: boolean } = {}): StringFlag {
  return {
    placeholder: 'URL',
    description,
    repeatable: options.repeatable,
    check(value) {
      const r = checkLoopbackUrl(value);
      return r.ok ? undefined : r.message;
    },
  };
}
