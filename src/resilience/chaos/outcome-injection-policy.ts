import { realRandom } from '../clock.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext, type Operation, type Policy } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import type { ChaosInjectedEvent } from './chaos-events.ts';
import { InjectionCore, type InjectionOptions } from './injection-core.ts';
import { runOperation } from './run-operation.ts';

/** The injected result, or a function computing it for a call; a function returning undefined skips that call. */
export type InjectedOutcome<U> = U | ((context: ExecuteContext) => U | undefined);

export interface OutcomeInjectionOptions<U> extends InjectionOptions {
  outcome: InjectedOutcome<U>;
  random?: RandomSource;
}

/**
 * Polly's chaos outcome strategy: at the injection rate, the call resolves
 * with the chosen result (a 503 response, an empty list) without running the
 * operation. Like `fallback`, `execute` keeps the `Policy` signature; `run`
 * is typed `Promise<T | U>`.
 */
export class OutcomeInjectionPolicy<U> implements Policy {
  readonly core: InjectionCore;
  private readonly outcome: InjectedOutcome<U>;
  private readonly random: RandomSource;
  private readonly injected = new EventEmitter<ChaosInjectedEvent>();
  readonly onInjected: Event<ChaosInjectedEvent> = this.injected.subscribe;

  constructor({ outcome, random = realRandom, ...options }: OutcomeInjectionOptions<U>) {
    this.core = new InjectionCore(options);
    this.outcome = outcome;
    this.random = random;
  }

  execute<T>(operation: Operation<T>, signal?: AbortSignal, attempt?: number): Promise<T> {
    return this.run(operation, signal, attempt) as Promise<T>;
  }

  run<T>(operation: Operation<T>, signal: AbortSignal = neverAborted, attempt = 1): Promise<T | U> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const context = { signal, attempt };
    if (this.core.shouldInject(context, this.random)) {
      const o = this.outcome;
      const outcome = typeof o === 'function' ? (o as (context: ExecuteContext) => U | undefined)(context) : o;
      if (outcome !== undefined) {
        if (this.injected.hasListeners) this.injected.emit({ kind: 'outcome', attempt, outcome });
        return Promise.resolve(outcome);
      }
    }
    return runOperation(operation, context);
  }
}

export function outcomeInjection<U>(options: OutcomeInjectionOptions<U>): OutcomeInjectionPolicy<U> {
  return new OutcomeInjectionPolicy(options);
}
