import { realClock, type Clock, type SleepOptions } from '../clock.ts';
import { checkNumber } from '../options/validate.ts';
import { EventEmitter, type Event } from '../events.ts';
import { abortReason } from '../pipeline/abort.ts';
import { neverAborted, type Operation, type Policy } from '../pipeline/policy.ts';
import { retryAfterFromError } from '../retry/retry-policy.ts';
import type { Epoch, EpochMember } from '../timeout/epoch.ts';
import { EpochQueue } from '../timeout/epoch-queue.ts';
import { HedgeAttempt } from './hedge-attempt.ts';
import { HedgingCore, HedgingState, type HedgingDecision } from './hedging-core.ts';
import { fixedHedgingDelay } from './hedging-delay.ts';
import { HedgeBudgetExhaustedError, HedgeLostError } from './hedging-errors.ts';
import { hedgingDefaults, hedgingLimits, type HedgingOptions } from './hedging-options.ts';

/** A hedge went out: after the delay, or at once after a non-fatal failure. */
export interface HedgeEvent {
  readonly attempt: number;
  readonly trigger: 'delay' | 'failure';
}

const housekeeping: SleepOptions = { keepAlive: false };
const defaultNonFatal = (error: unknown) => !(error instanceof DOMException && error.name === 'AbortError');

