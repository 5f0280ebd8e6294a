import { createActor, type Actor } from 'xstate';
import { EventEmitter, type Event } from '../events.ts';
import type { Backoff } from '../backoff/backoff.ts';
import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import { breakerStates, circuitBreakerMachine, type BreakerEventType, type BreakerState, type CircuitBreakerMachine } from './breaker-machine.ts';
import { breakerDefaults, breakerLimits, type CircuitBreakerCoreOptions } from './breaker-options.ts';
import type { BreakerStateChangeEvent, CallOutcomeEvent, CallRejectedEvent, PermitKind, RejectingState, SlowCallEvent } from './breaker-events.ts';
import type { CircuitBreakerSnapshot } from './breaker-snapshot.ts';
import { closedData, halfOpenData, noRecovery, normalPermitFor, type BreakerStateData, type HalfOpenData, type Recovery } from './breaker-state-data.ts';
import { detectionLimits } from './detection-options.ts';
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
 * work (the closed fast path, counting) is plain code reading the current
 * state's data (breaker-state-data.ts), which each transition builds anew.
 * Rules, after resilience4j: trip once the minimum number of calls is
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

  private data: BreakerStateData = closedData(0, null);
  /** Set by an executor that keeps a timer at `untimedUntil` (allowUntimedSuccesses). */
  private untimedAllowed = false;
  /** While closed with a time window: successes may be reported untimed before this time (see allowUntimedSuccesses). */
  private untimedEnd = -Infinity;

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
    this.slowCallDurationMs = slow ? checkNumber('slowCalls.durationMs', slow.durationMs, detectionLimits.slowCallDurationMs) : Infinity;
    if (typeof options.openDuration === 'number') checkNumber('openDuration', options.openDuration, breakerLimits.openDurationMs);
    this.openDuration = options.openDuration;
    this.random = options.random ?? noRandom;
    const probes = checkNumber('halfOpen.probes', options.halfOpen?.probes ?? breakerDefaults.probes, breakerLimits.probes);
    this.successThreshold = checkNumber('halfOpen.successThreshold', options.halfOpen?.successThreshold ?? probes, { min: 1, max: probes, integer: true });
    this.probeTimeoutMs = checkNumber('halfOpen.probeTimeoutMs', options.halfOpen?.probeTimeoutMs ?? breakerDefaults.probeTimeoutMs, breakerLimits.probeTimeoutMs);
    this.probeLimit = probes;
    this.automaticHalfOpen = options.automaticHalfOpen ?? breakerDefaults.automaticHalfOpen;
    this.actor = createActor(circuitBreakerMachine).start();
  }

  // ---- queries ------------------------------------------------------------

  get state(): BreakerState {
    return this.data.name;
  }

  /** Bumped on every transition (and on a reset while closed). */
  get epoch(): number {
    return this.data.epoch;
  }

  /** When the current state was entered; null before the first transition. */
  get enteredAt(): number | null {
    return this.data.enteredAt;
  }

  /** End of the open wait; undefined unless open. */
  get openUntil(): number | undefined {
    return this.data.name === 'open' ? this.data.until : undefined;
  }

  /** The half-open episode so far (all zero outside half-open). */
  get probes(): { readonly inFlight: number; readonly successes: number; readonly failures: number } {
    const d = this.data;
    return d.name === 'half-open' ? { inFlight: d.inFlight.length, successes: d.successes, failures: d.failures } : { inFlight: 0, successes: 0, failures: 0 };
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
      this.data.name !== 'closed' ||
      (this.detector.usesTime && this.untimedEnd === -Infinity) ||
      this.slowCallDurationMs !== Infinity ||
      this.successes.hasListeners ||
      this.failures.hasListeners ||
      this.slowCalls.hasListeners
    );
  }

  /**
   * For an executor that keeps a timer: with a time window, a success ending
   * before `untimedUntil` falls in the window's newest slice for sure, so it
   * can be counted there without reading the clock (`needsTime` is false
   * then, and `onSuccessUntimed` counts it). After each call recorded with
   * its time while closed, `untimedUntil` is a tenth of a slice before that
   * slice ends; the executor must call `advance(untimedUntil)` no later than
   * then, from which point times are read again until the next slice. The
   * decisions are exactly those of reading the clock on every call, as long
   * as that timer is not late by more than the margin (a virtual clock's
   * never is). The simulator does not call this: it has the time anyway.
   */
  allowUntimedSuccesses(allowed = true): void {
    this.untimedAllowed = allowed;
    if (!allowed) this.untimedEnd = -Infinity;
  }

  /** True when the failure detector counts calls by time (a time window): only then is there an `untimedUntil`. */
  get countsByTime(): boolean {
    return this.detector.usesTime;
  }

  /** Until when successes may be reported untimed; undefined when not now. */
  get untimedUntil(): number | undefined {
    return this.untimedEnd === -Infinity || this.data.name !== 'closed' ? undefined : this.untimedEnd;
  }

  /**
   * When the breaker will next change state by itself: the end of the open
   * wait (with automaticHalfOpen), or the first probe deadline. Undefined
   * when nothing is due. Call `advance(at)` then.
   */
  nextTimerAt(): number | undefined {
    const d = this.data;
    if (d.name === 'open') return this.automaticHalfOpen ? d.until : undefined;
    if (d.name === 'half-open' && d.inFlight.length > 0) {
      const deadline = d.inFlight[0].deadline;
      return deadline === Infinity ? undefined : deadline;
    }
    return undefined;
  }

  // ---- calls --------------------------------------------------------------

  /** May a call start at `now`? A permitted call must be reported back exactly once. */
  tryAcquire(now: number): AcquireResult {
    const d = this.data;
    switch (d.name) {
      case 'closed':
      case 'disabled':
        return d.permit;
      case 'open':
        // resilience4j: the wait is over strictly after openUntil.
        if (now > d.until) {
          this.send('open-timeout-elapsed', now);
          return this.tryAcquire(now);
        }
        return this.reject(now, 'open', d.until - now + STRICTLY_AFTER_MS);
      case 'half-open':
        this.expireProbes(d, now);
        return this.data === d ? this.admitProbe(d, now) : this.tryAcquire(now);
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
    if (permit.epoch !== this.data.epoch || this.needsTime) {
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
    const d = this.data;
    if (d.name !== 'half-open') return;
    // A probe reported after its deadline had already timed out: expire first, then look.
    this.expireProbes(d, now);
    if (permit.kind !== 'probe' || permit.epoch !== d.epoch || this.data !== d) return;
    const i = d.inFlight.findIndex((p) => p.id === permit.probe);
    if (i >= 0) d.inFlight.splice(i, 1);
  }

  /** Applies what is due at `now` without a call: automatic half-open, probe timeouts, the end of untimed reporting. */
  advance(now: number): void {
    if (now >= this.untimedEnd) this.untimedEnd = -Infinity;
    const d = this.data;
    if (d.name === 'open' && this.automaticHalfOpen && now >= d.until) this.send('open-timeout-elapsed', now);
    const after = this.data;
    if (after.name === 'half-open') this.expireProbes(after, now);
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
    const d = this.data;
    if (d.name === 'closed') {
      // No state change, but calls already running belong to the counts just cleared.
      this.detector.reset();
      this.untimedEnd = -Infinity;
      this.data = closedData(d.epoch + 1, d.enteredAt);
      return;
    }
    this.send('reset', now);
  }

  // ---- serializable state -------------------------------------------------

  snapshot(): CircuitBreakerSnapshot {
    const d = this.data;
    return {
      version: 1,
      state: d.name,
      epoch: d.epoch,
      enteredAt: d.enteredAt,
      openUntil: d.name === 'open' ? d.until : null,
      openings: d.recovery.openings,
      lastOpenDurationMs: d.recovery.lastOpenDurationMs ?? null,
      probes:
        d.name === 'half-open'
          ? {
              successes: d.successes,
              failures: d.failures,
              nextId: d.nextProbeId,
              inFlight: d.inFlight.map((p) => ({ id: p.id, deadline: p.deadline === Infinity ? null : p.deadline })),
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
    const data = this.dataFromSnapshot(s);
    this.detector.restore(s.detector);
    this.untimedEnd = -Infinity;
    this.data = data;
    this.actor.stop();
    this.actor = createActor(circuitBreakerMachine, {
      snapshot: circuitBreakerMachine.resolveState({ value: s.state, context: {} }),
    }).start();
  }

  // ---- inside -------------------------------------------------------------

  private dataFromSnapshot(s: CircuitBreakerSnapshot): BreakerStateData {
    const recovery: Recovery = s.openings === 0 && s.lastOpenDurationMs === null ? noRecovery : { openings: s.openings, lastOpenDurationMs: s.lastOpenDurationMs ?? undefined };
    const entered = { epoch: s.epoch, enteredAt: s.enteredAt, recovery };
    switch (s.state) {
      case 'closed':
        return { ...closedData(s.epoch, s.enteredAt), recovery };
      case 'disabled':
        return { name: 'disabled', ...entered, permit: normalPermitFor(s.epoch) };
      case 'forced-open':
        return { name: 'forced-open', ...entered };
      case 'open':
        if (typeof s.openUntil !== 'number') throw new RangeError('an open breaker snapshot needs openUntil');
        return { name: 'open', ...entered, until: s.openUntil };
      case 'half-open': {
        if (s.probes === null) throw new RangeError('a half-open breaker snapshot needs probes');
        const inFlight = s.probes.inFlight.map((p) => ({ id: p.id, deadline: p.deadline ?? Infinity }));
        if (s.probes.successes + s.probes.failures + inFlight.length > this.probeLimit) {
          throw new RangeError(`breaker snapshot holds more probes than the ${this.probeLimit} allowed`);
        }
        return { name: 'half-open', ...entered, successes: s.probes.successes, failures: s.probes.failures, nextProbeId: s.probes.nextId, inFlight };
      }
    }
  }

  private onOutcome(now: number, durationMs: number, permit: Permit, failed: boolean): void {
    // With no timer (lazy half-open), a probe's deadline may have passed unnoticed:
    // it timed out then, so it counts as failed before its late outcome is looked at.
    const before = this.data;
    if (before.name === 'half-open') this.expireProbes(before, now);
    const d = this.data;
    const slow = durationMs > this.slowCallDurationMs;
    const sameEpoch = permit.epoch === d.epoch;
    const counted = sameEpoch && (d.name === 'closed' || (d.name === 'half-open' && isInFlight(d, permit.probe)));
    const emitter = failed ? this.failures : this.successes;
    if (emitter.hasListeners) emitter.emit({ at: now, durationMs, kind: permit.kind, counted });
    if (slow && this.slowCalls.hasListeners) this.slowCalls.emit({ at: now, durationMs, kind: permit.kind, counted, failed });
    if (!counted) return;
    if (d.name === 'closed') {
      if (this.detector.record(now, failed, slow)) this.send('trip', now);
      else if (this.untimedAllowed) this.untimedEnd = this.detector.untimedUntil(now);
      return;
    }
    if (d.name !== 'half-open') return;
    // A probe still in flight. A slow probe counts as failed when a slow-call threshold is set.
    d.inFlight.splice(d.inFlight.findIndex((p) => p.id === permit.probe), 1);
    if (failed || slow) d.failures++;
    else d.successes++;
    this.decideHalfOpen(d, now);
  }

  private admitProbe(d: HalfOpenData, now: number): AcquireResult {
    if (d.successes + d.failures + d.inFlight.length >= this.probeLimit) {
      const first = d.inFlight.length > 0 ? d.inFlight[0].deadline : Infinity;
      return this.reject(now, 'half-open', first < Infinity ? first - now : (d.recovery.lastOpenDurationMs ?? 0));
    }
    const id = d.nextProbeId++;
    d.inFlight.push({ id, deadline: now + this.probeTimeoutMs });
    return { permitted: true, kind: 'probe', epoch: d.epoch, probe: id };
  }

  /**
   * Probes still in flight at their deadline count as failed, as of that
   * deadline: a timeout noticed late (by the next caller, with no timer)
   * reopens the breaker from when it happened, as a timer would have.
   */
  private expireProbes(d: HalfOpenData, now: number): void {
    while (this.data === d && d.inFlight.length > 0 && d.inFlight[0].deadline <= now) {
      const { deadline } = d.inFlight.shift()!;
      d.failures++;
      this.decideHalfOpen(d, deadline);
    }
  }

  private decideHalfOpen(d: HalfOpenData, now: number): void {
    if (d.successes >= this.successThreshold) this.send('probe-succeeded', now);
    else if (d.failures > this.probeLimit - this.successThreshold) this.send('probe-failed', now);
  }

  private reject(now: number, state: RejectingState, retryAfterMs: number): Rejection {
    const rejection: Rejection = { permitted: false, state, retryAfterMs };
    if (this.rejections.hasListeners) this.rejections.emit({ at: now, state, retryAfterMs });
    return rejection;
  }

  /** Offers an event to the machine; if it moves, builds the data of the state it entered. */
  private send(type: BreakerEventType, now: number): void {
    const from = this.data;
    this.actor.send({ type });
    const to = this.actor.getSnapshot().value as BreakerState;
    if (to === from.name) return;
    this.data = this.enter(to, from, now);
    if (this.stateChanges.hasListeners) this.stateChanges.emit({ from: from.name, to, event: type, at: now });
  }

  private enter(to: BreakerState, from: BreakerStateData, now: number): BreakerStateData {
    const epoch = from.epoch + 1;
    switch (to) {
      case 'closed':
        this.detector.reset();
        this.untimedEnd = -Infinity;
        return closedData(epoch, now);
      case 'open': {
        const openings = from.recovery.openings + 1;
        const duration = this.openDurationFor(openings, from.recovery.lastOpenDurationMs);
        return { name: 'open', epoch, enteredAt: now, recovery: { openings, lastOpenDurationMs: duration }, until: now + duration };
      }
      case 'half-open':
        return halfOpenData(epoch, now, from.recovery);
      case 'forced-open':
        return { name: 'forced-open', epoch, enteredAt: now, recovery: from.recovery };
      case 'disabled':
        return { name: 'disabled', epoch, enteredAt: now, recovery: from.recovery, permit: normalPermitFor(epoch) };
    }
  }

  private openDurationFor(openings: number, previous: number | undefined): number {
    const d = this.openDuration;
    if (typeof d === 'number') return d;
    const ms = d({ retry: openings, previousDelay: previous, random: this.random });
    if (!(ms >= 0 && ms < Infinity)) throw new RangeError(`open-duration backoff returned ${ms} for opening ${openings}: a duration must be a finite number >= 0`);
    return ms;
  }
}

function isInFlight(d: HalfOpenData, id: number): boolean {
  for (const p of d.inFlight) if (p.id === id) return true;
  return false;
}
