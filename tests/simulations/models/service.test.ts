import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../simulations/engine/simulation.ts';
import type { FaultWindow } from '../../../simulations/models/fault-schedule.ts';
import { Service, type Job, type JobState, type ServiceOptions } from '../../../simulations/models/service.ts';

const noLimits = { maxTimeMs: Infinity, maxEvents: 10_000_000 };

class TestJob implements Job {
  arrivedAt = NaN;
  startedAt = NaN;
  state: JobState = 'new';
  answers: { ok: boolean; at: number }[] = [];
  constructor(readonly id = 0) {}
  respond(ok: boolean, now: number): void {
    this.answers.push({ ok, at: now });
  }
}

function setup(options: Partial<ServiceOptions> = {}) {
  const sim = new Simulation(1);
  const service = new Service(sim, { workers: 1, serviceTime: { kind: 'constant', value: 10 }, ...options });
  const submitAt = (t: number, job = new TestJob()) => {
    sim.at(t, () => void service.submit(job, sim.now));
    return job;
  };
  return { sim, service, submitAt };
}

describe('Service', () => {
  it('serves in FIFO order, one job per worker at a time', () => {
    const { sim, submitAt } = setup();
    const jobs = [submitAt(0), submitAt(0), submitAt(1)];
    sim.run(noLimits);
    expect(jobs.map((j) => j.answers)).toEqual([[{ ok: true, at: 10 }], [{ ok: true, at: 20 }], [{ ok: true, at: 30 }]]);
    expect(jobs.map((j) => j.startedAt)).toEqual([0, 10, 20]);
  });

  it('sheds a job that finds the queue full', () => {
    const sim = new Simulation(1);
    const service = new Service(sim, { workers: 1, queueCapacity: 2, serviceTime: { kind: 'constant', value: 10 } });
    const admissions = [0, 1, 2, 3].map(() => service.submit(new TestJob(), 0));
    expect(admissions).toEqual(['accepted', 'accepted', 'accepted', 'shed']);
    expect(service.waiting).toBe(2);
  });

  it('refuses to take the same job twice', () => {
    const sim = new Simulation(1);
    const service = new Service(sim, { workers: 1, serviceTime: { kind: 'constant', value: 10 } });
    const job = new TestJob();
    service.submit(job, 0);
    expect(() => service.submit(job, 0)).toThrow();
  });

  it('slows work down by 1 + alpha·(busy − 1)/workers when it starts', () => {
    const { sim, submitAt } = setup({ workers: 4, contentionSlowdown: 1 });
    const jobs = [0, 0, 0, 0].map((t) => submitAt(t));
    sim.run(noLimits);
    expect(jobs.map((j) => j.answers[0].at)).toEqual([10, 12.5, 15, 17.5]);
  });

  it('without cancellation, abandoned work keeps its worker until done', () => {
    const { sim, service, submitAt } = setup({ serviceTime: { kind: 'constant', value: 100 } });
    const a = submitAt(0);
    const b = submitAt(0);
    sim.at(10, () => service.abandon(a, sim.now));
    sim.run(noLimits);
    expect(a.answers).toEqual([{ ok: true, at: 100 }]);
    expect(b.answers).toEqual([{ ok: true, at: 200 }]);
  });

  it('with cancellation, abandoned work frees its worker at once and is never answered', () => {
    const { sim, service, submitAt } = setup({ serviceTime: { kind: 'constant', value: 100 }, cancellation: true });
    const a = submitAt(0);
    const b = submitAt(0);
    const c = submitAt(0);
    sim.at(10, () => service.abandon(a, sim.now));
    sim.at(20, () => service.abandon(c, sim.now)); // c is still queued
    sim.run(noLimits);
    expect(a.answers).toEqual([]);
    expect(b.answers).toEqual([{ ok: true, at: 110 }]);
    expect(c.answers).toEqual([]);
    expect([a.state, b.state, c.state]).toEqual(['dropped', 'done', 'dropped']);
    expect(service.busyMs).toBe(110);
  });

  describe('faults', () => {
    const withFaults = (windows: FaultWindow[], options: Partial<ServiceOptions> = {}) => setup({ faults: windows, ...options });

    it('an outage that fails fast refuses attempts inside its window only', () => {
      const sim = new Simulation(1);
      const service = new Service(sim, { workers: 1, serviceTime: { kind: 'constant', value: 1 }, faults: [{ startMs: 10, endMs: 20, fault: { kind: 'outage', mode: 'fail-fast' } }] });
      expect([5, 10, 19.9, 20].map((t) => service.submit(new TestJob(), t))).toEqual(['accepted', 'refused', 'refused', 'accepted']);
    });

    it('a hanging outage accepts attempts and never answers them', () => {
      const { sim, submitAt } = withFaults([{ startMs: 10, endMs: 20, fault: { kind: 'outage', mode: 'hang' } }]);
      const lost = submitAt(15);
      const fine = submitAt(25);
      sim.run(noLimits);
      expect(lost.answers).toEqual([]);
      expect(fine.answers).toEqual([{ ok: true, at: 35 }]);
    });

    it('added latency lengthens work started in its window', () => {
      const { sim, submitAt } = withFaults([{ startMs: 0, endMs: 20, fault: { kind: 'added-latency', ms: 5 } }]);
      const slow = submitAt(0);
      const normal = submitAt(30);
      sim.run(noLimits);
      expect([slow.answers[0].at, normal.answers[0].at]).toEqual([15, 40]);
    });

    it('a capacity drop holds queued work until capacity comes back', () => {
      const { sim, submitAt } = withFaults([{ startMs: 0, endMs: 50, fault: { kind: 'capacity-drop', workers: 1 } }], { workers: 2 });
      const jobs = [submitAt(0), submitAt(0), submitAt(0)];
      sim.run(noLimits);
      expect(jobs.map((j) => j.startedAt)).toEqual([0, 10, 20]);

      const zero = withFaults([{ startMs: 0, endMs: 50, fault: { kind: 'capacity-drop', workers: 0 } }]);
      const held = zero.submitAt(5);
      zero.sim.run(noLimits);
      expect(held.startedAt).toBe(50);
    });

    it('an error spike fails work with probability 1 − (1 − base)(1 − spike) (fixed seed, within 4 standard errors)', () => {
      const n = 20_000;
      const { sim, submitAt } = withFaults([{ startMs: 0, endMs: Infinity, fault: { kind: 'error-spike', probability: 0.5 } }], {
        errorProbability: 0.2,
        workers: 100,
      });
      const jobs = Array.from({ length: n }, (_, i) => submitAt(i));
      sim.run(noLimits);
      const failed = jobs.filter((j) => !j.answers[0].ok).length / n;
      const p = 1 - 0.8 * 0.5;
      // Independent Bernoulli outcomes: standard error sqrt(p(1 − p)/n).
      expect(Math.abs(failed - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  });

  it('never works on more jobs than workers, never queues more than its capacity, and answers every job it kept exactly once', () => {
    fc.assert(
      fc.property(
        fc.record({
          workers: fc.integer({ min: 1, max: 5 }),
          queueCapacity: fc.integer({ min: 0, max: 10 }),
          contentionSlowdown: fc.double({ min: 0, max: 3, noNaN: true }),
          cancellation: fc.boolean(),
          drop: fc.option(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 4 })), { nil: undefined }),
          plan: fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined })), { maxLength: 60 }),
        }),
        ({ workers, queueCapacity, contentionSlowdown, cancellation, drop, plan }) => {
          const sim = new Simulation(3);
          let maxBusy = 0;
          let maxWaiting = 0;
          const faults: FaultWindow[] = drop ? [{ startMs: drop[0], endMs: drop[0] + drop[1], fault: { kind: 'capacity-drop', workers: drop[2] } }] : [];
          const service = new Service(sim, {
            workers,
            queueCapacity,
            contentionSlowdown,
            cancellation,
            faults,
            serviceTime: { kind: 'exponential', mean: 20 },
            observer: {
              busyChanged: (_, b) => (maxBusy = Math.max(maxBusy, b)),
              queueChanged: (_, w) => (maxWaiting = Math.max(maxWaiting, w)),
              workDone() {},
            },
          });
          const jobs = plan.map(([t, abandonAfter]) => {
            const job = new TestJob();
            sim.at(t, () => {
              service.submit(job, sim.now);
              if (abandonAfter !== undefined) sim.after(abandonAfter, () => service.abandon(job, sim.now));
            });
            return job;
          });
          sim.run(noLimits);
          expect(maxBusy).toBeLessThanOrEqual(workers);
          expect(maxWaiting).toBeLessThanOrEqual(queueCapacity);
          expect(service.busy).toBe(0);
          expect(service.waiting).toBe(0);
          for (const j of jobs) {
            // Kept and finished: one answer. Shed or cancelled: none.
            expect(j.answers.length).toBe(j.state === 'done' ? 1 : 0);
            expect(['done', 'refused', 'dropped']).toContain(j.state);
            if (j.state === 'dropped') expect(cancellation).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
