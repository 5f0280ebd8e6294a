import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LevelGauge } from '../../../simulations/engine/level-gauge.ts';
import { SeriesRecorder } from '../../../simulations/engine/time-series.ts';

describe('LevelGauge', () => {
  it('gives the exact time average of a step function per bucket', () => {
    const rec = new SeriesRecorder(10, 30, ['q']);
    const g = new LevelGauge(rec, 'q');
    g.set(5, 2); // 2 over [5, 15)
    g.set(15, 4); // 4 over [15, 30)
    g.finish(30);
    expect(rec.columns.q).toEqual([1, 3, 4]);
  });

  it('integrates to the area under the step function, whatever the change times (bucket means × width sum to the area)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 9 })), { maxLength: 50 }), (changes) => {
        const sorted = [...changes].sort((a, b) => a[0] - b[0]);
        const rec = new SeriesRecorder(7, 100, ['q']);
        const g = new LevelGauge(rec, 'q');
        let area = 0;
        let level = 0;
        let since = 0;
        for (const [t, v] of sorted) {
          area += level * (t - since);
          since = t;
          level = v;
          g.set(t, v);
        }
        area += level * (100 - since);
        g.finish(100);
        const total = rec.columns.q.reduce((s, x) => s + x * 7, 0);
        expect(total).toBeCloseTo(area, 6);
      }),
    );
  });

  it('leaves out time after the recorder duration', () => {
    const rec = new SeriesRecorder(10, 20, ['q']);
    const g = new LevelGauge(rec, 'q');
    g.set(0, 1);
    g.set(50, 0);
    g.finish(60);
    expect(rec.columns.q).toEqual([1, 1]);
  });
});
