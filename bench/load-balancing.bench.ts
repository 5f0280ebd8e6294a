/**
 * Cost of one balancing decision for every balancer, for 10 and 1 000 hosts,
 * as a multiple of round robin's measured in the same run ("time ×
 * round-robin", the inverse of the picks/s ratio). The empty call shows what
 * the harness itself costs per call; it is included in every row, so the
 * ratios understate the differences between the balancers. A call is what a
 * client does per request: pick, then report the start and the end (no-ops
 * for the balancers that do not track load), so the load-tracking ones pay
 * for their bookkeeping. Consistent-hashing picks hash a numeric request key.
 * Hosts have equal weights except for the weighted balancers, which get
 * weights 1 to 4, so the weighted code paths are the ones measured.
 */
import { randomLcg } from 'd3-random';
import { createBalancer, type BalancerName } from '../src/resilience/load-balancing/create-balancer.ts';
import { HealthAwareBalancer } from '../src/resilience/load-balancing/health-aware.ts';
import { uniformHosts, weightedHosts } from '../src/resilience/load-balancing/host.ts';
import type { HostPicker } from '../src/resilience/load-balancing/load-balancer.ts';
import type { RandomSource } from '../src/resilience/random.ts';
import { compare, type Contender } from './harness.ts';

const weighted = new Set<BalancerName>(['smooth-weighted-round-robin', 'weighted-random']);

const contenders: readonly { name: string; balancer: BalancerName; healthAware?: boolean; keyed?: boolean }[] = [
  { name: 'round-robin', balancer: 'round-robin' },
  { name: 'round-robin + health-aware', balancer: 'round-robin', healthAware: true },
  { name: 'random', balancer: 'random' },
  { name: 'smooth-weighted-round-robin (w 1-4)', balancer: 'smooth-weighted-round-robin' },
  { name: 'weighted-random (w 1-4)', balancer: 'weighted-random' },
  { name: 'least-outstanding (full scan)', balancer: 'least-outstanding' },
  { name: 'least-request (2 choices)', balancer: 'least-request' },
  { name: 'peak-ewma (2 choices)', balancer: 'peak-ewma' },
  { name: 'modulo-hash (keyed)', balancer: 'modulo-hash', keyed: true },
  { name: 'ring-hash (keyed)', balancer: 'ring-hash', keyed: true },
  { name: 'maglev (keyed)', balancer: 'maglev', keyed: true },
];

type CallFactory = (lb: HostPicker, random: RandomSource, keyed: boolean) => () => number;

/**
 * Each contender gets its own copy of the call (compiled with `new
 * Function`), so V8 sees a single balancer class at each call site, as it
 * does in a simulation run. One shared closure would make those sites
 * megamorphic and add the same ~100 ns to every contender, hiding the
 * differences this bench is for. The source differs per contender (a
 * comment with its name) because V8 caches compiled code by source text:
 * identical sources would share one function, and its feedback, again.
 */
const callSource = `return function makeCall(lb, random, keyed) {
  let now = 0;
  let key = 0;
  return function call() {
    now += 1;
    const h = keyed ? lb.pick(now, random, key++) : lb.pick(now, random);
    lb.onStart(h, now);
    lb.onEnd(h, now, 5, true);
    return h;
  };
}`;

function contender(name: string, lb: HostPicker, keyed: boolean): Contender {
  const makeCall = new Function(`${callSource}\n// ${name}`)() as CallFactory;
  return { name, call: makeCall(lb, randomLcg(42), keyed) };
}

export default async function loadBalancingBench(): Promise<void> {
  for (const n of [10, 1000]) {
    await compare({
      title: `load balancing: pick + start + end, ${n} hosts`,
      baseline: 'round-robin',
      async: false,
      unit: 'pick',
      contenders: [
        { name: 'empty call (harness cost)', call: () => 0 },
        ...contenders.map((c) => {
          const hosts = weighted.has(c.balancer) ? weightedHosts(Array.from({ length: n }, (_, i) => 1 + (i % 4))) : uniformHosts(n);
          const inner = createBalancer(c.balancer, hosts);
          return contender(c.name, c.healthAware ? new HealthAwareBalancer(inner) : inner, c.keyed ?? false);
        }),
      ],
    });
  }
}
