import { describe, expect, it } from 'vitest';
import { HealthAwareBalancer, RoundRobinBalancer, uniformHosts } from '../../../src/resilience/load-balancing/index.ts';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { BackendCluster } from '../../../simulations/models/backend-cluster.ts';
import type { BalancedCall } from '../../../simulations/models/balanced-caller.ts';
import { HealthRotation, type RotationChange } from '../../../simulations/models/health-rotation.ts';
import { RotationDowntime } from '../../../simulations/models/rotation-downtime.ts';

const check = { intervalMs: 100, timeoutMs: 30, healthyThreshold: 2, unhealthyThreshold: 3 };
const outlierDetection = { intervalMs: 1000, baseEjectionTimeMs: 1000, maxEjectionTimeMs: 10_000, maxEjectionPercent: 50, consecutive5xx: { threshold: 5 } };

function setup(options: { activeChecks?: typeof check; outlierDetection?: typeof outlierDetection }) {
  const sim = new Simulation(1);
  const cluster = new BackendCluster(
    sim,
    uniformHosts(3).map((h, i) => ({
      id: h.id,
      workers: 1,
      serviceMs: 10,
      faults: i === 0 ? [{ startMs: 150, endMs: 450, fault: { kind: 'outage', mode: 'hang' } as const }] : [],
    })),
    2,
  );
  const balancer = new HealthAwareBalancer(new RoundRobinBalancer(uniformHosts(3)));
  const changes: RotationChange[] = [];
  const downtime = new RotationDowntime(0, 1000);
  const health = new HealthRotation(sim, {
    cluster,
    balancer,
    untilMs: 700,
    ...options,
    changed: (c) => {
      changes.push(c);
      downtime.rotationChanged(c);
    },
  });
  return { sim, balancer, changes, downtime, health };
}

describe('HealthRotation', () => {
  it('active checks take a hanging backend out of the balancer at the third failed check and back at the second pass; the downtime is the time between', () => {
    const { sim, balancer, changes, downtime } = setup({ activeChecks: check });
    sim.run({ maxTimeMs: Infinity, maxEvents: 100_000 });
    expect(changes).toEqual([
      { t: 430, host: 0, kind: 'unhealthy', flag: 'active-check', wasAvailable: true, available: false },
      { t: 602, host: 0, kind: 'healthy', flag: 'active-check', wasAvailable: false, available: true },
    ]);
    expect(balancer.isAvailable(0)).toBe(true);
    expect(downtime.removals).toBe(1);
    expect(downtime.outFraction()).toBeCloseTo((602 - 430) / 1000, 12);
  });

  it('outlier detection ejects a backend after consecutive gateway errors it hears of, and nothing runs without either mechanism', () => {
    const { sim, balancer, changes, health } = setup({ outlierDetection });
    const refused = { host: 0, outcome: 'failed', refused: true } as BalancedCall;
    sim.at(10, () => {
      for (let i = 0; i < 5; i++) health.report(refused);
    });
    sim.run({ maxTimeMs: 100, maxEvents: 100_000 });
    expect(changes).toEqual([{ t: 10, host: 0, kind: 'ejected', flag: 'outlier', wasAvailable: true, available: false }]);
    expect(balancer.isAvailable(0)).toBe(false);

    const quiet = setup({});
    expect(quiet.sim.pending).toBe(0);
    quiet.health.report(refused);
    expect(quiet.changes).toEqual([]);
  });
});
