import { createActor, type Actor } from 'xstate';
import { EventEmitter, type Event } from '../events.ts';
import type { Backoff } from '../backoff/backoff.ts';
import type { RandomSource } from '../random.ts';
import { breakerStates, circuitBreakerMachine, type BreakerEventType, type BreakerState, type CircuitBreakerMachine } from './breaker-machine.ts';
import type { CircuitBreakerCoreOptions } from './breaker-options.ts';
import type { BreakerStateChangeEvent, CallOutcomeEvent, CallRejectedEvent, PermitKind, RejectingState, SlowCallEvent } from './breaker-events.ts';
import type { CircuitBreakerSnapshot } from './breaker-snapshot.ts';
import type { FailureDetector, WindowCounts } from './failure-detector.ts';
import { createDetector } from './create-detector.ts';

/** A call may go ahead. Hand the permit back with its outcome. */
export interface Permit {
  readonly permitted: true;
  readonly kind: PermitKind;
  /** The breaker's epoch when the permit was given: a result from an older epoch is not counted. */
  readonly epoch: number;
  /** The probe's number within its half-open episode; 0 for a normal call. */
  readonly probe: number;
}

/** A call must not go ahead. */
export interface Rejection {
  readonly permitted: false;
  readonly state: RejectingState;
  /**
   * Ms to wait before a call may pass: the rest of the open wait (plus
   * STRICTLY_AFTER_MS, since the wait must be strictly over); in half-open, until
   * the first probe times out (or, with no probe timeout, the last open
   * duration, a guess); Infinity while forced open.
   */
  readonly retryAfterMs: number;
}

export type AcquireResult = Permit | Rejection;

interface InFlightProbe {
  readonly id: number;
  readonly deadline: number;
}

/**
 * In open, a call is let through only strictly after the wait (resilience4j's
 * rule), so a rejected caller is told to wait until the end of the wait plus
 * one microsecond, the resolution of a real clock: a retry that
 * honours `retryAfterMs` to the letter is then let through, instead of
 * arriving exactly at the end and being turned away again.
 */
export const STRICTLY_AFTER_MS = 0.001;

const noRandom: RandomSource = () => {
  throw new RangeError('this breaker’s open-duration backoff draws random numbers: pass `random` in its options');
};

/**
 * The circuit breaker's decisions, sans-I/O: every method is synchronous and
 * is handed the time. An executor (circuit-breaker-policy.ts) or the
 * simulator asks `tryAcquire(now)` before a call and reports how it ended
 * with `onSuccess` / `onFailure` / `onIgnored`; when the breaker needs to act
 * without a call (automatic half-open, a probe timeout), `nextTimerAt()`
 * says when and `advance(now)` does it.
 *
 * The states and transitions are those of `circuitBreakerMachine`, run by an
 * XState actor that receives only the events that change state. The per-call
 * work (the closed fast path, counting) is plain code reading the cached
 * state. Rules, after resilience4j: trip once the minimum number of calls is
 * reached and a rate is at or above its threshold; in open, reject until
 * strictly after the wait. Half-open admits N probes and closes after S
 * successes among them, reopening as soon as S is out of reach, rather than
 * judging a failure rate over the probes as resilience4j does.
 */
export class CircuitBreakerCore {
  private actor: Actor<CircuitBreakerMachine>;
  private readonly detector: FailureDetector;
  private readonly openDuration: number | Backoff;
  private readonly random: RandomSource;
  private readonly slowCallDurationMs: number;
  private readonly probeLimit: number;
  private readonly successThreshold: number;
  private readonly probeTimeoutMs: number;
  private readonly automaticHalfOpen: boolean;

  private current: BreakerState = 'closed';
  private currentEpoch = 0;
  private normalPermit: Permit = normalPermitFor(0);
  private enteredAtTime: number | null = null;
  private openUntilTime = 0;
  private openings = 0;
  private lastOpenDurationMs: number | undefined = undefined;
  private probeSuccesses = 0;
  private probeFailures = 0;
  private nextProbeId = 1;
  /** Probes in flight, in admission order, so deadlines ascend. */
  private inFlight: InFlightProbe[] = [];

