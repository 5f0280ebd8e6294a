import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { PiecewiseRate } from '../../../simulations/models/arrival-rate.ts';
import { ClosedLoopClients, OpenLoopClients } from '../../../simulations/models/clients.ts';

const noLimits = { maxTimeMs: Infinity, maxEvents: 10_000_000 };

describe('OpenLoopClients', () => {
  it('starts requests until untilMs, never after', () => {
    const sim = new Simulation(1);
    const starts: number[] = [];
    const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(100), untilMs: 10_000, send: () => starts.push(sim.now) });
    sim.run(noLimits);
    expect(clients.done).toBe(true);
    expect(clients.started).toBe(starts.length);
    expect(Math.max(...starts)).toBeLessThan(10_000);
    // Poisson count with mean 1000: sd sqrt(1000).
    expect(Math.abs(starts.length - 1000)).toBeLessThan(4 * Math.sqrt(1000));
  });

  it('stops at maxRequests', () => {
    const sim = new Simulation(1);
    let n = 0;
    const clients = new OpenLoopClients(sim, { rate: PiecewiseRate.constant(100), untilMs: Infinity, maxRequests: 123, send: () => n++ });
    sim.run(noLimits);
    expect([n, clients.started, clients.done]).toEqual([123, 123, true]);
  });
});

describe('ClosedLoopClients', () => {
  it('never has more requests in flight than clients, and each client waits for its request before thinking again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 200 }), (n, think, latency) => {
        const sim = new Simulation(2);
        let inFlight = 0;
        let maxInFlight = 0;
        const clients = new ClosedLoopClients(sim, {
          clients: n,
          thinkTime: { kind: 'exponential', mean: think },
          untilMs: 5_000,
          send: (done) => {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            sim.after(latency, () => {
              inFlight--;
              done();
            });
          },
        });
        sim.run(noLimits);
        expect(maxInFlight).toBeLessThanOrEqual(n);
        expect(inFlight).toBe(0);
        expect(clients.done).toBe(true);
        // Each cycle is at least the fixed latency long, so no client can do more than untilMs / latency + 1.
        expect(clients.started).toBeLessThanOrEqual(n * (Math.floor(5_000 / latency) + 1));
      }),
    );
  });

  it('refuses a request that ends twice', () => {
    const sim = new Simulation(1);
    new ClosedLoopClients(sim, {
      clients: 1,
      thinkTime: { kind: 'constant', value: 1 },
      untilMs: 100,
      send: (done) => {
        done();
        done();
      },
    });
    expect(() => sim.run(noLimits)).toThrow(/twice/);
  });
});
