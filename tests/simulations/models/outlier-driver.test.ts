import { describe, expect, it } from 'vitest';
import { OutlierDetector, type OutlierEvent } from '../../../src/resilience/health/index.ts';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import type { BalancedCall } from '../../../simulations/models/balanced-caller.ts';
import { OutlierDriver, responseOutcome } from '../../../simulations/models/outlier-driver.ts';
import type { RequestOutcome } from '../../../simulations/models/request-ledger.ts';

const call = (host: number, outcome: RequestOutcome, refused = false) => ({ host, outcome, refused }) as BalancedCall;

describe('OutlierDriver', () => {
  it('classifies endings as Envoy does: errors are 5xx, refusals, full queues and timeouts gateway errors', () => {
    expect(responseOutcome(call(0, 'succeeded'))).toBe('success');
    expect(responseOutcome(call(0, 'failed'))).toBe('server-error');
    expect(responseOutcome(call(0, 'failed', true))).toBe('gateway-error');
    expect(responseOutcome(call(0, 'shed', true))).toBe('gateway-error');
    expect(responseOutcome(call(0, 'timedOut'))).toBe('gateway-error');
  });

  it('ejects inline after 5 errors in a row, returns the host at the first sweep after its ejection time, and stops sweeping at untilMs', () => {
    const sim = new Simulation(1);
    const detector = new OutlierDetector(2, { intervalMs: 100, baseEjectionTimeMs: 250, maxEjectionPercent: 50, successRate: false }, 0, sim.streams.stream('od'));
    const events: OutlierEvent[] = [];
    const driver = new OutlierDriver(sim, detector, 1000, (e) => void events.push(e));
    for (let i = 0; i < 5; i++) sim.at(10 + i, () => driver.report(call(1, 'failed')));
    sim.at(20, () => driver.report(call(-1, 'rejected')));
    const reason = sim.run({ maxTimeMs: Infinity, maxEvents: 10_000 });
    expect(reason).toBe('idle');
    expect(events.map((e) => [e.kind, e.host, e.at])).toEqual([
      ['ejected', 1, 14],
      ['unejected', 1, 300],
    ]);
    expect(sim.now).toBe(900);
  });
});
