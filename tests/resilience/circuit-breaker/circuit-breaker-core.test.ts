import { describe, expect, it } from 'vitest';
import { constantBackoff, exponentialBackoff } from '../../../src/resilience/backoff/index.ts';
import { CircuitBreakerCore, STRICTLY_AFTER_MS, type Rejection } from '../../../src/resilience/circuit-breaker/circuit-breaker-core.ts';
import type { BreakerStateChangeEvent, CallOutcomeEvent, CallRejectedEvent, SlowCallEvent } from '../../../src/resilience/circuit-breaker/breaker-events.ts';
import { acquire, drive, oneStrike, trip } from './core-driver.ts';

describe('closed: when the breaker trips', () => {
  it.each([
    { name: 'consecutive: at the threshold', detection: { kind: 'consecutive', failureThreshold: 3 } as const, script: 'FFSFFF', outcomes: 'FFSFFF', last: 'open' },
    { name: 'consecutive: a success resets the run', detection: { kind: 'consecutive', failureThreshold: 3 } as const, script: 'FFSFF', outcomes: 'FFSFF', last: 'closed' },
    {
      name: 'count window: rate exactly at the threshold once the minimum is reached',
      detection: { kind: 'count-window', windowSize: 4, minimumCalls: 4, failureRateThreshold: 50 } as const,
      script: 'FSSFS',
      outcomes: 'FSSF-',
      last: 'open',
    },
    {
      name: 'count window: 100 % failures below the minimum number of calls',
      detection: { kind: 'count-window', windowSize: 10, minimumCalls: 5, failureRateThreshold: 50 } as const,
      script: 'FFFF',
      outcomes: 'FFFF',
      last: 'closed',
    },
    {
      name: 'count window: the call that reaches the minimum trips it, even a success',
      detection: { kind: 'count-window', windowSize: 10, minimumCalls: 5, failureRateThreshold: 50 } as const,
      script: 'FFFFSS',
      outcomes: 'FFFFS-',
      last: 'open',
    },
    {
      name: 'time window: rate at the threshold within the window',
      detection: { kind: 'time-window', windowMs: 1000, minimumCalls: 2, failureRateThreshold: 50 } as const,
      script: 'SF',
      outcomes: 'SF',
      last: 'open',
    },
  ])('$name', ({ detection, script, outcomes, last }) => {
    const core = new CircuitBreakerCore({ detection, openDuration: 1000 });
    const run = drive(core, 0, script);
    expect(run.outcomes).toBe(outcomes);
    expect(run.states.at(-1)).toBe(last);
  });

  it.each([
    { durations: [101, 101, 0, 0], trips: true, why: 'two of four calls strictly slower than 100 ms: 50 %' },
    { durations: [101, 100, 0, 0], trips: false, why: 'a call of exactly 100 ms is not slow' },
  ])('slow-call rate: $why', ({ durations, trips }) => {
    const core = new CircuitBreakerCore({
      detection: { kind: 'count-window', windowSize: 4, minimumCalls: 4, failureRateThreshold: 100, slowCalls: { durationMs: 100, rateThreshold: 50 } },
      openDuration: 1000,
    });
    for (const d of durations) core.onSuccess(d, d, acquire(core, 0));
    expect(core.state).toBe(trips ? 'open' : 'closed');
  });
});

