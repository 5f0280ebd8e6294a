import type { Faults } from '../../examples/shared/faulty-service.ts';
import { startFaultyService, type FaultyService } from '../../examples/shared/faulty-service.ts';
import { startFaultProxy, type FaultProxy } from '../../examples/shared/fault-proxy.ts';
import type { InjectedFault } from '../../src/resilience/index.ts';

/** The targets an experiment can name in real mode: the same names as on the simulator. */
export const realTargets = ['a', 'b', 'store'] as const;
export type RealTarget = (typeof realTargets)[number];

export function isRealTarget(name: string): name is RealTarget {
  return (realTargets as readonly string[]).includes(name);
}

/** The proxy faults of an action, or why it cannot be injected for real. */
export function proxyFaults(fault: InjectedFault): Partial<Faults> | string {
  switch (fault.kind) {
    case 'latency':
      return { latencyMs: fault.ms };
    case 'errors':
      return { errorRate: fault.rate };
    case 'resets':
      return { resetRate: fault.rate };
    case 'capacity-drop':
      return 'a capacity drop cannot be injected in real mode (the fault proxy has no workers to take away); run this experiment with --simulate';
  }
}

const cleared: Partial<Faults> = { latencyMs: 0, errorRate: 0, resetRate: 0, outage: false };

/**
 * The simulated three-tier system, on loopback: service A, and B in front of
 * the store. B is a forwarding hop (a proxy), so a fault "in B" delays or
 * fails requests before they reach the store, as a sick B would. Two routes
 * reach each service: a clean one, and one through fault-injecting proxies
 * (one per target) whose faults the experiment sets. The edge sends a
 * request down the faulty route with probability blastRadius: that is the
 * fraction of traffic the experiment touches.
 */
export class RealTopology {
  private constructor(
    private readonly services: readonly FaultyService[],
    private readonly proxies: Readonly<Record<RealTarget | 'bClean', FaultProxy>>,
  ) {}

  static async start(seed: number): Promise<RealTopology> {
    const started: { close(): Promise<void> }[] = [];
    try {
      const a = await startFaultyService({ seed });
      started.push(a);
      const store = await startFaultyService({ seed: seed + 1 });
      started.push(store);
      const storeFaulty = await startFaultProxy(store.url, { seed: seed + 2 });
      started.push(storeFaulty);
      const bFaulty = await startFaultProxy(storeFaulty.url, { seed: seed + 3 });
      started.push(bFaulty);
      const bClean = await startFaultProxy(store.url, { seed: seed + 4 });
      started.push(bClean);
      const aFaulty = await startFaultProxy(a.url, { seed: seed + 5 });
      started.push(aFaulty);
      return new RealTopology([a, store], { a: aFaulty, b: bFaulty, store: storeFaulty, bClean });
    } catch (error) {
      await Promise.all(started.map((s) => s.close()));
      throw error;
    }
  }

  /** Where the edge sends a request's call to A and to B, on the faulty route or the clean one. */
  urls(faultyRoute: boolean): { a: string; b: string } {
    return faultyRoute ? { a: this.proxies.a.url, b: this.proxies.b.url } : { a: this.services[0].url, b: this.proxies.bClean.url };
  }

  setFaults(target: RealTarget, faults: Partial<Faults>): void {
    this.proxies[target].setFaults({ ...cleared, ...faults });
  }

  clearFaults(target?: RealTarget): void {
    for (const t of target === undefined ? realTargets : [target]) this.proxies[t].setFaults(cleared);
  }

  async close(): Promise<void> {
    await Promise.all([...Object.values(this.proxies), ...this.services].map((s) => s.close()));
  }
}
