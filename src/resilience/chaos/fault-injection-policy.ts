import { realRandom } from '../clock.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type Operation, type Policy } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import type { ChaosInjectedEvent } from './chaos-events.ts';
import { InjectionCore, valueFor, type InjectionOptions, type PerCall } from './injection-core.ts';
import { runOperation } from './run-operation.ts';

export interface FaultInjectionOptions extends InjectionOptions {
  /** What an injected call rejects with; a function returning undefined skips the injection for that call (Polly's FaultGenerator returning null). */
  fault: PerCall<unknown>;
  random?: RandomSource;
}

/**
 * Polly's chaos fault strategy: at the injection rate, the call rejects with
 * the fault instead of running the operation. Inside a retry, each attempt
 * draws again; outside it, one draw covers all attempts.
 */
export class FaultInjectionPolicy implements Policy {
  readonly core: InjectionCore;
  private readonly fault: PerCall<unknown>;
  private readonly random: RandomSource;
  private readonly injected = new EventEmitter<ChaosInjectedEvent>();
  readonly onInjected: Event<ChaosInjectedEvent> = this.injected.subscribe;

  constructor({ fault, random = realRandom, ...options }: FaultInjectionOptions) {
    this.core = new InjectionCore(options);
    this.fault = fault;
    this.random = random;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const context = { signal, attempt };
    if (this.core.shouldInject(context, this.random)) {
      const error = valueFor(this.fault, context);
      if (error !== undefined) {
        if (this.injected.hasListeners) this.injected.emit({ kind: 'fault', attempt, error });
        return Promise.reject(error);
      }
    }
    return runOperation(operation, context);
  }
}

export function faultInjection(options: FaultInjectionOptions): FaultInjectionPolicy {
  return new FaultInjectionPolicy(options);
}
