import { describe, expect, it } from 'vitest';
import { flaky, outage, runRetryExample } from '../../examples/retry/run-retry-example.ts';

// Real HTTP on loopback, so only coarse, robust properties: which policy
// sends how much, and who succeeds. The fault draws are seeded.
describe('examples/retry against a real loopback service', () => {
  it('retries raise the success rate against a flaky dependency', async () => {
    const [none, retries, budget] = await runRetryExample({ ...flaky, requests: 200 });
    expect(none.requests).toBe(200);
    expect(none.succeeded).toBeLessThan(200);
    expect(retries.succeeded).toBeGreaterThan(none.succeeded);
    expect(budget.succeeded).toBeGreaterThan(none.succeeded);
    expect(none.serviceRequests).toBe(200);
  });

  it('during an outage plain retries triple the load and the token bucket keeps it near one request per call', async () => {
    const [none, retries, budget] = await runRetryExample({ ...outage, requests: 100 });
    expect(none.succeeded + retries.succeeded + budget.succeeded).toBe(0);
    expect(retries.serviceRequests).toBe(300);
    // The bucket starts with 10 tokens and allows retries while tokens > 5:
    // at most a handful of retries get through before it runs dry.
    expect(budget.serviceRequests).toBeLessThanOrEqual(110);
    expect(budget.gaveUp.BudgetExhaustedError).toBeGreaterThan(90);
  });
});
