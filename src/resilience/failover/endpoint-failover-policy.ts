import { realClock, type Clock } from '../clock.ts';
import { TimeoutError } from '../errors.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type ExecuteContext } from '../pipeline/policy.ts';
import { TimeoutPolicy } from '../timeout/timeout-policy.ts';
import { EndpointFailover } from './endpoint-failover.ts';
import { AllEndpointsFailedError } from './failover-errors.ts';
import { failoverDefaults } from './failover-options.ts';

export interface EndpointFailoverPolicyOptions<E> {
  /** Endpoints in the order to try them. */
  readonly endpoints: readonly E[];
  /** How long a failed endpoint is passed over, ms. 30 000 by default. */
  readonly coolDownMs?: number;
  /** Each endpoint gets this long, ms, before the next is tried (a connect timeout); none by default. */
  readonly attemptTimeoutMs?: number;
  /**
   * Which errors say the endpoint is unusable (refused, reset, timed out), so
   * the next one is tried. By default every error: pass a predicate that
   * lets application errors (a 404, a validation error) through unchanged.
   */
  readonly isEndpointFailure?: (error: unknown) => boolean;
  readonly clock?: Clock;
}

/** The call moved on from one endpoint to the next. */
export interface EndpointFailoverEvent {
  readonly from: number;
  readonly to: number;
  readonly error: unknown;
}

/**
 * Client-side failover over an ordered list of endpoints on the real (or an
 * injected) clock, applying an EndpointFailover core: each call tries the
 * endpoint that last worked, then the others in order, skipping those
 * cooling down after a failure, each at most once. Rejects with the
 * operation's own error when it is not an endpoint failure, with
 * AllEndpointsFailedError when every endpoint tried failed, or with the
 * caller's abort reason.
 */
export class EndpointFailoverPolicy<E> {
  readonly core: EndpointFailover;
  readonly endpoints: readonly E[];
  private readonly clock: Clock;
  private readonly timeout: TimeoutPolicy | undefined;
  private readonly isEndpointFailure: (error: unknown) => boolean;
  private readonly failovers = new EventEmitter<EndpointFailoverEvent>();
  /** Fires each time a call moves on to the next endpoint. */
  readonly onFailover: Event<EndpointFailoverEvent> = this.failovers.subscribe;

  constructor({
    endpoints,
    coolDownMs = failoverDefaults.coolDownMs,
    attemptTimeoutMs,
    isEndpointFailure = () => true,
    clock = realClock,
  }: EndpointFailoverPolicyOptions<E>) {
    this.core = new EndpointFailover({ endpoints: endpoints.length, coolDownMs });
    this.endpoints = [...endpoints];
    this.clock = clock;
    this.timeout = attemptTimeoutMs === undefined ? undefined : new TimeoutPolicy(attemptTimeoutMs, { clock });
    this.isEndpointFailure = isEndpointFailure;
  }

  async execute<T>(operation: (endpoint: E, context: ExecuteContext) => PromiseLike<T> | T, signal: AbortSignal = neverAborted): Promise<T> {
    const plan = this.core.plan(this.clock.now());
    const errors: unknown[] = [];
    for (let k = 0; k < plan.length; k++) {
      if (signal.aborted) throw abortReason(signal);
      const index = plan[k];
      const endpoint = this.endpoints[index];
      try {
        const value = this.timeout
          ? await this.timeout.execute((ctx) => operation(endpoint, ctx), signal)
          : await operation(endpoint, { signal, attempt: k + 1 });
        this.core.onSuccess(index);
        return value;
      } catch (error) {
        if (signal.aborted) throw abortReason(signal);
        if (!(error instanceof TimeoutError) && !this.isEndpointFailure(error)) {
          // The endpoint answered; the error is the application's.
          this.core.onSuccess(index);
          throw error;
        }
        this.core.onFailure(index, this.clock.now());
        errors.push(error);
        if (k + 1 < plan.length && this.failovers.hasListeners) this.failovers.emit({ from: index, to: plan[k + 1], error });
      }
    }
    throw new AllEndpointsFailedError(errors);
  }
}
