import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniformHosts } from '../../../src/resilience/load-balancing/host.ts';
import { PeakEwmaBalancer } from '../../../src/resilience/load-balancing/peak-ewma.ts';

const tau = 10_000;

describe('PeakEwmaBalancer cost', () => {
  it('is latency × (outstanding + 1), jumping straight to a new peak', () => {
    const lb = new PeakEwmaBalancer(uniformHosts(1), { decayTimeMs: tau });
    lb.onStart(0);
    lb.onEnd(0, 0, 100);
    expect(lb.load(0, 0)).toBe(100);
    lb.onStart(0);
    expect(lb.load(0, 0)).toBe(200);
    lb.onEnd(0, 0, 250);
    expect(lb.latencyEstimate(0)).toBe(250);
  });

  it('decays towards zero with time constant decayTime when read', () => {
    const lb = new PeakEwmaBalancer(uniformHosts(1), { decayTimeMs: tau });
    lb.onStart(0);
    lb.onEnd(0, 0, 100);
    expect(lb.load(0, tau)).toBeCloseTo(100 * Math.exp(-1), 9);
    expect(lb.load(0, 3 * tau)).toBeCloseTo(100 * Math.exp(-3), 9);
  });

  it('blends a lower observation by the time since the previous one', () => {
    const lb = new PeakEwmaBalancer(uniformHosts(1), { decayTimeMs: tau });
    lb.onStart(0);
    lb.onEnd(0, 0, 100);
    lb.onStart(0);
    lb.onEnd(0, tau, 10);
    const w = Math.exp(-1);
    expect(lb.latencyEstimate(0)).toBeCloseTo(100 * w + 10 * (1 - w), 9);
  });

  it('penalises a host with requests in flight and no latency yet above any measured host', () => {
    const lb = new PeakEwmaBalancer(uniformHosts(2));
    lb.onStart(1);
    lb.onEnd(1, 0, 60_000);
    lb.onStart(0);
    expect(lb.load(0, 0)).toBeGreaterThan(lb.load(1, 0) * 1e6);
  });
});

describe('PeakEwmaBalancer picks', () => {
  it('compares two distinct eligible hosts and takes the cheaper, the second on a tie', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }), fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (latencies, u1, u2) => {
        const lb = new PeakEwmaBalancer(uniformHosts(latencies.length));
        latencies.forEach((l, h) => {
          lb.onStart(h);
          lb.onEnd(h, 0, l);
        });
        const n = latencies.length;
        const a = Math.floor(u1 * n);
        let b = Math.floor(u2 * (n - 1));
        if (b >= a) b++;
        const draws = [u1, u2];
        const h = lb.pick(0, () => draws.shift()!);
        expect(a).not.toBe(b);
        expect(h).toBe(latencies[a] < latencies[b] ? a : b);
      }),
    );
  });

  it('shifts traffic away from a slow host and back once it recovers', () => {
    // Three hosts, one ten times slower; a request every 5 ms, each ends after its host's latency.
    const latency = [10, 10, 100];
    const lb = new PeakEwmaBalancer(uniformHosts(3), { decayTimeMs: 1000 });
    const random = randomLcg(7);
    const ends: { at: number; host: number }[] = [];
    const run = (from: number, to: number) => {
      const counts = [0, 0, 0];
      for (let t = from; t < to; t += 5) {
        ends.sort((x, y) => x.at - y.at);
        while (ends.length > 0 && ends[0].at <= t) {
          const e = ends.shift()!;
          lb.onEnd(e.host, e.at, latency[e.host]);
        }
        const h = lb.pick(t, random);
        lb.onStart(h);
        ends.push({ at: t + latency[h], host: h });
        counts[h]++;
      }
      return counts;
    };
    const slow = run(0, 20_000);
    expect(slow[2] / (slow[0] + slow[1] + slow[2])).toBeLessThan(0.1);
    latency[2] = 10;
    run(20_000, 30_000);
    const recovered = run(30_000, 50_000);
    expect(recovered[2] / (recovered[0] + recovered[1] + recovered[2])).toBeGreaterThan(0.25);
  });

  it('with one eligible host, picks it without drawing', () => {
    const lb = new PeakEwmaBalancer(uniformHosts(3));
    lb.setEligible([2], 0);
    expect(lb.pick(0, () => Number.NaN)).toBe(2);
  });
});
