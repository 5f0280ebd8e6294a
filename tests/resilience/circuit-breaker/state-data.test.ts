import { describe, expect, it } from 'vitest';
import { acquire, oneStrike, trip } from './core-driver.ts';

describe('breaker state data: each state is built on entry, nothing lingers', () => {
  it('the closed path hands out one shared permit per epoch (no allocation per call)', () => {
    const core = oneStrike();
    const a = acquire(core, 0);
    const b = acquire(core, 1);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    core.reset(2);
    const c = acquire(core, 3);
    expect(c).not.toBe(a);
    expect(c.epoch).toBe(a.epoch + 1);
  });

  it('a half-open episode starts with no probes, whatever the last one left', () => {
    const core = oneStrike({ halfOpen: { probes: 2, successThreshold: 2 } });
    trip(core, 0);
    const first = acquire(core, 1001);
    acquire(core, 1001);
    core.onFailure(1002, 1, first);
    expect(core.state).toBe('open');
    expect(core.probes).toEqual({ inFlight: 0, successes: 0, failures: 0 });
    expect(core.snapshot().probes).toBeNull();
    acquire(core, core.openUntil! + 1);
    expect(core.probes).toEqual({ inFlight: 1, successes: 0, failures: 0 });
  });

  it('the recovery (openings) outlives open ↔ half-open and is gone once closed', () => {
    const core = oneStrike({ halfOpen: { probes: 1 } });
    trip(core, 0);
    core.onFailure(1002, 1, acquire(core, 1001));
    expect(core.snapshot().openings).toBe(2);
    core.onSuccess(2003, 1, acquire(core, 2003));
    expect(core.state).toBe('closed');
    expect(core.snapshot()).toMatchObject({ openings: 0, lastOpenDurationMs: null, openUntil: null });
  });

  it('a snapshot restores into the same state data', () => {
    const core = oneStrike({ halfOpen: { probes: 3, successThreshold: 2, probeTimeoutMs: 100 } });
    trip(core, 0);
    acquire(core, 1001);
    const copy = oneStrike({ halfOpen: { probes: 3, successThreshold: 2, probeTimeoutMs: 100 } });
    copy.restore(core.snapshot());
    expect(copy.snapshot()).toEqual(core.snapshot());
    expect(copy.nextTimerAt()).toBe(1101);
  });
});
