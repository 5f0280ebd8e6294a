import { describe, expect, it } from 'vitest';
import { enumParam, intParam } from '../../src/params/params.ts';
import { parseFlags } from '../../scripts/lib/flags.ts';
import { assertLoopbackUrl } from '../../scripts/lib/loopback.ts';

const specs = {
  requests: intParam({ label: 'Calls', min: 1, max: 100, default: 10 }),
  policy: enumParam({ label: 'Policy', options: ['none', 'retry'] as const, default: 'none' }),
};

describe('real-mode script flags', () => {
  it('parses values, switches and strings, defaults the rest', () => {
    const r = parseFlags(['--requests', '20', '--json', '--url=http://127.0.0.1:1/'], specs, { switches: ['json'], strings: ['url'] });
    expect(r).toEqual({ ok: true, values: { requests: 20, policy: 'none' }, switches: new Set(['json']), strings: { url: 'http://127.0.0.1:1/' } });
  });

  it.each([
    [['--requests', 'abc'], /--requests: "abc" is not a number/],
    [['--requests', '1000'], /--requests: 1000 is out of range/],
    [['--requests'], /--requests needs a value/],
    [['--policy', 'bogus'], /--policy: "bogus" is not one of none, retry/],
    [['--nope', '1'], /unknown flag --nope/],
    [['stray'], /unexpected argument "stray"/],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    const r = parseFlags(argv, specs);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('loopback guard', () => {
  it.each(['http://127.0.0.1:8080/', 'http://127.3.2.1/', 'http://localhost:1/', 'http://[::1]:9/'])('accepts %s', (url) => {
    expect(assertLoopbackUrl(url).href).toBe(new URL(url).href);
  });
  it.each(['http://10.0.0.1/', 'http://192.168.1.1/', 'http://example.com/', 'http://128.0.0.1/', 'https://127.0.0.1/', 'not a url'])('refuses %s', (url) => {
    expect(() => assertLoopbackUrl(url)).toThrow();
  });
});
