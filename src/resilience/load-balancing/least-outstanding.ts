import type { RandomSource } from '../random.ts';
import { BalancerBase } from './balancer-base.ts';
import { OutstandingRequests } from './outstanding-requests.ts';

/**
 * The eligible host with the fewest requests in flight, found by scanning
 * them all (join-the-shortest-queue). Ties are broken uniformly at random:
 * always taking the first of the tied hosts would send every lull's traffic
 * to host 0. (Envoy's full scan does this by reservoir sampling, one random
 * draw per tied host; counting the ties and drawing once is the same
 * distribution for one draw, which matters when a quiet cluster ties
 * everywhere.)
 *
 * The best a single balancer can do on this signal, at O(n) per pick; and
 * with many independent balancers, all of them see the same idle host and
 * pile onto it at once, which two random choices avoid.
 */
export class LeastOutstandingBalancer extends BalancerBase {
  private readonly load = new OutstandingRequests(this.hosts.length);

  outstandingRequests(host: number): number {
    return this.load.counts[host];
  }

  pick(_now: number, random: RandomSource): number {
    const eligible = this.eligibleHosts;
    const counts = this.load.counts;
    let least = counts[eligible[0]];
    let tied = 1;
    for (let i = 1; i < eligible.length; i++) {
      const c = counts[eligible[i]];
      if (c < least) {
        least = c;
        tied = 1;
      } else if (c === least) {
        tied++;
      }
    }
    let skip = tied === 1 ? 0 : Math.floor(random() * tied);
    for (let i = 0; ; i++) {
      const h = eligible[i];
      if (counts[h] === least && skip-- === 0) return h;
    }
  }

  override onStart(host: number, _now?: number): void {
    this.load.start(host);
  }

  override onEnd(host: number, _now?: number, _latencyMs?: number, _ok?: boolean): void {
    this.load.end(host);
  }
}