  private readonly stateChanges = new EventEmitter<BreakerStateChangeEvent>();
  private readonly rejections = new EventEmitter<CallRejectedEvent>();
  private readonly successes = new EventEmitter<CallOutcomeEvent>();
  private readonly failures = new EventEmitter<CallOutcomeEvent>();
  private readonly slowCalls = new EventEmitter<SlowCallEvent>();
  readonly onStateChange: Event<BreakerStateChangeEvent> = this.stateChanges.subscribe;
  readonly onCallRejected: Event<CallRejectedEvent> = this.rejections.subscribe;
  readonly onCallSucceeded: Event<CallOutcomeEvent> = this.successes.subscribe;
  readonly onCallFailed: Event<CallOutcomeEvent> = this.failures.subscribe;
  readonly onSlowCall: Event<SlowCallEvent> = this.slowCalls.subscribe;

  constructor(options: CircuitBreakerCoreOptions) {
    this.detector = createDetector(options.detection);
    const slow = options.detection.slowCalls;
    if (slow && !(slow.durationMs >= 0)) throw new RangeError(`slowCalls.durationMs must be >= 0, got ${slow.durationMs}`);
    this.slowCallDurationMs = slow ? slow.durationMs : Infinity;
    if (typeof options.openDuration === 'number' && !(options.openDuration >= 0 && options.openDuration < Infinity)) {
      throw new RangeError(`openDuration must be >= 0 and finite, got ${options.openDuration}`);
    }
    this.openDuration = options.openDuration;
    this.random = options.random ?? noRandom;
    const probes = options.halfOpen?.probes ?? 1;
    if (!(Number.isInteger(probes) && probes >= 1)) throw new RangeError(`halfOpen.probes must be an integer >= 1, got ${probes}`);
    const threshold = options.halfOpen?.successThreshold ?? probes;
    if (!(Number.isInteger(threshold) && threshold >= 1 && threshold <= probes)) {
      throw new RangeError(`halfOpen.successThreshold must be an integer in [1, probes = ${probes}], got ${threshold}`);
    }
    const probeTimeoutMs = options.halfOpen?.probeTimeoutMs ?? Infinity;
    if (!(probeTimeoutMs > 0)) throw new RangeError(`halfOpen.probeTimeoutMs must be > 0, got ${probeTimeoutMs}`);
    this.probeLimit = probes;
    this.successThreshold = threshold;
    this.probeTimeoutMs = probeTimeoutMs;
    this.automaticHalfOpen = options.automaticHalfOpen ?? false;
    this.actor = createActor(circuitBreakerMachine).start();
  }

  // ---- queries ------------------------------------------------------------

  get state(): BreakerState {
    return this.current;
  }

  /** Bumped on every transition (and on a reset while closed). */
  get epoch(): number {
    return this.currentEpoch;
  }

  /** When the current state was entered; null before the first transition. */
  get enteredAt(): number | null {
    return this.enteredAtTime;
  }

  /** End of the open wait; undefined unless open. */
  get openUntil(): number | undefined {
    return this.current === 'open' ? this.openUntilTime : undefined;
  }

  /** The half-open episode so far (all zero outside half-open). */
  get probes(): { readonly inFlight: number; readonly successes: number; readonly failures: number } {
    return { inFlight: this.inFlight.length, successes: this.probeSuccesses, failures: this.probeFailures };
  }

  /** What the failure detector holds as of `now` (cleared whenever the breaker closes). */
  counts(now: number): WindowCounts {
    return this.detector.counts(now);
  }

  /**
   * False only while closed with a detector that ignores time, no slow-call
   * threshold and no one listening to call outcomes. Then `tryAcquire` does
   * not read its `now`, a success can be reported with `onSuccessUntimed`,
   * and an executor may skip its clock (a clock read costs about as much as
   * an await).
   */
  get needsTime(): boolean {
    return (
      this.current !== 'closed' ||
      this.detector.usesTime ||
      this.slowCallDurationMs !== Infinity ||
      this.successes.hasListeners ||
      this.failures.hasListeners ||
      this.slowCalls.hasListeners
    );
  }

