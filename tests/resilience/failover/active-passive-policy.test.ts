import { describe, expect, it } from 'vitest';
import { ActivePassivePolicy } from '../../../src/resilience/failover/index.ts';
import { worstCaseDetectionMs, type ActiveHealthCheckOptions } from '../../../src/resilience/health/index.ts';
import { VirtualClock } from '../virtual-clock.ts';

const check: ActiveHealthCheckOptions = { intervalMs: 1000, timeoutMs: 500, healthyThreshold: 2, unhealthyThreshold: 3 };

describe('ActivePassivePolicy', () => {
  it('switches to the standby within the detection bound of a hang, and back after the hold', async () => {
    const clock = new VirtualClock();
    const down = new Set<string>();
    const policy = new ActivePassivePolicy({
      endpoints: ['primary', 'standby'],
      // A hanging endpoint never answers: only the check timeout ends the probe.
      probe: (endpoint, signal) =>
        down.has(endpoint) ? new Promise<boolean>((resolve) => signal.addEventListener('abort', () => resolve(false))) : Promise.resolve(true),
      check,
      failbackHoldMs: 5000,
      clock,
      random: () => 0.5,
    });
    const switches: { kind: string; at: number }[] = [];
    policy.onSwitch((s) => switches.push({ kind: s.kind, at: s.at }));
    policy.start();
    await clock.advance(10_000);
    expect(policy.active).toBe('primary');
    down.add('primary');
    await clock.advance(10_000);
    expect(policy.active).toBe('standby');
    expect(switches[0].kind).toBe('failover');
    expect(switches[0].at - 10_000).toBeLessThanOrEqual(worstCaseDetectionMs(check));
    down.delete('primary');
    await clock.advance(4000);
    expect(policy.active).toBe('standby');
    await clock.advance(10_000);
    expect(policy.active).toBe('primary');
    expect(switches.map((s) => s.kind)).toEqual(['failover', 'failback']);
    // Healthy again at the second passing check (about 21.x s), back 5 s later.
    expect(switches[1].at).toBeGreaterThanOrEqual(20_000 + 5000);
    await policy.stop();
    expect(clock.pendingSleeps).toBe(0);
  });

  it('runs calls against the active endpoint, and a failing probe counts as a failed check', async () => {
    const clock = new VirtualClock();
    const policy = new ActivePassivePolicy({
      endpoints: ['a', 'b'],
      probe: (endpoint) => (endpoint === 'a' ? Promise.reject(new Error('refused')) : Promise.resolve(true)),
      check,
      failbackHoldMs: 0,
      clock,
    });
    const checks: boolean[] = [];
    policy.onCheck((c) => {
      if (c.endpoint === 0) checks.push(c.ok);
    });
    policy.start();
    expect(() => policy.start()).toThrow();
    await clock.advance(5000);
    expect(checks.slice(0, 3)).toEqual([false, false, false]);
    expect(await policy.execute((endpoint) => endpoint)).toBe('b');
    await policy.stop();
  });
});
