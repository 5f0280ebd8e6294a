import { realClock, realRandom, type Clock } from '../clock.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type Operation, type Policy } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import type { ChaosInjectedEvent } from './chaos-events.ts';
import { InjectionCore, valueFor, type InjectionOptions, type PerCall } from './injection-core.ts';
import { runOperation } from './run-operation.ts';

export interface LatencyInjectionOptions extends InjectionOptions {
  /** Delay added before the operation, ms; 30 s by default (Polly's default). 0 or less skips the injection. */
  latencyMs?: PerCall<number>;
  clock?: Clock;
  random?: RandomSource;
}

export const DEFAULT_INJECTED_LATENCY_MS = 30_000;

/**
 * Polly's chaos latency strategy: at the injection rate, the call waits
 * `latencyMs` on the injected clock before the operation runs. The wait
 * listens to the call's signal, so an enclosing timeout cuts it short, which
 * is what a latency experiment usually wants to see.
 */
export class LatencyInjectionPolicy implements Policy {
  readonly core: InjectionCore;
  private readonly latencyMs: PerCall<number>;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly injected = new EventEmitter<ChaosInjectedEvent>();
  readonly onInjected: Event<ChaosInjectedEvent> = this.injected.subscribe;

  constructor({ latencyMs = DEFAULT_INJECTED_LATENCY_MS, clock = realClock, random = realRandom, ...options }: LatencyInjectionOptions = {}) {
    if (typeof latencyMs === 'number' && !(latencyMs >= 0 && latencyMs < Infinity)) throw new RangeError(`latencyMs must be >= 0 and finite, got ${latencyMs}`);
    this.core = new InjectionCore(options);
    this.latencyMs = latencyMs;
    this.clock = clock;
    this.random = random;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const context = { signal, attempt };
    if (this.core.shouldInject(context, this.random)) {
      const ms = valueFor(this.latencyMs, context);
      if (ms > 0) {
        if (this.injected.hasListeners) this.injected.emit({ kind: 'latency', attempt, latencyMs: ms });
        return this.clock.sleep(ms, signal === neverAborted ? undefined : signal).then(() => operation(context));
      }
    }
    return runOperation(operation, context);
  }
}

export function latencyInjection(options?: LatencyInjectionOptions): LatencyInjectionPolicy {
  return new LatencyInjectionPolicy(options);
}