  /**
   * When the breaker will next change state by itself: the end of the open
   * wait (with automaticHalfOpen), or the first probe deadline. Undefined
   * when nothing is due. Call `advance(at)` then.
   */
  nextTimerAt(): number | undefined {
    if (this.current === 'open') return this.automaticHalfOpen ? this.openUntilTime : undefined;
    if (this.current === 'half-open' && this.inFlight.length > 0) {
      const deadline = this.inFlight[0].deadline;
      return deadline === Infinity ? undefined : deadline;
    }
    return undefined;
  }

  // ---- calls --------------------------------------------------------------

  /** May a call start at `now`? A permitted call must be reported back exactly once. */
  tryAcquire(now: number): AcquireResult {
    switch (this.current) {
      case 'closed':
      case 'disabled':
        return this.normalPermit;
      case 'open':
        // resilience4j: the wait is over strictly after openUntil.
        if (now > this.openUntilTime) {
          this.send('open-timeout-elapsed', now);
          return this.admitProbe(now);
        }
        return this.reject(now, 'open', this.openUntilTime - now + STRICTLY_AFTER_MS);
      case 'half-open':
        this.expireProbes(now);
        return this.current === 'half-open' ? this.admitProbe(now) : this.tryAcquire(now);
      case 'forced-open':
        return this.reject(now, 'forced-open', Infinity);
    }
  }

  /** The permitted call ended well at `now` after `durationMs`. */
  onSuccess(now: number, durationMs: number, permit: Permit): void {
    this.onOutcome(now, durationMs, permit, false);
  }

  /**
   * A success reported without its time, for an executor that skipped its
   * clock because `needsTime` was false when the call started. `readNow` is
   * called only if the time turns out to matter: the success trips the
   * breaker (a count window reaching its minimum number of calls), or things
   * changed while the call ran.
   */
  onSuccessUntimed(permit: Permit, readNow: () => number): void {
    if (permit.epoch !== this.currentEpoch || this.needsTime) {
      this.onSuccess(readNow(), NaN, permit);
      return;
    }
    if (this.detector.record(NaN, false, false)) this.send('trip', readNow());
  }

  /** The permitted call failed (in a way that should count against the dependency). */
  onFailure(now: number, durationMs: number, permit: Permit): void {
    this.onOutcome(now, durationMs, permit, true);
  }

  /**
   * The permitted call ended in a way that says nothing about the dependency
   * (the caller gave up, an error that is not a failure): nothing is counted,
   * and a probe's slot is given back.
   */
  onIgnored(now: number, permit: Permit): void {
    // A probe reported after its deadline had already timed out: expire first, then look.
    if (this.current === 'half-open') this.expireProbes(now);
    if (permit.kind !== 'probe' || permit.epoch !== this.currentEpoch || this.current !== 'half-open') return;
    const i = this.inFlight.findIndex((p) => p.id === permit.probe);
    if (i >= 0) this.inFlight.splice(i, 1);
    this.expireProbes(now);
  }

  /** Applies what is due at `now` without a call: automatic half-open, probe timeouts. */
  advance(now: number): void {
    if (this.current === 'open' && this.automaticHalfOpen && now >= this.openUntilTime) this.send('open-timeout-elapsed', now);
    if (this.current === 'half-open') this.expireProbes(now);
  }

  // ---- by hand ------------------------------------------------------------

  /** Isolates the dependency: every call is rejected until `reset` (or `disable`). */
  forceOpen(now: number): void {
    this.send('force-open', now);
  }

  /** Lets every call through and counts nothing, until `reset` (or `forceOpen`). */
  disable(now: number): void {
    this.send('disable', now);
  }

