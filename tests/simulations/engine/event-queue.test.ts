import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../simulations/engine/event-queue.ts';

const time = fc.integer({ min: 0, max: 50 }).map((t) => t / 2);

describe('EventQueue', () => {
  it('pops events in time order, ties in the order they were pushed, for any interleaving of pushes and pops', () => {
    // Ops: a number pushes an event at that time, null pops one. The model is a stable sort.
    fc.assert(
      fc.property(fc.array(fc.option(time, { nil: null, freq: 3 }), { maxLength: 3000, size: 'large' }), (ops) => {
        const q = new EventQueue<number>();
        const model: { t: number; id: number }[] = [];
        let id = 0;
        for (const op of ops) {
          if (op === null) {
            model.sort((a, b) => a.t - b.t || a.id - b.id);
            const expected = model.shift();
            const got = q.pop();
            expect(got).toBe(expected?.id);
            if (expected) expect(q.lastTime).toBe(expected.t);
          } else {
            q.push(op, id);
            model.push({ t: op, id });
            id++;
          }
          expect(q.size).toBe(model.length);
          expect(q.peekTime()).toBe(model.length ? Math.min(...model.map((m) => m.t)) : Infinity);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("hands back each event's kind and subject with it, through growth and sifting", () => {
    const q = new EventQueue<string, { id: number }>();
    const subjects = Array.from({ length: 3000 }, (_, id) => ({ id }));
    // Times out of order and with ties, so events move through the heap.
    subjects.forEach((s) => q.push((s.id * 7919) % 101, `e${s.id}`, s.id % 5, s));
    let last = -1;
    while (q.size) {
      const item = q.pop()!;
      const id = Number(item.slice(1));
      expect(q.lastSubject).toBe(subjects[id]);
      expect(q.lastKind).toBe(id % 5);
      expect(q.lastTime).toBe((id * 7919) % 101);
      expect(q.lastTime).toBeGreaterThanOrEqual(last);
      last = q.lastTime;
    }
  });

  it('grows past its initial capacity without losing events', () => {
    const q = new EventQueue<number>();
    for (let i = 5000; i > 0; i--) q.push(i, i);
    const out: number[] = [];
    while (q.size) out.push(q.pop()!);
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(q.pop()).toBeUndefined();
  });

  it('refuses negative, infinite and NaN times', () => {
    const q = new EventQueue<number>();
    for (const t of [-1, Infinity, NaN]) expect(() => q.push(t, 0)).toThrow(RangeError);
  });

  it('pops lane and heap events together in time order, ties in push order, even when a lane push comes earlier than its lane', () => {
    // Ops: [time, where]: where -1 pushes to the heap, 0 or 1 to that lane; null pops. Lane pushes mostly move forward in time, as timeouts do.
    const op = fc.option(fc.tuple(time, fc.integer({ min: -1, max: 1 })), { nil: null, freq: 3 });
    fc.assert(
      // size 'large': fast-check's default arrays hold a handful of ops, too few for ties between lanes and heap.
      fc.property(fc.array(op, { maxLength: 3000, size: 'large' }), (ops) => {
        const q = new EventQueue<number, string>();
        const lanes = [q.newLane(), q.newLane()];
        const model: { t: number; id: number }[] = [];
        let id = 0;
        for (const o of ops) {
          if (o === null) {
            model.sort((a, b) => a.t - b.t || a.id - b.id);
            const expected = model.shift();
            expect(q.pop()).toBe(expected?.id);
            if (expected) {
              expect(q.lastTime).toBe(expected.t);
              expect(q.lastKind).toBe(expected.id % 7);
              expect(q.lastSubject).toBe(`s${expected.id}`);
            }
          } else {
            const [t, where] = o;
            if (where < 0) q.push(t, id, id % 7, `s${id}`);
            else q.pushInLane(lanes[where], t, id, id % 7, `s${id}`);
            model.push({ t, id });
            id++;
          }
          expect(q.size).toBe(model.length);
          expect(q.peekTime()).toBe(model.length ? Math.min(...model.map((m) => m.t)) : Infinity);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a lane in order through growth', () => {
    const q = new EventQueue<number>();
    const lane = q.newLane();
    for (let i = 0; i < 1000; i++) {
      q.pushInLane(lane, i, i);
      if (i % 3 === 0) q.pop();
    }
    const out: number[] = [];
    while (q.size) out.push(q.pop()!);
    expect(out).toEqual(Array.from({ length: 1000 }, (_, i) => i).slice(1000 - out.length));
    expect(() => q.pushInLane(lane, Infinity, 0)).toThrow(RangeError);
  });
});
