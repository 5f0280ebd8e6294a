import { describe, expect, it } from 'vitest';
import { defaultFailoverOptions, runFailoverExample } from '../../examples/failover/run-failover-example.ts';

// Real HTTP on loopback, so only coarse, robust properties: the order of
// events, who failed over, and which way hedging moves the tail.
describe('examples/failover against real loopback services', () => {
  it('active-passive fails over after the primary dies and back after it returns; the endpoint list loses no call; hedging cuts the tail', async () => {
    const report = await runFailoverExample({
      ...defaultFailoverOptions,
      dieAtMs: 800,
      backAtMs: 2500,
      durationMs: 4000,
      // Checks slow enough that a busy machine does not fail two in a row by itself.
      check: { intervalMs: 250, timeoutMs: 200, unhealthyThreshold: 2, healthyThreshold: 2 },
      failbackHoldMs: 500,
      hedging: { ...defaultFailoverOptions.hedging, calls: 200 },
    });
    // Each event is looked for after the one before it.
    let after = -Infinity;
    const next = (text: string) => {
      const found = report.timeline.find((e) => e.atMs >= after && e.what.includes(text));
      expect(found, `${text} after ${after} ms in ${JSON.stringify(report.timeline)}`).toBeDefined();
      after = found!.atMs;
    };
    next('primary dies');
    next('failover primary -> standby');
    next('primary is back');
    next('failback standby -> primary');

    const [activePassive, endpointList] = report.clients;
    expect(activePassive.calls).toBe(endpointList.calls);
    // Calls sent to the dead primary before the checks noticed failed; the endpoint list retried each on the standby.
    expect(activePassive.failed).toBeGreaterThan(0);
    expect(endpointList.failed).toBe(0);
    expect(activePassive.byService.primary).toBeGreaterThan(0);
    expect(activePassive.byService.standby).toBeGreaterThan(0);

    const [plain, hedged] = report.hedging;
    expect(plain.load).toBe(1);
    expect(hedged.load).toBeGreaterThan(1);
    expect(hedged.load).toBeLessThan(1.5);
    expect(hedged.p99Ms).toBeLessThan(plain.p99Ms);
  }, 60_000);
});
