import type { ExecuteContext } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';

/** A per-call value: fixed, or computed from the call's context (Polly's `...Generator` options). */
export type PerCall<V> = V | ((context: ExecuteContext) => V);

export interface InjectionOptions {
  /**
   * Probability in [0, 1] that a call gets the injection; values outside are
   * clamped, as Polly's `InjectionRate` is. 0.001 by default (Polly's default:
   * one call in a thousand), so an injector added by mistake does little harm.
   */
  injectionRate?: PerCall<number>;
  /**
   * Whether the injector acts at all for this call; true by default. A
   * predicate turns chaos on for some calls only (a test header, a tenant, a
   * time window, the blast radius of an experiment).
   */
  enabled?: PerCall<boolean>;
}

export const DEFAULT_INJECTION_RATE = 0.001;

/**
 * The decision every chaos injector shares, sans-I/O: whether this call gets
 * the injection. As in Polly's ChaosStrategyHelper.ShouldInjectAsync, the
 * enable switch is read first and a disabled injector draws no random number
 * (so switching chaos off does not shift any other draw of a seeded run);
 * then one draw against the rate: inject when `random() < rate`.
 */
export class InjectionCore {
  private readonly rate: PerCall<number>;
  private readonly enabled: PerCall<boolean>;

  constructor({ injectionRate = DEFAULT_INJECTION_RATE, enabled = true }: InjectionOptions = {}) {
    if (typeof injectionRate === 'number' && Number.isNaN(injectionRate)) throw new RangeError('injectionRate must be a number in [0, 1], got NaN');
    this.rate = injectionRate;
    this.enabled = enabled;
  }

  shouldInject(context: ExecuteContext, random: RandomSource): boolean {
    const enabled = typeof this.enabled === 'function' ? this.enabled(context) : this.enabled;
    if (!enabled) return false;
    const raw = typeof this.rate === 'function' ? this.rate(context) : this.rate;
    const rate = raw > 1 ? 1 : raw >= 0 ? raw : 0;
    return random() < rate;
  }
}

/** The value of a per-call option for this call. */
export function valueFor<V>(option: PerCall<V>, context: ExecuteContext): V {
  return typeof option === 'function' ? (option as (context: ExecuteContext) => V)(context) : option;
}
