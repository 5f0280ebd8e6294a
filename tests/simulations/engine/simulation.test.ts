import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../../simulations/engine/progress.ts';
import { Simulation } from '../../../simulations/engine/simulation.ts';

const noLimits = { maxTimeMs: Infinity, maxEvents: Infinity };

describe('Simulation', () => {
  it('runs every action once, in time order, ties in scheduling order, with now at the action time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 })), { maxLength: 200 }), (plan) => {
        // Each planned action runs at t and schedules a follow-up d later: order must hold for actions added mid-run too.
        const sim = new Simulation(1);
        const log: { t: number; id: number }[] = [];
        plan.forEach(([t, d], id) =>
          sim.at(t, () => {
            log.push({ t: sim.now, id });
            sim.after(d, () => log.push({ t: sim.now, id: id + 1000 }));
          }),
        );
        expect(sim.run(noLimits)).toBe('idle');
        expect(log).toHaveLength(2 * plan.length);
        for (let i = 1; i < log.length; i++) expect(log[i].t).toBeGreaterThanOrEqual(log[i - 1].t);
        // The first-round actions at one time keep their scheduling order.
        const firsts = log.filter((e) => e.id < 1000);
        for (let i = 1; i < firsts.length; i++) if (firsts[i].t === firsts[i - 1].t) expect(firsts[i].id).toBeGreaterThan(firsts[i - 1].id);
        expect(sim.eventsRun).toBe(2 * plan.length);
      }),
    );
  });

  it('interleaves handler events with actions in time order, ties in scheduling order, passing kind and subject', () => {
    const sim = new Simulation(1);
    const log: string[] = [];
    const handler = { handleEvent: (kind: number, subject: string) => log.push(`${sim.now}:${subject}/${kind}`) };
    sim.at(2, () => log.push('2:action'));
    sim.schedule(1, handler, 7, 'a');
    sim.schedule(2, handler, 3, 'b');
    sim.at(1, () => log.push('1:action'));
    sim.run(noLimits);
    expect(log).toEqual(['1:a/7', '1:action', '2:action', '2:b/3']);
    expect(() => sim.schedule(1, handler, 0, 'late')).toThrow(RangeError);
  });

  it('runs lane events where the heap would have, ties in scheduling order, and refuses a lane event in the past', () => {
    const sim = new Simulation(1);
    const lane = sim.newLane();
    const log: string[] = [];
    const handler = { handleEvent: (kind: number, subject: string) => log.push(`${sim.now}:${subject}/${kind}`) };
    sim.scheduleInLane(lane, 2, handler, 1, 'lane');
    sim.at(2, () => log.push('2:action'));
    sim.scheduleInLane(lane, 3, handler, 2, 'lane');
    sim.schedule(1, handler, 0, 'heap');
    // Earlier than the lane's latest: still runs at its time.
    sim.scheduleInLane(lane, 1.5, handler, 3, 'lane');
    sim.run(noLimits);
    expect(log).toEqual(['1:heap/0', '1.5:lane/3', '2:lane/1', '2:action', '3:lane/2']);
    expect(() => sim.scheduleInLane(lane, 1, handler, 0, 'late')).toThrow(RangeError);
  });

  it('refuses to schedule in the past', () => {
    const sim = new Simulation(1);
    sim.at(10, () => expect(() => sim.at(5, () => {})).toThrow(RangeError));
    sim.run(noLimits);
    expect(sim.now).toBe(10);
  });

  it('stops at the time limit without running later events', () => {
    const sim = new Simulation(1);
    const ran: number[] = [];
    for (const t of [1, 2, 3, 4]) sim.at(t, () => ran.push(t));
    expect(sim.run({ maxTimeMs: 2.5, maxEvents: Infinity })).toBe('time-limit');
    expect(ran).toEqual([1, 2]);
    expect(sim.pending).toBe(2);
  });

  it('stops after maxEvents events, even when every event schedules another', () => {
    const sim = new Simulation(1);
    const tick = () => sim.after(1, tick);
    tick();
    expect(sim.run({ maxTimeMs: Infinity, maxEvents: 1000 })).toBe('event-limit');
    expect(sim.eventsRun).toBe(1000);
  });

  it('stops as soon as isDone holds', () => {
    const sim = new Simulation(1);
    let n = 0;
    const tick = () => {
      n++;
      sim.after(1, tick);
    };
    tick();
    expect(sim.run({ maxTimeMs: Infinity, maxEvents: Infinity, isDone: () => n >= 10 })).toBe('done');
    expect(n).toBe(10);
  });

  it('reports progress at most 101 times, never backwards, ending at 1', () => {
    const sim = new Simulation(1);
    const total = 300_000;
    for (let i = 0; i < total; i++) sim.at(i, () => {});
    const calls: number[] = [];
    const progress = new ProgressReporter((f) => calls.push(f), () => sim.now / total);
    sim.run({ ...noLimits, progress });
    progress.finish();
    expect(calls.length).toBeGreaterThan(50);
    expect(calls.length).toBeLessThanOrEqual(101);
    for (let i = 1; i < calls.length; i++) expect(calls[i]).toBeGreaterThan(calls[i - 1]);
    expect(calls.at(-1)).toBe(1);
  });
});
