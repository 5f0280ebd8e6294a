import { describe, expect, it } from 'vitest';
import { uniformHosts } from '../../../src/resilience/load-balancing/host.ts';
import { ModuloHashBalancer } from '../../../src/resilience/load-balancing/modulo-hash.ts';

const keys = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);
const noRandom = () => Number.NaN;

describe('ModuloHashBalancer', () => {
  it('moves about n/(n+1) of keys when a host is added, the baseline consistent hashing avoids', () => {
    const n = 10;
    const small = new ModuloHashBalancer(uniformHosts(n));
    const large = new ModuloHashBalancer(uniformHosts(n + 1));
    const moved = keys.filter((k) => small.pick(0, noRandom, k) !== large.pick(0, noRandom, k)).length;
    // A key stays only if hash mod 10 = hash mod 11, true for about 1/11 of hashes; binomial tolerance of 5 standard errors.
    const p = n / (n + 1);
    expect(Math.abs(moved / keys.length - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / keys.length));
  });

  it('maps keys onto the eligible hosts only', () => {
    const lb = new ModuloHashBalancer(uniformHosts(5));
    lb.setEligible([1, 4], 0);
    const seen = new Set(keys.slice(0, 100).map((k) => lb.pick(0, noRandom, k)));
    expect([...seen].sort()).toEqual([1, 4]);
  });
});