describe('open: the wait', () => {
  it.each([
    { at: 500, permitted: false, retryAfterMs: 500 + STRICTLY_AFTER_MS },
    { at: 1000, permitted: false, retryAfterMs: 0 + STRICTLY_AFTER_MS },
    { at: 1000.001, permitted: true, retryAfterMs: undefined },
  ])('tripped at 0 for 1000 ms, a call at $at: permitted $permitted', ({ at, permitted, retryAfterMs }) => {
    const core = oneStrike();
    trip(core, 0);
    const r = core.tryAcquire(at);
    expect(r.permitted).toBe(permitted);
    if (!r.permitted) expect(r).toMatchObject({ state: 'open', retryAfterMs });
    else expect(r.kind).toBe('probe');
    expect(core.state).toBe(permitted ? 'half-open' : 'open');
  });

  it('a caller that waits exactly the retryAfterMs it was given is let through', () => {
    for (const at of [0, 1, 333.3, 999.999, 1000]) {
      const fresh = oneStrike();
      trip(fresh, 0);
      const r = fresh.tryAcquire(at) as Rejection;
      expect(fresh.tryAcquire(at + r.retryAfterMs).permitted).toBe(true);
    }
  });

  it('lazy (default): stays open after the wait until a call comes, and schedules no timer', () => {
    const core = oneStrike();
    trip(core, 0);
    expect(core.nextTimerAt()).toBeUndefined();
    core.advance(5000);
    expect(core.state).toBe('open');
  });

  it('automatic: a timer at the end of the wait turns it half-open without a call', () => {
    const core = oneStrike({ automaticHalfOpen: true });
    trip(core, 0);
    expect(core.nextTimerAt()).toBe(1000);
    core.advance(999);
    expect(core.state).toBe('open');
    core.advance(1000);
    expect(core.state).toBe('half-open');
    expect(core.nextTimerAt()).toBeUndefined();
  });

  it('a growing open duration follows the backoff, counted from 1 per opening, and starts over once closed', () => {
    const core = oneStrike({ openDuration: exponentialBackoff({ baseMs: 500, capMs: 3000, jitter: 'none' }) });
    const openFor: number[] = [];
    let now = 0;
    trip(core, now);
    for (let i = 0; i < 4; i++) {
      openFor.push(core.openUntil! - now);
      now = core.openUntil! + 1;
      core.onFailure(now, 0, acquire(core, now)); // the probe fails: open again
    }
    openFor.push(core.openUntil! - now);
    now = core.openUntil! + 1;
    core.onSuccess(now, 0, acquire(core, now));
    expect(core.state).toBe('closed');
    trip(core, now);
    openFor.push(core.openUntil! - now);
    expect(openFor).toEqual([1000, 2000, 3000, 3000, 3000, 1000]);
  });

  it('a jittered backoff without a random source is refused when it draws', () => {
    const core = oneStrike({ openDuration: exponentialBackoff({ baseMs: 500, capMs: 3000, jitter: 'full' }) });
    expect(() => trip(core, 0)).toThrow(/random/);
    const seeded = oneStrike({ openDuration: exponentialBackoff({ baseMs: 500, capMs: 3000, jitter: 'full' }), random: () => 0.5 });
    trip(seeded, 0);
    expect(seeded.openUntil).toBe(500);
  });
});

