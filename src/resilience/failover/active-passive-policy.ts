import { realClock, realRandom, type Clock } from '../clock.ts';
import { EventEmitter, type Event } from '../events.ts';
import { ActiveHealthCheck, type ActiveHealthCheckOptions } from '../health/active-health-check.ts';
import { neverAborted, type ExecuteContext } from '../pipeline/policy.ts';
import type { RandomSource } from '../random.ts';
import { ActivePassiveFailover, type SwitchEvent } from './active-passive.ts';

export interface ActivePassivePolicyOptions<E> {
  /** The primary first, then the standbys in order of preference. */
  readonly endpoints: readonly E[];
  /** A health check of one endpoint: true when it passed. It should stop when `signal` aborts (the check timed out). */
  readonly probe: (endpoint: E, signal: AbortSignal) => PromiseLike<boolean>;
  readonly check: ActiveHealthCheckOptions;
  /** See ActivePassiveFailover. */
  readonly failbackHoldMs: number;
  readonly clock?: Clock;
  readonly random?: RandomSource;
}

/** One health check's verdict. */
export interface CheckEvent {
  readonly endpoint: number;
  readonly at: number;
  readonly ok: boolean;
}

/** An endpoint crossed a threshold of its health checks. */
export interface HealthChangeEvent {
  readonly endpoint: number;
  readonly at: number;
  readonly healthy: boolean;
}

/**
 * Active-passive failover on the real (or an injected) clock: one
 * ActiveHealthCheck core per endpoint, checked on its own loop, feeding an
 * ActivePassiveFailover core; `execute` runs each call against the active
 * endpoint. `start()` begins the checks; `stop()` ends every loop and
 * resolves when they have all finished, so a program that stops exits.
 */
export class ActivePassivePolicy<E> {
  readonly core: ActivePassiveFailover;
  readonly endpoints: readonly E[];
  private readonly options: ActivePassivePolicyOptions<E>;
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private stopper: AbortController | undefined = undefined;
  private loops: Promise<void>[] = [];
  private decisionTimer: AbortController | undefined = undefined;
  private readonly switches = new EventEmitter<SwitchEvent>();
  private readonly checks = new EventEmitter<CheckEvent>();
  private readonly healthChanges = new EventEmitter<HealthChangeEvent>();
  readonly onSwitch: Event<SwitchEvent> = this.switches.subscribe;
  readonly onCheck: Event<CheckEvent> = this.checks.subscribe;
  readonly onHealthChange: Event<HealthChangeEvent> = this.healthChanges.subscribe;

  constructor(options: ActivePassivePolicyOptions<E>) {
    this.core = new ActivePassiveFailover({ hosts: options.endpoints.length, failbackHoldMs: options.failbackHoldMs });
    this.endpoints = [...options.endpoints];
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.random = options.random ?? realRandom;
  }

  get active(): E {
    return this.endpoints[this.core.active];
  }

  /** Starts health checking every endpoint. */
  start(): void {
    if (this.stopper) throw new Error('already started');
    this.stopper = new AbortController();
    const signal = this.stopper.signal;
    this.loops = this.endpoints.map((_, i) => this.checkLoop(i, signal));
  }

  /** Stops every check loop and the failback timer; resolves once they have ended. */
  async stop(): Promise<void> {
    this.stopper?.abort();
    this.decisionTimer?.abort();
    await Promise.all(this.loops);
    this.loops = [];
    this.stopper = undefined;
  }

  /** Runs `operation` against the active endpoint. */
  execute<T>(operation: (endpoint: E, context: ExecuteContext) => PromiseLike<T> | T, signal: AbortSignal = neverAborted): Promise<T> {
    return Promise.resolve(operation(this.active, { signal, attempt: 1 }));
  }

  private async checkLoop(endpoint: number, stop: AbortSignal): Promise<void> {
    const core = new ActiveHealthCheck(this.options.check, this.clock.now(), this.random);
    while (!stop.aborted) {
      try {
        // A real timer may fire a fraction of a millisecond early: wait until the check is really due.
        for (let wait = core.nextCheckAt() - this.clock.now(); wait > 0; wait = core.nextCheckAt() - this.clock.now()) await this.clock.sleep(wait, stop);
      } catch {
        return;
      }
      const id = core.startCheck(this.clock.now());
      const ok = await this.probeWithin(endpoint, this.options.check.timeoutMs, stop);
      if (stop.aborted) return;
      const now = this.clock.now();
      const transition = core.onCheckResult(now, ok, id);
      if (this.checks.hasListeners) this.checks.emit({ endpoint, at: now, ok });
      if (transition) this.healthChanged(endpoint, transition === 'became-healthy', now);
    }
  }

  /** The probe's verdict, or false when it throws or has not answered within `timeoutMs`. */
  private async probeWithin(endpoint: number, timeoutMs: number, stop: AbortSignal): Promise<boolean> {
    const attempt = new AbortController();
    const onStop = () => attempt.abort();
    stop.addEventListener('abort', onStop, { once: true });
    try {
      const answer = Promise.resolve(this.options.probe(this.endpoints[endpoint], attempt.signal)).then(
        (ok) => ok === true,
        () => false,
      );
      const deadline = this.clock.sleep(timeoutMs, attempt.signal).then(
        () => false,
        () => false,
      );
      return await Promise.race([answer, deadline]);
    } finally {
      stop.removeEventListener('abort', onStop);
      attempt.abort();
    }
  }

  private healthChanged(endpoint: number, healthy: boolean, now: number): void {
    if (this.healthChanges.hasListeners) this.healthChanges.emit({ endpoint, at: now, healthy });
    this.switched(this.core.setHealthy(endpoint, healthy, now));
    this.armDecision();
  }

  /** Wakes up when a preferred endpoint's failback hold ends. */
  private armDecision(): void {
    this.decisionTimer?.abort();
    this.decisionTimer = undefined;
    const at = this.core.nextDecisionAt();
    if (at === Infinity || this.stopper === undefined) return;
    const timer = new AbortController();
    this.decisionTimer = timer;
    this.clock.sleep(Math.max(0, at - this.clock.now()), timer.signal).then(
      () => {
        if (this.decisionTimer !== timer) return;
        this.decisionTimer = undefined;
        this.switched(this.core.update(this.clock.now()));
        this.armDecision();
      },
      () => {},
    );
  }

  private switched(event: SwitchEvent | null): void {
    if (event && this.switches.hasListeners) this.switches.emit(event);
  }
}
