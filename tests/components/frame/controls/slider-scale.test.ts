import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intParam, numberParam } from '../../../../src/params/params.ts';
import { decimals, logLadder, sliderScale, snapToStep, stepNeighbours, type SliderScale } from '../../../../src/components/frame/controls/slider-scale.ts';

const numberSpecArb = fc
  .record({ min: fc.integer({ min: 1, max: 100 }), span: fc.integer({ min: 1, max: 100_000 }), integer: fc.boolean(), log: fc.boolean() })
  .map(({ min, span, integer, log }) => {
    const o = { label: 'x', min, max: min + span, default: min + Math.floor(span / 3), scale: log ? ('log' as const) : ('linear' as const) };
    return integer ? intParam(o) : numberParam({ ...o, step: 0.01 });
  });

/** A position of the slider `f` of the way along its track, on its step. */
const positionAt = (s: SliderScale, f: number) => s.min + Math.round(((s.max - s.min) * f) / s.step) * s.step;

describe('slider scales', () => {
  it('every slider position maps to a value in range, on the step, and back to the same position', () => {
    fc.assert(
      fc.property(numberSpecArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
        const s = sliderScale(p);
        const v = s.fromPosition(positionAt(s, f));
        expect(v).toBeGreaterThanOrEqual(p.min);
        expect(v).toBeLessThanOrEqual(p.max);
        if (p.integer) expect(Number.isInteger(v)).toBe(true);
        expect(s.fromPosition(s.toPosition(v))).toBe(v);
      }),
    );
  });

  it('a log ladder is strictly increasing from min to max and holds the default, so every key press changes the value', () => {
    fc.assert(
      fc.property(numberSpecArb, (p) => {
        const ladder = logLadder(p);
        expect(ladder[0]).toBe(p.min);
        expect(ladder[ladder.length - 1]).toBe(p.max);
        expect(ladder).toContain(p.default);
        for (let i = 1; i < ladder.length; i++) expect(ladder[i]).toBeGreaterThan(ladder[i - 1]);
      }),
    );
  });

  it('a linear slider uses the parameter’s own values; a log one spends as much travel per decade', () => {
    const lin = sliderScale(intParam({ label: 'x', min: 10, max: 2000, step: 10, default: 400 }));
    expect([lin.min, lin.max, lin.step, lin.toPosition(400)]).toEqual([10, 2000, 10, 400]);
    // With a step fine enough not to merge rungs, each decade gets a third of the travel.
    const log = sliderScale(numberParam({ label: 'x', min: 1, max: 1000, step: 0.01, default: 10, scale: 'log' }));
    const at = (v: number) => log.toPosition(v) / log.max;
    expect(at(10)).toBeCloseTo(1 / 3, 1);
    expect(at(100)).toBeCloseTo(2 / 3, 1);
  });

  it('snapping removes binary noise and clamps', () => {
    const p = numberParam({ label: 'p', min: 0, max: 1, step: 0.1, default: 0.5 });
    expect(snapToStep(p, 0.1 * 3)).toBe(0.3);
    expect(snapToStep(p, 7)).toBe(1);
    expect(snapToStep(p, -1)).toBe(0);
    expect([decimals(1), decimals(0.05), decimals(1e-3), decimals(2.5e-7)]).toEqual([0, 2, 3, 8]);
  });

  it('a value\'s step neighbours are where one arrow key moves its slider: a step either side, none past an end', () => {
    fc.assert(
      fc.property(numberSpecArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
        const s = sliderScale(p);
        const v = s.fromPosition(positionAt(s, f));
        const ns = stepNeighbours(p, v);
        const steps = [-s.step, s.step].filter((d) => s.toPosition(v) + d >= s.min - 1e-9 && s.toPosition(v) + d <= s.max + 1e-9);
        expect(ns).toHaveLength(steps.length);
        ns.forEach((n, i) => expect(s.toPosition(n) - s.toPosition(v)).toBeCloseTo(steps[i], 9));
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
      }),
    );
    const timeout = intParam({ label: 't', default: 1000, min: 50, max: 10_000, step: 50, scale: 'log' });
    expect(stepNeighbours(timeout, 50)).toEqual([sliderScale(timeout).fromPosition(1)]);
    expect(stepNeighbours(intParam({ label: 'n', default: 3, min: 1, max: 9 }), 9)).toEqual([8]);
    expect(stepNeighbours(intParam({ label: 'n', default: 3, min: 1, max: 9 }), 3)).toEqual([2, 4]);
  });

  it('two steps ahead: each step from where the one before landed, nearest first, none past an end', () => {
    fc.assert(
      fc.property(numberSpecArb, fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
        const s = sliderScale(p);
        const v = s.fromPosition(positionAt(s, f));
        const one = stepNeighbours(p, v);
        const two = stepNeighbours(p, v, 2);
        // The one-step neighbours come first, then one more step from each, where there is one.
        expect(two.slice(0, one.length)).toEqual(one);
        const further = one.flatMap((n) => stepNeighbours(p, n).filter((m) => m !== v && !one.includes(m)));
        expect(new Set(two.slice(one.length))).toEqual(new Set(further));
      }),
    );
    const n = intParam({ label: 'n', default: 3, min: 1, max: 9 });
    expect(stepNeighbours(n, 3, 2)).toEqual([2, 4, 1, 5]);
    expect(stepNeighbours(n, 2, 2)).toEqual([1, 3, 4]);
    expect(stepNeighbours(n, 9, 3)).toEqual([8, 7, 6]);
  });

  it('a parameter\'s scale is made once: every render of its slider gets the same one', () => {
    const p = intParam({ label: 't', default: 1000, min: 50, max: 10_000, step: 50, scale: 'log' });
    expect(sliderScale(p)).toBe(sliderScale(p));
  });
});