describe('half-open: probes', () => {
  /** Tripped at 0, open for 1000 ms: the first call after 1000 turns it half-open. */
  function halfOpen(probes: number, successThreshold?: number, probeTimeoutMs?: number) {
    const core = oneStrike({ halfOpen: { probes, successThreshold, probeTimeoutMs } });
    trip(core, 0);
    return core;
  }

  it('lets exactly N probes through and rejects the callers beyond them', () => {
    const core = halfOpen(3);
    const results = [1, 2, 3, 4, 5].map(() => core.tryAcquire(1001));
    expect(results.map((r) => (r.permitted ? r.kind : 'rejected'))).toEqual(['probe', 'probe', 'probe', 'rejected', 'rejected']);
    expect((results[3] as Rejection).state).toBe('half-open');
  });

  it.each([
    { results: 'SS', state: 'closed', why: 'the success threshold reached closes, with a probe still out' },
    { results: 'SFS', state: 'closed', why: 'one failure of three still leaves two successes possible' },
    { results: 'FF', state: 'open', why: 'two failures of three make two successes impossible' },
    { results: 'SFF', state: 'open', why: 'the last failure makes the threshold unreachable' },
    { results: 'S', state: 'half-open', why: 'one success of two needed: still deciding' },
  ])('3 probes, success threshold 2, results $results: $state ($why)', ({ results, state }) => {
    const core = halfOpen(3, 2);
    const permits = [1, 2, 3].map(() => acquire(core, 1001));
    [...results].forEach((r, i) => (r === 'S' ? core.onSuccess(1002, 1, permits[i]) : core.onFailure(1002, 1, permits[i])));
    expect(core.state).toBe(state);
  });

  it('with the default of one probe and threshold one, a single probe decides', () => {
    const ok = halfOpen(1);
    ok.onSuccess(1002, 1, acquire(ok, 1001));
    expect(ok.state).toBe('closed');
    const bad = halfOpen(1);
    bad.onFailure(1002, 1, acquire(bad, 1001));
    expect(bad.state).toBe('open');
    expect(bad.openUntil).toBe(2002);
  });

  it('a slow probe counts as failed when a slow-call threshold is set', () => {
    const core = new CircuitBreakerCore({
      detection: { kind: 'count-window', windowSize: 1, minimumCalls: 1, failureRateThreshold: 100, slowCalls: { durationMs: 50, rateThreshold: 100 } },
      openDuration: 1000,
    });
    core.onFailure(0, 0, acquire(core, 0));
    const probe = acquire(core, 1001);
    core.onSuccess(1061, 60, probe);
    expect(core.state).toBe('open');
  });

  it('a probe that has not ended by its timeout counts as failed; its late result is not counted', () => {
    const core = halfOpen(1, 1, 500);
    const probe = acquire(core, 1001);
    expect(core.nextTimerAt()).toBe(1501);
    core.advance(1500);
    expect(core.state).toBe('half-open');
    core.advance(1501);
    expect(core.state).toBe('open');
    const outcomes: CallOutcomeEvent[] = [];
    core.onCallSucceeded((e) => outcomes.push(e));
    core.onSuccess(1600, 599, probe);
    expect(core.state).toBe('open');
    expect(outcomes).toEqual([{ at: 1600, durationMs: 599, kind: 'probe', counted: false }]);
  });

  it('a probe timeout noticed by the next caller, without a timer, reopens as of the deadline', () => {
    const core = halfOpen(1, 1, 500);
    acquire(core, 1001);
    const r = core.tryAcquire(1600);
    expect(r).toMatchObject({ permitted: false, state: 'open', retryAfterMs: 901 + STRICTLY_AFTER_MS });
  });

  it('an ignored probe gives its slot back', () => {
    const core = halfOpen(1);
    const probe = acquire(core, 1001);
    expect(core.tryAcquire(1001).permitted).toBe(false);
    core.onIgnored(1002, probe);
    expect(acquire(core, 1003).kind).toBe('probe');
  });

  it('a rejected caller is told when the first probe times out', () => {
    const core = halfOpen(1, 1, 500);
    acquire(core, 1001);
    expect(core.tryAcquire(1101)).toMatchObject({ permitted: false, state: 'half-open', retryAfterMs: 400 });
  });
});

describe('results of calls from an earlier state are not counted', () => {
  it('a success that started before the breaker tripped does not count as a probe', () => {
    const core = oneStrike();
    const early = acquire(core, 0);
    trip(core, 1);
    const probe = acquire(core, 1002);
    core.onSuccess(1003, 1003, early);
    expect(core.state).toBe('half-open');
    core.onSuccess(1004, 2, probe);
    expect(core.state).toBe('closed');
  });

  it('a failure that started before the breaker closed again does not count in the new window', () => {
    const core = new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 1 }, openDuration: 1000 });
    const early = acquire(core, 0);
    trip(core, 1);
    core.onSuccess(1003, 1, acquire(core, 1002));
    core.onFailure(1004, 1004, early);
    expect(core.state).toBe('closed');
  });
});

