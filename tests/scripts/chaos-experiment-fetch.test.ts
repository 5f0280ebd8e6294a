import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultyService, type FaultyService } from '../../examples/shared/faulty-service.ts';
import { chaosFetch, constantBackoff, faultInjection, latencyInjection, outcomeInjection, pipeline, retry, timeout, TimeoutError } from '../../src/resilience/index.ts';

let service: FaultyService;
beforeAll(async () => {
  service = await startFaultyService({ seed: 1 });
});
afterAll(() => service.close());

describe('chaosFetch against a real loopback service', () => {
  it('a retry around a fault injected into first attempts only: the second attempt reaches the service', async () => {
    const before = service.stats.requests;
    const get = chaosFetch(pipeline(retry({ maxAttempts: 2, backoff: constantBackoff(1) }), faultInjection({ fault: new Error('injected'), injectionRate: 1, enabled: (c) => c.attempt === 1 })));
    const response = await get(service.url);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(service.stats.requests - before).toBe(1);
  });

  it('an injected 503 never reaches the service', async () => {
    const before = service.stats.requests;
    const get = chaosFetch(outcomeInjection({ outcome: () => new Response(null, { status: 503 }), injectionRate: 1 }));
    expect((await get(service.url)).status).toBe(503);
    expect(service.stats.requests).toBe(before);
  });

  it('injected latency longer than the timeout ends in a TimeoutError, on the real clock', async () => {
    const get = chaosFetch(pipeline(timeout(50), latencyInjection({ latencyMs: 2000, injectionRate: 1 })));
    await expect(get(service.url)).rejects.toBeInstanceOf(TimeoutError);
  });
});
