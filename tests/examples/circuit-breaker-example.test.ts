import { describe, expect, it } from 'vitest';
import { defaultCircuitBreakerOptions, runCircuitBreakerExample } from '../../examples/circuit-breaker/run-circuit-breaker-example.ts';

// Real HTTP on loopback and the real clock: only coarse properties that a
// slow or busy machine cannot turn around. The outage lasts long enough for
// several open periods, so the breaker's saving dwarfs its cost to trip.
describe('examples/circuit-breaker against a real loopback service', () => {
  it('the breaker cuts the requests that reach the service during the outage by a large factor, fails those calls fast, and closes after it', async () => {
    const report = await runCircuitBreakerExample({
      ...defaultCircuitBreakerOptions,
      ratePerSecond: 20,
      beforeMs: 500,
      outageMs: 3000,
      afterMs: 1000,
      openDurationMs: 500,
      serviceLatencyMs: 2,
    });
    const [plain, guarded] = report.policies;
    expect(plain.policy).toBe('retry + timeout');
    expect(guarded.policy).toBe('retry + breaker + timeout');
    const during = (p: typeof plain) => p.phases.find((r) => r.phase === 'during')!;

    // Without a breaker every call during the outage makes three attempts (about 180 requests);
    // with one, about 10 attempts trip it and then one probe per open period (about 6) get through.
    // Runs here gave 177-197 against 13-20; a factor of 3 leaves room for a starved event loop.
    expect(during(plain).reachedService).toBeGreaterThan(3 * during(guarded).reachedService);
    expect(during(guarded).rejectedByBreaker).toBeGreaterThan(during(guarded).calls / 2);
    for (const r of plain.phases) expect(r.rejectedByBreaker).toBe(0);
    expect(plain.stateChanges).toEqual([]);

    // Every call is accounted for, in some phase, through both policies.
    const calls = (p: typeof plain) => p.phases.reduce((n, r) => n + r.calls, 0);
    expect(calls(plain)).toBe(calls(guarded));
    expect(calls(plain)).toBe(Math.floor((20 * 4500) / 1000));

    // The breaker trips only once the outage has begun, and is closed again at the end.
    const changes = guarded.stateChanges;
    expect(changes[0]).toMatchObject({ from: 'closed', to: 'open', event: 'trip' });
    expect(changes[0].atMs).toBeGreaterThanOrEqual(report.outage.startMs);
    expect(changes.at(-1)).toMatchObject({ to: 'closed' });
    expect(changes.at(-1)!.atMs).toBeGreaterThanOrEqual(report.outage.endMs);
    expect(guarded.phases.find((r) => r.phase === 'after')!.succeeded).toBeGreaterThan(0);
  });
});
