import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeastRequestBalancer, uniformHosts, type HostPicker } from '../../../src/resilience/load-balancing/index.ts';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { BalancedCaller, type BalancedCall } from '../../../simulations/models/balanced-caller.ts';
import type { FaultWindow } from '../../../simulations/models/fault-schedule.ts';
import { RequestLedger } from '../../../simulations/models/request-ledger.ts';
import { Service } from '../../../simulations/models/service.ts';

const noLimits = { maxTimeMs: Infinity, maxEvents: 1_000_000 };

/** A picker that always names `host` and records what it is told. */
function fixedPicker(host: number) {
  const log: string[] = [];
  const picker: HostPicker = {
    pick: () => host,
    onStart: (h, now) => void log.push(`start ${h} @${now}`),
    onEnd: (h, now, latency, ok) => void log.push(`end ${h} @${now} ${latency}ms ${ok ? 'ok' : 'fail'}`),
  };
  return { picker, log };
}

function setup(picker: HostPicker, faults: FaultWindow[] = [], options: { timeoutMs?: number; queueCapacity?: number } = {}) {
  const sim = new Simulation(1);
  const ledger = new RequestLedger();
  const services = [new Service(sim, { workers: 1, queueCapacity: options.queueCapacity, serviceTime: { kind: 'constant', value: 10 }, faults })];
  const ended: BalancedCall[] = [];
  const caller = new BalancedCaller(sim, { services, picker, ledger, timeoutMs: options.timeoutMs, observer: { ended: (c) => void ended.push(c) } });
  return { sim, ledger, caller, ended };
}

describe('BalancedCaller', () => {
  it('tells the balancer when a request starts and ends, with its latency, and closes it in the ledger once', () => {
    const { picker, log } = fixedPicker(0);
    const { sim, ledger, caller, ended } = setup(picker);
    sim.at(0, () => void caller.call());
    sim.at(0, () => void caller.call());
    sim.run(noLimits);
    expect(log).toEqual(['start 0 @0', 'start 0 @0', 'end 0 @10 10ms ok', 'end 0 @20 20ms ok']);
    expect(ended.map((c) => [c.outcome, c.sentAt, c.endedAt])).toEqual([
      ['succeeded', 0, 10],
      ['succeeded', 0, 20],
    ]);
    expect(ledger.counts()).toMatchObject({ requests: 2, succeeded: 2 });
  });

  it('a refusal, a full queue and a timeout each end the request once, as failed, shed and timedOut, and the balancer hears of each', () => {
    const refusing = setup(fixedPicker(0).picker, [{ startMs: 0, endMs: 100, fault: { kind: 'outage', mode: 'fail-fast' } }]);
    refusing.sim.at(0, () => void refusing.caller.call());
    refusing.sim.run(noLimits);
    expect(refusing.ended.map((c) => [c.outcome, c.refused])).toEqual([['failed', true]]);

    const full = setup(fixedPicker(0).picker, [], { queueCapacity: 0 });
    full.sim.at(0, () => void full.caller.call());
    full.sim.at(0, () => void full.caller.call());
    full.sim.run(noLimits);
    expect(full.ended.map((c) => c.outcome)).toEqual(['shed', 'succeeded']);

    const { picker, log } = fixedPicker(0);
    const hanging = setup(picker, [{ startMs: 0, endMs: 100, fault: { kind: 'outage', mode: 'hang' } }], { timeoutMs: 50 });
    hanging.sim.at(0, () => void hanging.caller.call());
    hanging.sim.run(noLimits);
    expect(hanging.ended.map((c) => [c.outcome, c.endedAt])).toEqual([['timedOut', 50]]);
    expect(log).toEqual(['start 0 @0', 'end 0 @50 50ms fail']);
  });

  it('a request the balancer has no host for is rejected, and the balancer is not told it started', () => {
    const { picker, log } = fixedPicker(-1);
    const { sim, ledger, caller } = setup(picker);
    sim.at(0, () => void caller.call());
    sim.run(noLimits);
    expect(ledger.counts()).toMatchObject({ requests: 1, rejected: 1 });
    expect(log).toEqual([]);
  });

  it('every start is matched by one end: a least-request balancer is back to zero in flight on every host, whatever the timeouts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 }), fc.nat(), (hosts, requests, timeoutMs, seed) => {
        const sim = new Simulation(seed);
        const ledger = new RequestLedger();
        const balancer = new LeastRequestBalancer(uniformHosts(hosts));
        const services = Array.from({ length: hosts }, (_, i) => new Service(sim, { name: `h${i}`, workers: 1, serviceTime: { kind: 'exponential', mean: 10 } }));
        const caller = new BalancedCaller(sim, { services, picker: balancer, ledger, timeoutMs });
        for (let i = 0; i < requests; i++) sim.at(i, () => void caller.call());
        sim.run(noLimits);
        ledger.assertBalanced();
        for (let h = 0; h < hosts; h++) expect(balancer.outstandingRequests(h)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
