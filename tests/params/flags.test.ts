import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFlagHelp, parseFlags, type FlagTable } from '../../src/params/flags.ts';
import { loopbackUrlFlag } from '../../src/params/loopback-url.ts';
import { booleanParam, enumParam, intParam, numberParam, parseDecimal, toDecimal } from '../../src/params/params.ts';

const table = {
  params: {
    requests: intParam({ label: 'Calls', min: 1, max: 100, default: 10 }),
    rate: numberParam({ label: 'Rate', min: -5, max: 5, default: 0 }),
    policy: enumParam({ label: 'Policy', options: ['none', 'retry'] as const, default: 'none' }),
    cancel: booleanParam({ label: 'Cancel', default: false }),
    latency: intParam({ label: 'Latency', min: 0, max: 10, default: 0 }),
  },
  switches: { json: 'JSON output' },
  strings: { url: loopbackUrlFlag('a loopback URL', { repeatable: true }) },
  conflicts: [{ flag: 'url', refuses: ['latency'], reason: 'applies to the built-in service only' }],
} satisfies FlagTable;

const parse = (argv: string[]) => parseFlags(argv, table, 'cmd --help lists the flags');

function error(argv: string[]): string {
  const r = parse(argv);
  if (r.kind !== 'error') throw new Error(`expected an error for ${JSON.stringify(argv)}, got ${JSON.stringify(r)}`);
  return `${r.message}\n${r.hint}`;
}

describe('parseFlags', () => {
  it('reads values, switches and repeatable strings, defaults the rest, and records what was given', () => {
    const r = parse(['--requests', '20', '--json', '--url=http://127.0.0.1:1/', '--url', 'http://[::1]:2/', '--rate', '-2.5', '--cancel', 'true']);
    expect(r).toEqual({
      kind: 'ok',
      values: { requests: 20, rate: -2.5, policy: 'none', cancel: true, latency: 0 },
      switches: new Set(['json']),
      strings: { url: ['http://127.0.0.1:1/', 'http://[::1]:2/'] },
      given: new Set(['requests', 'json', 'url', 'rate', 'cancel']),
    });
  });

  it.each([['0x10'], ['0b11'], ['0o7'], ['1e1'], [' 5'], ['5 '], ['+5'], ['5.'.padEnd(3, 'x')], ['Infinity'], ['NaN'], ['1_000'], ['٣']])(
    'numbers are decimal only: %j is refused',
    (value) => {
      expect(error(['--requests', value])).toMatch(/^--requests: ".*" is not a number \(expected an integer from 1 to 100, in decimal\)/);
    },
  );

  it('an empty value is a missing value', () => {
    expect(error(['--requests='])).toMatch(/^--requests needs a value/);
  });

  it.each([
    [['--bogus'], /^unknown flag --bogus\nflags: .*--requests/],
    [['--bogus', '1'], /^unknown flag --bogus/],
    [['--request', '5'], /^unknown flag --request\ndid you mean --requests\?/],
    [['--requests', '5', '--requests', '6'], /^--requests is given twice/],
    [['--json', '--json'], /^--json is given twice/],
    [['--json=1'], /^--json takes no value/],
    [['--requests'], /^--requests needs a value \(expected an integer from 1 to 100\)/],
    [['--requests', '--json'], /^--requests needs a value/],
    [['--policy', 'RETRY '], /^--policy: "RETRY " is not one of none, retry/],
    [['-v'], /^unknown option "-v"\nflags start with two dashes, e.g. --v/],
    [['--'], /^unknown option "--"/],
    [['stray'], /^unexpected argument "stray"/],
    [['--url', 'http://10.0.0.1/'], /^--url: 10.0.0.1 is not a loopback address/],
    [['--url', 'http://127.0.0.1:1/', '--latency', '5'], /^--latency applies to the built-in service only, not with --url/],
    [['--a\nb', '1'], /^unknown flag "--a\\nb"/],
  ])('%j is refused with a message naming the problem', (argv, message) => {
    expect(error(argv)).toMatch(message);
  });

  it('--help and -h win wherever they are, so asking for help never runs anything', () => {
    for (const argv of [['--help'], ['-h'], ['--requests', '5', '--help'], ['--bogus', '-h'], ['stray', '--help']])
      expect(parse(argv)).toEqual({ kind: 'help' });
  });

  it('a value may be a negative number, but -h is the help even after a flag', () => {
    expect(parse(['--rate', '-1'])).toMatchObject({ kind: 'ok', values: { rate: -1 } });
    expect(parse(['--rate', '-h'])).toEqual({ kind: 'help' });
  });

  it('any string Number() reads that is not plain decimal is refused (property)', () => {
    const numberish = fc.oneof(
      fc.double({ noNaN: true }).map((x) => x.toExponential()),
      fc.integer({ min: 0, max: 100 }).map((n) => `0x${n.toString(16)}`),
      fc.integer({ min: 0, max: 100 }).map((n) => ` ${n}`),
      fc.integer({ min: 0, max: 100 }).map((n) => `${n}\t`),
    );
    fc.assert(
      fc.property(numberish, (s) => {
        const r = parse(['--requests', s]);
        expect(r.kind).toBe('error');
      }),
    );
  });

  it('never throws, and every refusal is one line of message and one of hint (property)', () => {
    const token = fc.oneof(fc.string(), fc.constantFrom('--requests', '--rate', '--policy', '--json', '--url', '--latency', '-x', '--', '--json=', '1', '-1'));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        const r = parse(argv);
        if (r.kind === 'error') {
          expect(r.message).not.toMatch(/\n/);
          expect(r.hint).not.toMatch(/\n/);
          expect(r.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('the help lists every flag with its range and default, and -h/--help', () => {
    const help = formatFlagHelp(table);
    expect(help).toContain('--requests');
    expect(help).toContain('an integer from 1 to 100 (default 10)');
    expect(help).toContain('--url URL');
    expect(help).toContain('--json');
    expect(help).toContain('-h, --help');
  });
});

describe('toDecimal and parseDecimal', () => {
  it('toDecimal writes every double so that parseDecimal reads it back exactly (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = toDecimal(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(parseDecimal(s)).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('spells out exponents', () => {
    expect(toDecimal(1e-7)).toBe('0.0000001');
    expect(toDecimal(-1.5e-9)).toBe('-0.0000000015');
    expect(toDecimal(1e21)).toBe('1000000000000000000000');
    expect(toDecimal(1.25e22)).toBe('12500000000000000000000');
    expect(toDecimal(0.5)).toBe('0.5');
  });
});