  /** Back to closed with empty counts and the first open duration. */
  reset(now: number): void {
    if (this.current === 'closed') {
      // No state change, but calls already running belong to the counts just cleared.
      this.detector.reset();
      this.openings = 0;
      this.lastOpenDurationMs = undefined;
      this.bumpEpoch();
      return;
    }
    this.send('reset', now);
  }

  // ---- serializable state -------------------------------------------------

  snapshot(): CircuitBreakerSnapshot {
    return {
      version: 1,
      state: this.current,
      epoch: this.currentEpoch,
      enteredAt: this.enteredAtTime,
      openUntil: this.current === 'open' ? this.openUntilTime : null,
      openings: this.openings,
      lastOpenDurationMs: this.lastOpenDurationMs ?? null,
      probes:
        this.current === 'half-open'
          ? {
              successes: this.probeSuccesses,
              failures: this.probeFailures,
              nextId: this.nextProbeId,
              inFlight: this.inFlight.map((p) => ({ id: p.id, deadline: p.deadline === Infinity ? null : p.deadline })),
            }
          : null,
      detector: this.detector.snapshot(),
    };
  }

  /**
   * Carries on from a snapshot taken of a core with the same options. Emits
   * nothing. Permits handed out before the restore should not be reported
   * after it: restore into an idle breaker.
   */
  restore(s: CircuitBreakerSnapshot): void {
    if (s.version !== 1) throw new RangeError(`unknown breaker snapshot version ${String(s.version)}`);
    if (!breakerStates.includes(s.state)) throw new RangeError(`unknown breaker state ${String(s.state)}`);
    if (!Number.isInteger(s.epoch) || !Number.isInteger(s.openings) || s.openings < 0) throw new RangeError('bad epoch or openings in breaker snapshot');
    if (s.state === 'open' && typeof s.openUntil !== 'number') throw new RangeError('an open breaker snapshot needs openUntil');
    if (s.state === 'half-open' && s.probes === null) throw new RangeError('a half-open breaker snapshot needs probes');
    this.detector.restore(s.detector);
    this.current = s.state;
    this.currentEpoch = s.epoch;
    this.normalPermit = normalPermitFor(s.epoch);
    this.enteredAtTime = s.enteredAt;
    this.openUntilTime = s.openUntil ?? 0;
    this.openings = s.openings;
    this.lastOpenDurationMs = s.lastOpenDurationMs ?? undefined;
    this.probeSuccesses = s.probes?.successes ?? 0;
    this.probeFailures = s.probes?.failures ?? 0;
    this.nextProbeId = s.probes?.nextId ?? 1;
    this.inFlight = (s.probes?.inFlight ?? []).map((p) => ({ id: p.id, deadline: p.deadline ?? Infinity }));
    if (this.probeSuccesses + this.probeFailures + this.inFlight.length > this.probeLimit) {
      throw new RangeError(`breaker snapshot holds more probes than the ${this.probeLimit} allowed`);
    }
    this.actor.stop();
    this.actor = createActor(circuitBreakerMachine, {
      snapshot: circuitBreakerMachine.resolveState({ value: s.state, context: {} }),
    }).start();
  }

  // ---- inside -------------------------------------------------------------

  private onOutcome(now: number, durationMs: number, permit: Permit, failed: boolean): void {
    // With no timer (lazy half-open), a probe's deadline may have passed unnoticed:
    // it timed out then, so it counts as failed before its late outcome is looked at.
    if (this.current === 'half-open') this.expireProbes(now);
    const slow = durationMs > this.slowCallDurationMs;
    const sameEpoch = permit.epoch === this.currentEpoch;
    const counted = sameEpoch && (this.current === 'closed' || (this.current === 'half-open' && this.isInFlight(permit.probe)));
    const emitter = failed ? this.failures : this.successes;
    if (emitter.hasListeners) emitter.emit({ at: now, durationMs, kind: permit.kind, counted });
    if (slow && this.slowCalls.hasListeners) this.slowCalls.emit({ at: now, durationMs, kind: permit.kind, counted, failed });
    if (!counted) {
      if (this.current === 'half-open') this.expireProbes(now);
      return;
    }
    if (this.current === 'closed') {
      if (this.detector.record(now, failed, slow)) this.send('trip', now);
      return;
    }
    // half-open, a probe still in flight. A slow probe counts as failed when a slow-call threshold is set.
    this.inFlight.splice(this.inFlight.findIndex((p) => p.id === permit.probe), 1);
    if (failed || slow) this.probeFailures++;
    else this.probeSuccesses++;
    this.decideHalfOpen(now);
    if (this.current === 'half-open') this.expireProbes(now);
  }

