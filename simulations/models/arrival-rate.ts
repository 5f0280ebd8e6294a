import { exponentialDraws } from '../engine/distributions.ts';
import type { RandomSource } from '../../src/resilience/random.ts';

/** From `fromMs` on (until the next step), requests arrive at `perSecond`. */
export interface RateStep {
  readonly fromMs: number;
  readonly perSecond: number;
}

/**
 * A request rate that changes at given times: a steady load, a spike, a ramp
 * in steps. Before the first step the rate is 0.
 */
export class PiecewiseRate {
  readonly steps: readonly RateStep[];

  constructor(steps: readonly RateStep[]) {
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      if (!(s.fromMs >= 0 && s.perSecond >= 0 && s.perSecond < Infinity)) throw new RangeError(`rate step ${i} must have fromMs >= 0 and a finite rate >= 0`);
      if (i > 0 && !(s.fromMs > steps[i - 1].fromMs)) throw new RangeError('rate steps must be in increasing time order');
    }
    this.steps = steps;
  }

  /** `perSecond` from time 0 on. */
  static constant(perSecond: number): PiecewiseRate {
    return new PiecewiseRate([{ fromMs: 0, perSecond }]);
  }

  /** `base`, then `spike` over [startMs, endMs), then `base` again. */
  static spike(base: number, spike: number, startMs: number, endMs: number): PiecewiseRate {
    if (!(endMs > startMs)) return PiecewiseRate.constant(base);
    const steps: RateStep[] = startMs > 0 ? [{ fromMs: 0, perSecond: base }] : [];
    steps.push({ fromMs: startMs, perSecond: spike }, { fromMs: endMs, perSecond: base });
    return new PiecewiseRate(steps);
  }

  /** Index of the step in force at `t`, or -1 before the first. */
  stepAt(t: number): number {
    let i = -1;
    while (i + 1 < this.steps.length && this.steps[i + 1].fromMs <= t) i++;
    return i;
  }

  rateAt(t: number): number {
    const i = this.stepAt(t);
    return i < 0 ? 0 : this.steps[i].perSecond;
  }
}

/**
 * Arrival times of a Poisson process whose rate follows a PiecewiseRate.
 * Within a step, gaps are exponential at that step's rate (d3-random's
 * formula on the given stream); a gap that would cross into the next step
 * is cut at the step's edge and drawn afresh at the new rate, which is exact
 * because the exponential distribution is memoryless.
 */
export class PoissonArrivals {
  private readonly gaps: (() => number)[];
  /** Start and gaps of the last step (a constant rate from its start on), where most arrivals fall; Infinity without steps. */
  private readonly lastFromMs: number;
  private readonly lastGap: () => number;

  constructor(
    private readonly rate: PiecewiseRate,
    random: RandomSource,
  ) {
    // Rates are per second, times in ms.
    this.gaps = rate.steps.map((s) => (s.perSecond > 0 ? exponentialDraws(s.perSecond / 1000, random) : () => Infinity));
    const last = rate.steps.length - 1;
    this.lastFromMs = last >= 0 ? rate.steps[last].fromMs : Infinity;
    this.lastGap = last >= 0 ? this.gaps[last] : () => Infinity;
  }

  /** The next arrival after `t` (a zero gap, drawn with probability 2^-32, gives `t` itself); Infinity if the rate stays 0 from there on. */
  next(t: number): number {
    // In the last step the next arrival is one gap away.
    if (t >= this.lastFromMs) return t + this.lastGap();
    const steps = this.rate.steps;
    let i = this.rate.stepAt(t);
    let from = t;
    for (;;) {
      if (i < 0) {
        if (steps.length === 0) return Infinity;
        i = 0;
        from = steps[0].fromMs;
        continue;
      }
      const end = i + 1 < steps.length ? steps[i + 1].fromMs : Infinity;
      const at = from + this.gaps[i]();
      if (at < end) return at;
      if (end === Infinity) return Infinity;
      i++;
      from = end;
    }
  }
}