describe('by hand', () => {
  it('forced open rejects everything, for ever, until reset', () => {
    const core = oneStrike();
    core.forceOpen(0);
    expect(core.tryAcquire(1e9)).toMatchObject({ permitted: false, state: 'forced-open', retryAfterMs: Infinity });
    expect(core.nextTimerAt()).toBeUndefined();
    core.reset(10);
    expect(core.state).toBe('closed');
    expect(core.tryAcquire(11).permitted).toBe(true);
  });

  it('disabled lets everything through and counts nothing; reset starts from empty counts', () => {
    const core = new CircuitBreakerCore({ detection: { kind: 'count-window', windowSize: 5, minimumCalls: 5, failureRateThreshold: 50 }, openDuration: 1000 });
    core.disable(0);
    const run = drive(core, 1, 'FFFFFFFFFF');
    expect(run.outcomes).toBe('FFFFFFFFFF');
    expect(core.state).toBe('disabled');
    core.reset(2);
    expect(core.counts(2)).toEqual({ calls: 0, failures: 0, slowCalls: 0 });
  });

  it('force-open wins over open and half-open; disable over forced-open', () => {
    const core = oneStrike();
    trip(core, 0);
    core.forceOpen(1);
    expect(core.state).toBe('forced-open');
    core.disable(2);
    expect(core.state).toBe('disabled');
    core.forceOpen(3);
    expect(core.state).toBe('forced-open');
  });

  it('reset while closed clears the counts, and calls already running no longer count', () => {
    const core = new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 2 }, openDuration: 1000 });
    const running = acquire(core, 0);
    core.onFailure(1, 0, acquire(core, 1));
    core.reset(2);
    core.onFailure(3, 3, running);
    core.onFailure(4, 0, acquire(core, 4));
    expect(core.state).toBe('closed');
  });

  it('reset brings the open duration back to its first value', () => {
    const core = oneStrike({ openDuration: exponentialBackoff({ baseMs: 500, capMs: 1e6, jitter: 'none' }) });
    trip(core, 0);
    core.onFailure(1002, 0, acquire(core, 1001));
    expect(core.openUntil! - 1002).toBe(2000);
    core.reset(1003);
    trip(core, 1004);
    expect(core.openUntil! - 1004).toBe(1000);
  });
});

describe('events', () => {
  it('reports state changes with the machine event, rejections, outcomes and slow calls', () => {
    const core = new CircuitBreakerCore({ detection: { kind: 'consecutive', failureThreshold: 1, slowCalls: { durationMs: 10, threshold: 5 } }, openDuration: constantBackoff(1000) });
    const changes: BreakerStateChangeEvent[] = [];
    const rejected: CallRejectedEvent[] = [];
    const failed: CallOutcomeEvent[] = [];
    const slow: SlowCallEvent[] = [];
    core.onStateChange((e) => changes.push(e));
    core.onCallRejected((e) => rejected.push(e));
    core.onCallFailed((e) => failed.push(e));
    core.onSlowCall((e) => slow.push(e));
    core.onFailure(20, 20, acquire(core, 0));
    core.tryAcquire(500);
    core.onSuccess(1051, 30, acquire(core, 1021));
    expect(changes).toEqual([
      { from: 'closed', to: 'open', event: 'trip', at: 20 },
      { from: 'open', to: 'half-open', event: 'open-timeout-elapsed', at: 1021 },
      { from: 'half-open', to: 'open', event: 'probe-failed', at: 1051 },
    ]);
    expect(rejected).toEqual([{ at: 500, state: 'open', retryAfterMs: 520 + STRICTLY_AFTER_MS }]);
    expect(failed).toEqual([{ at: 20, durationMs: 20, kind: 'normal', counted: true }]);
    expect(slow.map((e) => [e.at, e.failed, e.kind])).toEqual([
      [20, true, 'normal'],
      [1051, false, 'probe'],
    ]);
  });

  it('builds no event objects and needs no time on the closed path when nobody listens', () => {
    const core = oneStrike();
    expect(core.needsTime).toBe(false);
    const subscription = core.onCallSucceeded(() => {});
    expect(core.needsTime).toBe(true);
    subscription.dispose();
    expect(core.needsTime).toBe(false);
    trip(core, 0);
    expect(core.needsTime).toBe(true);
  });
});

describe('options', () => {
  it.each([
    { name: 'negative open duration', options: { openDuration: -1 } },
    { name: 'zero probes', options: { halfOpen: { probes: 0 } } },
    { name: 'success threshold above probes', options: { halfOpen: { probes: 2, successThreshold: 3 } } },
    { name: 'zero probe timeout', options: { halfOpen: { probeTimeoutMs: 0 } } },
  ])('refuses $name', ({ options }) => {
    expect(() => oneStrike(options)).toThrow(RangeError);
  });
});
