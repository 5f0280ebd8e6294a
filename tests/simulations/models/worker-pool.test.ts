import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../simulations/models/worker-pool.ts';

describe('WorkerPool', () => {
  it('starts work at once while a worker is free, queues it FIFO after that, and sheds beyond the queue', () => {
    const started: string[] = [];
    const releases = new Map<string, (now: number) => void>();
    const pool = new WorkerPool(1, 2);
    const task = (name: string) => (now: number, release: (now: number) => void) => {
      started.push(`${name}@${now}`);
      releases.set(name, release);
    };
    expect(['a', 'b', 'c', 'd'].map((n, i) => pool.submit(task(n), i))).toEqual([true, true, true, false]);
    expect(started).toEqual(['a@0']);
    expect(pool.waiting).toBe(2);
    releases.get('a')!(10);
    releases.get('b')!(20);
    expect(started).toEqual(['a@0', 'b@10', 'c@20']);
    expect(pool.busy).toBe(1);
    releases.get('c')!(30);
    expect(pool.busy).toBe(0);
  });

  it('refuses a second release of the same worker', () => {
    const pool = new WorkerPool(2, 0);
    let release: ((now: number) => void) | undefined;
    pool.submit((_, r) => (release = r), 0);
    release!(1);
    expect(() => release!(2)).toThrow(/twice/);
  });

  it('never has more busy workers than it has, nor more waiting than its queue, and the observer sees every level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.boolean(), { maxLength: 60 }), (workers, queue, ops) => {
        const levels = { busy: 0, waiting: 0 };
        const pool = new WorkerPool(workers, queue, { busyChanged: (_, b) => (levels.busy = b), queueChanged: (_, w) => (levels.waiting = w) });
        const running: ((now: number) => void)[] = [];
        let t = 0;
        for (const submit of ops) {
          t++;
          if (submit) pool.submit((_, release) => running.push(release), t);
          else running.shift()?.(t);
          expect(pool.busy).toBeLessThanOrEqual(workers);
          expect(pool.waiting).toBeLessThanOrEqual(queue);
          expect(levels).toEqual({ busy: pool.busy, waiting: pool.waiting });
          // Work waits only while every worker is busy.
          if (pool.waiting > 0) expect(pool.busy).toBe(workers);
        }
      }),
    );
  });
});
