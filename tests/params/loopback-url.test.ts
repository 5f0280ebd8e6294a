import { describe, expect, it } from 'vitest';
import { checkLoopbackUrl } from '../../src/params/loopback-url.ts';

describe('checkLoopbackUrl', () => {
  it.each([
    'http://127.0.0.1:8080/',
    'http://127.3.2.1/',
    'http://localhost:1/',
    'http://[::1]:9/',
    'http://2130706433/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://127.0.0.1:1/a,b',
  ])('accepts %s (hosts in canonical form)', (url) => {
    const r = checkLoopbackUrl(url);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['http://10.0.0.1/', /not a loopback address/],
    ['http://192.168.1.1/', /not a loopback address/],
    ['http://example.com/', /not a loopback address/],
    ['http://128.0.0.1/', /not a loopback address/],
    ['http://127.0.0.1.nip.io/', /not a loopback address/],
    ['http://localhost.example/', /not a loopback address/],
    ['http://[::ffff:7f00:1]/', /not a loopback address/],
    ['https://127.0.0.1/', /only http:\/\//],
    ['file:///etc/passwd', /only http:\/\//],
    ['http://user:secret@127.0.0.1:1/', /user name or password/],
    ['http://user@127.0.0.1:1/', /user name or password/],
    ['not a url', /is not a URL/],
    ['http://192.168.0.1/,http://127.0.0.1:1/', /not a loopback address/],
  ])('refuses %s', (url, message) => {
    const r = checkLoopbackUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
