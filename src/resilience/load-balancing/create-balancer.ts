import type { BalancerName } from './balancer-names.ts';
import type { Host } from './host.ts';
import { LeastOutstandingBalancer } from './least-outstanding.ts';
import { LeastRequestBalancer, type LeastRequestOptions } from './least-request.ts';
import type { LoadBalancer } from './load-balancer.ts';
import { MaglevBalancer, type MaglevOptions } from './maglev.ts';
import { ModuloHashBalancer } from './modulo-hash.ts';
import { PeakEwmaBalancer, type PeakEwmaOptions } from './peak-ewma.ts';
import { UniformRandomBalancer } from './uniform-random.ts';
import { RingHashBalancer, type RingHashOptions } from './ring-hash.ts';
import { RoundRobinBalancer, type RoundRobinOptions } from './round-robin.ts';
import { SmoothWeightedRoundRobinBalancer } from './smooth-weighted-round-robin.ts';
import { WeightedRandomBalancer } from './weighted-random.ts';

export { balancerLabels, balancerNames, keyedBalancerNames, keylessBalancerNames, type BalancerName } from './balancer-names.ts';

/** The union of every balancer's options; each balancer reads only its own. */
export type BalancerOptions = RoundRobinOptions & LeastRequestOptions & PeakEwmaOptions & RingHashOptions & MaglevOptions;

export function createBalancer(name: BalancerName, hosts: readonly Host[], options: BalancerOptions = {}): LoadBalancer {
  switch (name) {
    case 'round-robin':
      return new RoundRobinBalancer(hosts, options);
    case 'smooth-weighted-round-robin':
      return new SmoothWeightedRoundRobinBalancer(hosts, options);
    case 'random':
      return new UniformRandomBalancer(hosts);
    case 'weighted-random':
      return new WeightedRandomBalancer(hosts, options);
    case 'least-outstanding':
      return new LeastOutstandingBalancer(hosts);
    case 'least-request':
      return new LeastRequestBalancer(hosts, options);
    case 'peak-ewma':
      return new PeakEwmaBalancer(hosts, options);
    case 'modulo-hash':
      return new ModuloHashBalancer(hosts);
    case 'ring-hash':
      return new RingHashBalancer(hosts, options);
    case 'maglev':
      return new MaglevBalancer(hosts, options);
  }
}
