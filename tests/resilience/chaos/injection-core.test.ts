import { randomLcg } from 'd3-random';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INJECTION_RATE, InjectionCore, neverAborted, type ExecuteContext } from '../../../src/resilience/index.ts';

const context: ExecuteContext = { signal: neverAborted, attempt: 1 };
const CALLS = 4000;

/** Injections in CALLS decisions of a core on a seeded source. */
function injections(core: InjectionCore, seed: number): number {
  const random = randomLcg(seed);
  let n = 0;
  for (let i = 0; i < CALLS; i++) if (core.shouldInject(context, random)) n++;
  return n;
}

describe('InjectionCore: the decision shared by every chaos injector', () => {
  it('injects at its rate: over any seed and rate, the count is within 5 standard deviations of rate · calls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, rate) => {
        const n = injections(new InjectionCore({ injectionRate: rate }), seed);
        const sd = Math.sqrt(CALLS * rate * (1 - rate));
        expect(Math.abs(n - CALLS * rate)).toBeLessThanOrEqual(5 * sd + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('never injects when disabled, and then draws no random number at all', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, rate) => {
        let draws = 0;
        const inner = randomLcg(seed);
        const counting = () => {
          draws++;
          return inner();
        };
        for (const core of [new InjectionCore({ injectionRate: rate, enabled: false }), new InjectionCore({ injectionRate: rate, enabled: () => false })]) {
          for (let i = 0; i < 100; i++) expect(core.shouldInject(context, counting)).toBe(false);
        }
        expect(draws).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('clamps the rate to [0, 1], as Polly does: above 1 always injects, below 0 never', () => {
    expect(injections(new InjectionCore({ injectionRate: 1.5 }), 1)).toBe(CALLS);
    expect(injections(new InjectionCore({ injectionRate: 1 }), 2)).toBe(CALLS);
    expect(injections(new InjectionCore({ injectionRate: -0.5 }), 3)).toBe(0);
    expect(injections(new InjectionCore({ injectionRate: 0 }), 4)).toBe(0);
    expect(() => new InjectionCore({ injectionRate: NaN })).toThrow(RangeError);
  });

  it("defaults to Polly's 0.001 rate and enabled", () => {
    expect(DEFAULT_INJECTION_RATE).toBe(0.001);
    expect(new InjectionCore().shouldInject(context, () => 0.0009)).toBe(true);
    expect(new InjectionCore().shouldInject(context, () => 0.001)).toBe(false);
  });

  it('reads the rate and the switch per call, from the call’s context', () => {
    const core = new InjectionCore({ injectionRate: (c) => (c.attempt === 1 ? 1 : 0), enabled: (c) => c.attempt < 3 });
    expect(core.shouldInject({ signal: neverAborted, attempt: 1 }, () => 0.5)).toBe(true);
    expect(core.shouldInject({ signal: neverAborted, attempt: 2 }, () => 0.5)).toBe(false);
    expect(core.shouldInject({ signal: neverAborted, attempt: 3 }, () => 0)).toBe(false);
  });

  it('is deterministic: the same seed gives the same decisions', () => {
    const core = new InjectionCore({ injectionRate: 0.3 });
    const run = (seed: number) => {
      const r = randomLcg(seed);
      return Array.from({ length: 200 }, () => core.shouldInject(context, r));
    };
    expect(run(7)).toEqual(run(7));
  });
});
