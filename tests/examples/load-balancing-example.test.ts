import { describe, expect, it } from 'vitest';
import { defaultLoadBalancingOptions, runLoadBalancingExample } from '../../examples/load-balancing/run-load-balancing-example.ts';

// Real HTTP on loopback and the real clock, so only properties with a wide
// margin: runs here gave the slow backend 15-16% of least-request's traffic
// and 3-6% of peak EWMA's against round robin's exact third, and outlier
// detection cut the errors from 75-81 to 7-13.
describe('examples/load-balancing against three real loopback services', () => {
  it('least-request and peak EWMA send less to the slow backend than round robin, and outlier detection ejects the failing one', async () => {
    const requests = 240;
    const [rr, leastRequest, peakEwma, withDetection] = await runLoadBalancingExample({
      ...defaultLoadBalancingOptions,
      requests,
      concurrency: 8,
      configurations: [
        { algorithm: 'round-robin', outlierDetection: false },
        { algorithm: 'least-request', outlierDetection: false },
        { algorithm: 'peak-ewma', outlierDetection: false },
        { algorithm: 'least-request', outlierDetection: true },
      ],
    });
    const backend = (r: typeof rr, name: string) => r.backends.find((b) => b.name === name)!;

    for (const r of [rr, leastRequest, peakEwma, withDetection]) {
      expect(r.requests).toBe(requests);
      // What the client counted is what the services received.
      expect(r.backends.reduce((n, b) => n + b.received, 0)).toBe(requests);
      expect(r.backends.map((b) => b.requests)).toEqual(r.backends.map((b) => b.received));
    }

    // Round robin takes turns whatever the latency: a third each, to the request.
    for (const b of rr.backends) expect(Math.abs(b.requests - requests / 3)).toBeLessThanOrEqual(1);
    expect(backend(leastRequest, 'slow').share).toBeLessThan(0.8 * backend(rr, 'slow').share);
    expect(backend(peakEwma, 'slow').share).toBeLessThan(0.8 * backend(rr, 'slow').share);

    // Without detection the failing backend keeps its traffic (round robin: a third of it fails).
    expect(backend(rr, 'flaky').errors).toBeGreaterThanOrEqual(requests / 6 - 5);
    expect(rr.outlierEvents).toEqual([]);
    // With it, five 503s in a row take it out of rotation: only it, and it stays mostly out.
    expect(withDetection.outlierEvents.find((e) => e.kind === 'ejected')).toMatchObject({ host: 2, reason: 'consecutive-5xx' });
    expect(withDetection.outlierEvents.every((e) => e.host === 2)).toBe(true);
    expect(3 * withDetection.errors).toBeLessThan(leastRequest.errors);
    expect(backend(withDetection, 'flaky').shareAfter).toBeLessThan(backend(leastRequest, 'flaky').shareAfter / 2);
  });
});
