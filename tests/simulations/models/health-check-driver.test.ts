import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { HealthCheckDriver } from '../../../simulations/models/health-check-driver.ts';
import { FaultSchedule } from '../../../simulations/models/fault-schedule.ts';
import { probeAnswer } from '../../../simulations/models/health-probe.ts';

const check = { intervalMs: 100, timeoutMs: 30, healthyThreshold: 2, unhealthyThreshold: 3 };

function drive(faults: FaultSchedule, untilMs: number, options = check) {
  const sim = new Simulation(1);
  const checks: [number, number, boolean][] = [];
  const transitions: [number, string][] = [];
  const random = sim.streams.stream('probe');
  new HealthCheckDriver(sim, {
    hosts: 1,
    check: options,
    untilMs,
    probe: (_, now) => probeAnswer(faults, 0, now, random, 2),
    observer: {
      checked: (_, startedAt, now, ok) => void checks.push([startedAt, now, ok]),
      transition: (_, now, t) => void transitions.push([now, t]),
    },
  });
  sim.run({ maxTimeMs: Infinity, maxEvents: 100_000 });
  return { checks, transitions };
}

describe('HealthCheckDriver with the health probe model', () => {
  it('checks on a fixed cadence; a hanging host fails each check at its timeout and goes unhealthy at the third, then back after two passes', () => {
    const { checks, transitions } = drive(new FaultSchedule([{ startMs: 150, endMs: 450, fault: { kind: 'outage', mode: 'hang' } }]), 700);
    expect(checks).toEqual([
      [0, 2, true],
      [100, 102, true],
      [200, 230, false],
      [300, 330, false],
      [400, 430, false],
      [500, 502, true],
      [600, 602, true],
    ]);
    expect(transitions).toEqual([
      [430, 'became-unhealthy'],
      [602, 'became-healthy'],
    ]);
  });

  it('a refusing host fails its checks at once; a slow answer past the timeout is a failure at the timeout', () => {
    const refused = drive(new FaultSchedule([{ startMs: 0, endMs: 1000, fault: { kind: 'outage', mode: 'fail-fast' } }]), 250);
    expect(refused.checks).toEqual([
      [0, 2, false],
      [100, 102, false],
      [200, 202, false],
    ]);
    const slow = drive(new FaultSchedule([{ startMs: 0, endMs: 1000, fault: { kind: 'added-latency', ms: 50 } }]), 150);
    expect(slow.checks).toEqual([
      [0, 30, false],
      [100, 130, false],
    ]);
  });

  it('with a timeout longer than the interval, the next check waits for the verdict of the hanging one', () => {
    const { checks } = drive(new FaultSchedule([{ startMs: 0, endMs: 1000, fault: { kind: 'outage', mode: 'hang' } }]), 400, { ...check, timeoutMs: 150 });
    expect(checks.map(([start]) => start)).toEqual([0, 150, 300]);
  });
});
