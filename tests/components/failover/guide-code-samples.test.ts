import { describe, expect, it } from 'vitest';
import {
  availabilityFromMtbf,
  downtimeMinutesPerYear,
  hedging,
  parallelAvailability,
  PercentileHedgingDelay,
  priorityLoad,
  ratioBudget,
  serialAvailability,
} from '../../../src/resilience/index.ts';
import { downtimeText } from '../../../src/components/failover/availability/availability-charts.ts';

/** The failover guide's code samples, run: what their comments say is what the library does. */
describe('failover guide code samples', () => {
  it('priorityLoad: half of priority 0 healthy keeps 70%, a quarter on both levels normalizes to 50/50 (Envoy’s table)', () => {
    const half = priorityLoad([
      { hosts: 10, healthy: 5, degraded: 0 },
      { hosts: 10, healthy: 10, degraded: 0 },
    ]);
    expect(half.healthy).toEqual([70, 30]);
    const quarter = priorityLoad([
      { hosts: 4, healthy: 1, degraded: 0 },
      { hosts: 4, healthy: 1, degraded: 0 },
    ]);
    expect(quarter.health).toEqual([35, 35]);
    expect(quarter.healthy).toEqual([50, 50]);
  });

  it('the hedging sample runs: an answer before any hedge is returned, and the percentile delay sends no timed hedge before its first 100 latencies', async () => {
    const delay = new PercentileHedgingDelay({ percentile: 95, minDelayMs: 5 });
    const profileHedging = hedging({ maxAttempts: 2, delay, budget: ratioBudget({ ratio: 0.1, windowMs: 10_000 }) });
    const signals: AbortSignal[] = [];
    const profile = await profileHedging.execute(({ signal }) => {
      signals.push(signal);
      return { id: 'u1' };
    });
    expect(profile).toEqual({ id: 'u1' });
    expect(signals).toHaveLength(1);
    expect(delay.delayMs()).toBe(Infinity);
    for (let i = 0; i < 100; i++) delay.observe(10);
    expect(delay.delayMs()).toBe(10);
  });

  it('the nines table: downtime a year (365.25 days), a month (30 days) and a day at each availability', () => {
    const perMonth = (a: number) => (1 - a) * 30 * 24 * 60;
    const perDay = (a: number) => (1 - a) * 24 * 60;
    const rows = [0.99, 0.999, 0.9995, 0.9999, 0.99999].map((a) => [downtimeMinutesPerYear(a), perMonth(a), perDay(a)].map(downtimeText));
    expect(rows).toEqual([
      ['3.65 days', '7.2 h', '14.4 min'],
      ['8.77 h', '43.2 min', '1.44 min'],
      ['4.38 h', '21.6 min', '43.2 s'],
      ['52.6 min', '4.32 min', '8.64 s'],
      ['5.26 min', '25.9 s', '864 ms'],
    ]);
  });

  it('the worked numbers: 720/721 = 99.86%, two copies 99.9998%, five parts at 99.9% at most 99.5%, a 90% level at 72% healthy carries 125%', () => {
    const server = availabilityFromMtbf(30 * 24, 1);
    expect((server * 100).toFixed(2)).toBe('99.86');
    expect((parallelAvailability([server, server]) * 100).toFixed(4)).toBe('99.9998');
    expect((serialAvailability([0.999, 0.999, 0.999, 0.999, 0.999]) * 100).toFixed(1)).toBe('99.5');
    // 72% healthy still scores 100 at 1.4, so the level keeps all traffic that it ran at 90% with every host.
    expect(
      priorityLoad([
        { hosts: 100, healthy: 72, degraded: 0 },
        { hosts: 100, healthy: 100, degraded: 0 },
      ]).healthy,
    ).toEqual([100, 0]);
    expect(0.9 / 0.72).toBeCloseTo(1.25, 10);
  });
});
