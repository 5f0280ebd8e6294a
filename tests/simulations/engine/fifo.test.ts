import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from '../../../simulations/engine/fifo.ts';

describe('Fifo', () => {
  it('behaves like an array used as a queue, for any sequence of pushes and shifts', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 5000 }), (ops) => {
        const q = new Fifo<number>();
        const model: number[] = [];
        let next = 0;
        for (const push of ops) {
          if (push) {
            q.push(next);
            model.push(next++);
          } else {
            expect(q.shift()).toBe(model.shift());
          }
          expect(q.size).toBe(model.length);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('keeps order across growth and wrap-around of the ring', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 10_000; i++) q.push(i);
    for (let i = 0; i < 9_000; i++) expect(q.shift()).toBe(i);
    for (let i = 10_000; i < 11_000; i++) q.push(i);
    const rest: number[] = [];
    while (q.size) rest.push(q.shift()!);
    expect(rest).toEqual(Array.from({ length: 2000 }, (_, i) => 9000 + i));
  });
});