  private isInFlight(id: number): boolean {
    for (const p of this.inFlight) if (p.id === id) return true;
    return false;
  }

  private admitProbe(now: number): AcquireResult {
    if (this.probeSuccesses + this.probeFailures + this.inFlight.length >= this.probeLimit) {
      const first = this.inFlight.length > 0 ? this.inFlight[0].deadline : Infinity;
      return this.reject(now, 'half-open', first < Infinity ? first - now : (this.lastOpenDurationMs ?? 0));
    }
    const id = this.nextProbeId++;
    this.inFlight.push({ id, deadline: now + this.probeTimeoutMs });
    return { permitted: true, kind: 'probe', epoch: this.currentEpoch, probe: id };
  }

  /**
   * Probes still in flight at their deadline count as failed, as of that
   * deadline: a timeout noticed late (by the next caller, with no timer)
   * reopens the breaker from when it happened, as a timer would have.
   */
  private expireProbes(now: number): void {
    while (this.current === 'half-open' && this.inFlight.length > 0 && this.inFlight[0].deadline <= now) {
      const { deadline } = this.inFlight.shift()!;
      this.probeFailures++;
      this.decideHalfOpen(deadline);
    }
  }

  private decideHalfOpen(now: number): void {
    if (this.probeSuccesses >= this.successThreshold) this.send('probe-succeeded', now);
    else if (this.probeFailures > this.probeLimit - this.successThreshold) this.send('probe-failed', now);
  }

  private reject(now: number, state: RejectingState, retryAfterMs: number): Rejection {
    const rejection: Rejection = { permitted: false, state, retryAfterMs };
    if (this.rejections.hasListeners) this.rejections.emit({ at: now, state, retryAfterMs });
    return rejection;
  }

  /** Offers an event to the machine; if it moves, sets up the state it entered. */
  private send(type: BreakerEventType, now: number): void {
    const from = this.current;
    this.actor.send({ type });
    const to = this.actor.getSnapshot().value as BreakerState;
    if (to === from) return;
    this.current = to;
    this.enteredAtTime = now;
    this.bumpEpoch();
    this.inFlight = [];
    this.probeSuccesses = 0;
    this.probeFailures = 0;
    this.nextProbeId = 1;
    if (to === 'closed') {
      this.detector.reset();
      this.openings = 0;
      this.lastOpenDurationMs = undefined;
    } else if (to === 'open') {
      this.openings++;
      const duration = this.openDurationFor(this.openings);
      this.lastOpenDurationMs = duration;
      this.openUntilTime = now + duration;
    }
    if (this.stateChanges.hasListeners) this.stateChanges.emit({ from, to, event: type, at: now });
  }

  private bumpEpoch(): void {
    this.currentEpoch++;
    this.normalPermit = normalPermitFor(this.currentEpoch);
  }

  private openDurationFor(openings: number): number {
    const d = this.openDuration;
    if (typeof d === 'number') return d;
    const ms = d({ retry: openings, previousDelay: this.lastOpenDurationMs, random: this.random });
    if (!(ms >= 0 && ms < Infinity)) throw new RangeError(`open-duration backoff returned ${ms}`);
    return ms;
  }
}

/** One shared permit per epoch, so the closed path allocates nothing. */
function normalPermitFor(epoch: number): Permit {
  return Object.freeze({ permitted: true, kind: 'normal', epoch, probe: 0 });
}
