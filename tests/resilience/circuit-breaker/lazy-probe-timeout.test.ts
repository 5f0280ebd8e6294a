import { describe, expect, it } from 'vitest';
import { acquire, oneStrike, trip } from './core-driver.ts';

describe('breaker: a probe past its timeout counts as failed even when nothing noticed the deadline', () => {
  it('a probe admitted at t=1001 whose success arrives at t=5000, with no advance in between, reopens the breaker', () => {
    const core = oneStrike({ halfOpen: { probes: 1, probeTimeoutMs: 500 } });
    trip(core, 0);
    const probe = acquire(core, 1001);
    expect(core.state).toBe('half-open');
    core.onSuccess(5000, 3999, probe);
    expect(core.state).toBe('open');
    // Reopened as of the deadline (1501), as a timer would have done it.
    expect(core.enteredAt).toBe(1501);
    expect(core.openUntil).toBe(2501);
  });

  it('the same late report as a failure reopens once, from the deadline', () => {
    const core = oneStrike({ halfOpen: { probes: 1, probeTimeoutMs: 500 } });
    trip(core, 0);
    const probe = acquire(core, 1001);
    core.onFailure(5000, 3999, probe);
    expect(core.state).toBe('open');
    expect(core.enteredAt).toBe(1501);
  });

  it('a success reported before the deadline still closes the breaker', () => {
    const core = oneStrike({ halfOpen: { probes: 1, probeTimeoutMs: 500 } });
    trip(core, 0);
    const probe = acquire(core, 1001);
    core.onSuccess(1500, 499, probe);
    expect(core.state).toBe('closed');
  });

  it('a late probe that is ignored (caller gave up) still expires: the breaker reopens', () => {
    const core = oneStrike({ halfOpen: { probes: 1, probeTimeoutMs: 500 } });
    trip(core, 0);
    const probe = acquire(core, 1001);
    core.onIgnored(5000, probe);
    expect(core.state).toBe('open');
  });
});
