import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueLengthTails } from '../../../simulations/models/queue-length-tails.ts';

describe('QueueLengthTails', () => {
  it('time-averages the fraction of servers with at least i customers, from fromMs on', () => {
    const tails = new QueueLengthTails(2, 3, 10);
    tails.arrived(0, 0); // server 0: 1 customer from t = 0 (only [10, ...) counts)
    tails.arrived(0, 20); // 2 from 20
    tails.arrived(1, 30); // server 1: 1 from 30
    tails.departed(0, 40); // server 0: 1 from 40
    // Over [10, 50): at least 1: server 0 for 40, server 1 for 20 → 60 / (2 · 40); at least 2: 20 / 80; at least 3: 0.
    expect(tails.fractions(50)).toEqual([60 / 80, 20 / 80, 0]);
    expect(tails.maxLength).toBe(2);
  });

  it('the mean queue length is the sum of the tails (Σ_i P(L >= i)) when no queue outgrows the levels kept', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.integer({ min: 1, max: 5 })), { maxLength: 60 }), (steps) => {
        const servers = 4;
        const tails = new QueueLengthTails(servers, 100, 0);
        const lengths = new Array<number>(servers).fill(0);
        let t = 0;
        let area = 0;
        for (const [server, arrive, dt] of steps) {
          area += lengths.reduce((a, b) => a + b, 0) * dt;
          t += dt;
          if (arrive) {
            tails.arrived(server, t);
            lengths[server]++;
          } else if (lengths[server] > 0) {
            tails.departed(server, t);
            lengths[server]--;
          }
        }
        area += lengths.reduce((a, b) => a + b, 0) * 1;
        const sum = tails.fractions(t + 1).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo(area / (servers * (t + 1)), 9);
      }),
    );
  });

  it('refuses a departure from an empty server', () => {
    expect(() => new QueueLengthTails(1, 2, 0).departed(0, 1)).toThrow(RangeError);
  });
});
