import { realRandom } from '../clock.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import type { ChaosInjectedEvent } from './chaos-events.ts';
import { InjectionCore, type InjectionOptions } from './injection-core.ts';
import { runOperation } from './run-operation.ts';

export interface BehaviorInjectionOptions extends InjectionOptions {
  /** The side effect: fill a cache with garbage, kill a connection, set a fault on a proxy. */
  behavior: (context: ExecuteContext) => void | PromiseLike<void>;
  random?: RandomSource;
}

/**
 * Polly's chaos behavior strategy: at the injection rate, runs a side effect
 * before the operation, then runs the operation as usual. If the behaviour
 * throws, the call rejects with that error and the operation does not run.
 */
export class BehaviorInjectionPolicy implements Policy {
  readonly core: InjectionCore;
  private readonly behavior: (context: ExecuteContext) => void | PromiseLike<void>;
  private readonly random: RandomSource;
  private readonly injected = new EventEmitter<ChaosInjectedEvent>();
  readonly onInjected: Event<ChaosInjectedEvent> = this.injected.subscribe;

  constructor({ behavior, random = realRandom, ...options }: BehaviorInjectionOptions) {
    this.core = new InjectionCore(options);
    this.behavior = behavior;
    this.random = random;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const context = { signal, attempt };
    if (!this.core.shouldInject(context, this.random)) return runOperation(operation, context);
    return this.injectThenRun(operation, context);
  }

  private async injectThenRun<T>(operation: Operation<T>, context: ExecuteContext): Promise<T> {
    await this.behavior(context);
    if (this.injected.hasListeners) this.injected.emit({ kind: 'behavior', attempt: context.attempt });
    if (context.signal.aborted) throw abortReason(context.signal);
    return operation(context);
  }
}

export function behaviorInjection(options: BehaviorInjectionOptions): BehaviorInjectionPolicy {
  return new BehaviorInjectionPolicy(options);
}