let capturedResolve: ((value: never) => void) | undefined;
let capturedReject: ((reason: unknown) => void) | undefined;
function captureSettlers(resolve: (value: never) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/** One hedged call: the core's state, its attempts, the caller's promise, and a place in the timer's epochs. */
class HedgedCall<T> extends HedgingState implements EpochMember {
  prev: EpochMember | undefined = undefined;
  next: EpochMember | undefined = undefined;
  epoch: Epoch | undefined = undefined;
  /** The first attempt, and the hedges (an array only once there is one: most calls never hedge). */
  first: HedgeAttempt | undefined = undefined;
  hedges: HedgeAttempt[] | undefined = undefined;
  lastError: unknown = undefined;

  constructor(
    readonly operation: Operation<T>,
    readonly parent: AbortSignal,
    readonly resolve: (value: T) => void,
    readonly reject: (reason: unknown) => void,
    private readonly onParentAbort: (call: HedgedCall<T>) => void,
  ) {
    super();
    if (parent !== neverAborted) parent.addEventListener('abort', this);
  }

  handleEvent(): void {
    this.onParentAbort(this);
  }

  release(): void {
    if (this.parent !== neverAborted) this.parent.removeEventListener('abort', this);
    this.epoch?.remove(this);
  }
}

/**
 * Hedging on the real (or an injected) clock, applying a HedgingCore's
 * decisions (gRFC A6 and Polly semantics: see HedgingCore). The call
 * resolves with the first success; every other attempt's signal aborts with
 * a HedgeLostError. It rejects with a fatal error at once, with the last
 * failure once every attempt failed, with HedgeBudgetExhaustedError when the
 * budget refused the hedge it needed, or with the caller's abort reason.
 *
 * No timer per call: while calls are waiting for a hedge, one shared timer
 * ticks every `resolutionMs`, and the calls started between two ticks share
 * a hedge deadline (the timeout policy's epochs). A call whose first attempt
 * answers before the delay costs an attempt object, a promise and no timer.
 */
export class HedgingPolicy implements Policy {
  readonly core: HedgingCore;
  readonly resolutionMs: number;
  /** Hedges sent, over all calls. */
  hedges = 0;
  /** Attempts cancelled because another answered first. */
  cancelled = 0;
  private readonly clock: Clock;
  private readonly nonFatal: (error: unknown) => boolean;
  private readonly pushbackMs: (error: unknown) => number | undefined;
  /** Whether the core needs real times: a budget to tell, or a delay that learns from latencies. */
  private readonly timed: boolean;
  private readonly epochs = new EpochQueue();
  private ticking = false;
  private readonly hedgeEvents = new EventEmitter<HedgeEvent>();
  /** Fires as each hedge goes out. */
  readonly onHedge: Event<HedgeEvent> = this.hedgeEvents.subscribe;

  constructor({
    maxAttempts = hedgingDefaults.maxAttempts,
    delayMs = hedgingDefaults.delayMs,
    delay,
    nonFatal = defaultNonFatal,
    pushbackMs = retryAfterFromError,
    budget,
    clock = realClock,
    resolutionMs,
  }: HedgingOptions = {}) {
    const hedgingDelay = delay ?? fixedHedgingDelay(delayMs);
    this.core = new HedgingCore({ maxAttempts, delay: hedgingDelay, budget });
    const resolution = resolutionMs ?? (hedgingDelay.learns ? hedgingDefaults.learningResolutionMs : Math.min(100, Math.max(1, delayMs / 20)));
    this.resolutionMs = checkNumber('resolutionMs', resolution, hedgingLimits.resolutionMs);
    this.clock = clock;
    this.nonFatal = nonFatal;
    this.pushbackMs = pushbackMs;
    this.timed = budget !== undefined || hedgingDelay.learns;
  }

  execute<T>(operation: Operation<T>, signal: AbortSignal = neverAborted): Promise<T> {
    if (signal.aborted) return Promise.reject(abortReason(signal));
    const promise = new Promise<T>(captureSettlers);
    // The executor ran synchronously just above, so the captured functions are this promise's.
    const call = new HedgedCall<T>(operation, signal, capturedResolve as (value: T) => void, capturedReject!, this.abortCall);
    const now = this.timed ? this.clock.now() : 0;
    this.core.begin(call, now);
    this.launch(call, now);
    // A zero delay sends every attempt at once (Polly's Delay = TimeSpan.Zero).
    while (!call.done && call.nextHedgeAt <= now) this.apply(call, this.core.hedgeDue(call, now), now, 'delay');
    if (!call.done && call.nextHedgeAt < Infinity) this.waitForHedge(call);
    return promise;
  }

  private launch<T>(call: HedgedCall<T>, now: number): void {
    const attempt = new HedgeAttempt(call.started, this.timed ? now : NaN);
    if (call.first === undefined) call.first = attempt;
    else (call.hedges ??= []).push(attempt);
    let result: PromiseLike<T> | T;
    try {
      result = call.operation(attempt);
    } catch (error) {
      this.failed(call, attempt, error);
      return;
    }
    if (!isThenable(result)) {
      this.succeeded(call, attempt, result);
      return;
    }
    result.then(
      (value) => this.succeeded(call, attempt, value),
      (error: unknown) => this.failed(call, attempt, error),
    );
  }

  private succeeded<T>(call: HedgedCall<T>, attempt: HedgeAttempt, value: T): void {
    attempt.ended = true;
    if (call.done) return;
    const now = this.timed ? this.clock.now() : 0;
    this.core.attemptEnded(call, attempt.attempt, 'success', now, now - attempt.startedAt);
    this.finish(call, now);
    call.resolve(value);
  }

  private failed<T>(call: HedgedCall<T>, attempt: HedgeAttempt, error: unknown): void {
    attempt.ended = true;
    if (call.done) return;
    call.lastError = error;
    const now = this.timed ? this.clock.now() : 0;
    const fatal = !this.nonFatal(error);
    const pushback = fatal ? undefined : this.pushbackMs(error);
    const decision = this.core.attemptEnded(call, attempt.attempt, fatal ? 'fatal' : 'non-fatal', now, now - attempt.startedAt, pushback);
    if (decision.kind === 'wait' && pushback !== undefined && pushback >= 0 && call.nextHedgeAt < Infinity) {
      // Pushback sets its own time for the next hedge, off the shared cadence.
      call.epoch?.remove(call);
      this.clock.sleep(pushback).then(() => this.due(call, 'failure'));
      return;
    }
    this.apply(call, decision, now, 'failure');
  }

  /** A hedge of `call` is due now (its epoch's deadline passed, or its pushback ran out). */
  private due<T>(call: HedgedCall<T>, trigger: HedgeEvent['trigger']): void {
    if (call.done) return;
    const now = this.timed ? this.clock.now() : 0;
    const decision = this.core.hedgeDue(call, now);
    this.apply(call, decision, now, trigger);
    if (decision.kind === 'wait' && !call.done && call.nextHedgeAt < Infinity) this.waitForHedge(call);
  }

  private apply<T>(call: HedgedCall<T>, decision: HedgingDecision, now: number, trigger: HedgeEvent['trigger']): void {
    switch (decision.kind) {
      case 'hedge':
        call.epoch?.remove(call);
        this.hedges++;
        if (this.hedgeEvents.hasListeners) this.hedgeEvents.emit({ attempt: call.started, trigger });
        this.launch(call, now);
        if (!call.done && call.nextHedgeAt < Infinity && call.nextHedgeAt > now) this.waitForHedge(call);
        return;
      case 'failed':
        this.finish(call, now);
        call.reject(decision.reason === 'budget' ? new HedgeBudgetExhaustedError(call.started, call.lastError) : call.lastError);
        return;
      default:
        return;
    }
  }

  /** The call has its answer: stop waiting for hedges and cancel every attempt still running. */
  private finish<T>(call: HedgedCall<T>, now: number): void {
    call.done = true;
    call.release();
    this.cancelLoser(call.first, now);
    if (call.hedges !== undefined) for (const attempt of call.hedges) this.cancelLoser(attempt, now);
  }

  private cancelLoser(attempt: HedgeAttempt | undefined, now: number): void {
    if (attempt === undefined || attempt.ended || attempt.cancelled) return;
    attempt.cancel(new HedgeLostError(attempt.attempt));
    this.cancelled++;
    if (this.timed) this.core.attemptCancelled(now - attempt.startedAt);
  }

  private readonly abortCall = <T>(call: HedgedCall<T>): void => {
    if (call.done) return;
    const reason = abortReason(call.parent);
    call.done = true;
    call.release();
    for (const attempt of [call.first, ...(call.hedges ?? [])]) if (attempt !== undefined && !attempt.ended) attempt.cancel(reason);
    call.reject(reason);
  };

  private waitForHedge<T>(call: HedgedCall<T>): void {
    if (call.epoch !== undefined) return;
    this.epochs.add(call);
    if (!this.ticking) this.tickAfter(this.resolutionMs);
  }

  private tickAfter(delayMs: number): void {
    this.ticking = true;
    this.clock.sleep(delayMs, undefined, housekeeping).then(this.tick);
  }

  private readonly tick = (): void => {
    const now = this.clock.now();
    for (let due = this.epochs.takeDue(now); due !== undefined; due = this.epochs.takeDue(now)) {
      for (let call = due.head; call !== undefined; call = due.head) {
        due.remove(call);
        this.due(call as HedgedCall<unknown>, 'delay');
      }
    }
    const delayMs = this.core.delay.delayMs();
    // A delay that became infinite sends no timed hedge: those calls wait for their attempts alone.
    if (delayMs === Infinity) {
      const open = this.epochs.open;
      for (let call = open.head; call !== undefined; call = open.head) {
        open.remove(call);
        (call as HedgedCall<unknown>).nextHedgeAt = Infinity;
      }
    }
    this.epochs.close(now + delayMs);
    const next = this.epochs.nextDeadline();
    if (next < Infinity) this.tickAfter(Math.min(this.resolutionMs, next - now));
    else this.ticking = false;
  };
}

function isThenable<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

export function hedging(options?: HedgingOptions): HedgingPolicy {
  return new HedgingPolicy(options);
}
