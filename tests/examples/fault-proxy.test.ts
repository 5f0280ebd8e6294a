import { afterEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../examples/shared/fault-proxy.ts';
import { startFaultyService, type FaultyService } from '../../examples/shared/faulty-service.ts';

let service: FaultyService | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await service?.close();
});

describe('fault proxy on loopback', () => {
  it('forwards requests untouched when no fault is set, and injects the faults it is given', async () => {
    service = await startFaultyService();
    proxy = await startFaultProxy(service.url);
    const ok = await fetch(proxy.url);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });

    proxy.setFaults({ outage: true, retryAfterSeconds: 2 });
    const down = await fetch(proxy.url);
    await down.arrayBuffer();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('2');

    proxy.setFaults({ outage: false, resetRate: 1 });
    await expect(fetch(proxy.url)).rejects.toThrow(TypeError);

    expect(proxy.stats).toEqual({ received: 3, forwarded: 1 });
    expect(service.stats.requests).toBe(1);
  });
});
