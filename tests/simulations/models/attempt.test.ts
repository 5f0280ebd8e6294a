import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import { Attempt, type AttemptCaller } from '../../../simulations/models/attempt.ts';
import { Service } from '../../../simulations/models/service.ts';

describe('Attempt', () => {
  it('is the job a service works on: the service fills in its times and state, and its answer reaches the caller that sent it', () => {
    const sim = new Simulation(1);
    const service = new Service(sim, { workers: 1, serviceTime: { kind: 'constant', value: 10 } });
    const heard: [string, boolean, number][] = [];
    const caller: AttemptCaller<string> = { answered: (attempt, ok, now) => void heard.push([attempt.request, ok, now]) };
    const first = new Attempt(caller, 'first');
    const second = new Attempt(caller, 'second');
    sim.at(5, () => {
      service.submit(first, sim.now);
      service.submit(second, sim.now);
    });
    sim.run({ maxTimeMs: Infinity, maxEvents: 100 });
    expect(heard).toEqual([
      ['first', true, 15],
      ['second', true, 25],
    ]);
    expect([second.arrivedAt, second.startedAt, second.state, second.settled]).toEqual([5, 15, 'done', false]);
  });
});
