import { describe, expect, it } from 'vitest';
import { phaseReports } from '../../examples/circuit-breaker/phase-report.ts';
import { defaultLoadBalancingOptions, runLoadBalancingExample } from '../../examples/load-balancing/run-load-balancing-example.ts';

// Issue 8, item 12, in the examples: a call cut short by the run's own time
// limit says nothing about the service, so it is counted apart.
describe('calls cut short by the run time limit are unfinished, not failures', () => {
  it('circuit-breaker phase report: unfinished calls are neither successes nor errors', () => {
    const outage = { startMs: 100, endMs: 200 };
    const [before, during, after] = phaseReports(
      [
        { startMs: 10, latencyMs: 1 },
        { startMs: 20, latencyMs: 1, error: 'HttpError' },
        { startMs: 150, latencyMs: 1, error: 'BrokenCircuitError' },
        { startMs: 250, latencyMs: 5, unfinished: true },
        { startMs: 260, latencyMs: 5, unfinished: true },
      ],
      outage,
      [2, 0, 2],
    );
    expect([before.succeeded, before.unfinished, before.otherErrors]).toEqual([1, 0, { HttpError: 1 }]);
    expect([during.rejectedByBreaker, during.unfinished]).toEqual([1, 0]);
    expect([after.calls, after.succeeded, after.unfinished, after.otherErrors]).toEqual([2, 0, 2, {}]);
  });

  it('load-balancing: requests in flight when maxRunMs stops the run are unfinished, not errors of a backend', async () => {
    const [report] = await runLoadBalancingExample({
      ...defaultLoadBalancingOptions,
      // Far more than fit in the time: the failing backend never starts failing (from the middle request).
      requests: 100_000,
      concurrency: 6,
      maxRunMs: 300,
      configurations: [{ algorithm: 'round-robin', outlierDetection: false }],
    });
    expect(report.unfinished).toBeGreaterThan(0);
    expect(report.errors).toBe(0);
  });
});
