import type { RandomSource } from '../random.ts';
import { checkNumber } from '../options/validate.ts';
import { BalancerBase } from './balancer-base.ts';
import { balancerDefaults, balancerLimits } from './balancer-options.ts';
import { EdfScheduler } from './edf-scheduler.ts';
import { weightsAreEqual, type Host } from './host.ts';
import { OutstandingRequests } from './outstanding-requests.ts';
import { RampedWeights, type SlowStartOptions } from './slow-start.ts';

export interface LeastRequestOptions {
  /** How many random hosts to compare (d); default 2, "power of two choices". */
  readonly choiceCount?: number;
  /**
   * How strongly requests in flight lower a host's weight when weights
   * differ: weight / (active + 1) ^ bias. Default 1; 0 ignores load and
   * gives plain weighted round robin.
   */
  readonly activeRequestBias?: number;
  readonly slowStart?: SlowStartOptions;
}

/**
 * Envoy's least-request balancer.
 *
 * Equal weights: sample `choiceCount` eligible hosts uniformly (with
 * replacement) and take the one with the fewest requests in flight
 * (Mitzenmacher's power of d choices). Placing m requests on n hosts, the
 * busiest host's excess over the mean m/n falls from about
 * sqrt(2 (m/n) ln n) with one choice (for m much larger than n) to about
 * ln ln n / ln d with d >= 2, whatever m, for the price of one more random
 * draw; and the busiest host
 * is picked only when it is drawn every time, so it mostly drains.
 *
 * Unequal weights (or a host in slow start): an EDF schedule over the dynamic
 * weight `weight / (active + 1) ^ activeRequestBias`, so hosts get traffic in
 * proportion to weight, less so the more they have in flight.
 */
export class LeastRequestBalancer extends BalancerBase {
  private readonly load = new OutstandingRequests(this.hosts.length);
  private readonly weights: RampedWeights;
  private readonly edf: EdfScheduler;
  private readonly choiceCount: number;
  private readonly bias: number;
  private weightsDiffer = false;
  private edfLive = false;
  /** The `now` of the pick in progress, read by `dynamicWeight` (kept as a field so no closure is allocated per pick). */
  private pickTime = 0;

  constructor(hosts: readonly Host[], options: LeastRequestOptions = {}) {
    super(hosts);
    const defaults = balancerDefaults.leastRequest;
    this.choiceCount = checkNumber('choiceCount', options.choiceCount ?? defaults.choiceCount, balancerLimits.count);
    this.bias = checkNumber('activeRequestBias', options.activeRequestBias ?? defaults.activeRequestBias, balancerLimits.activeRequestBias);
    this.weights = new RampedWeights(this.hosts, this.eligibleSince, options.slowStart);
    this.edf = new EdfScheduler(hosts.length);
    this.onEligibleChanged();
  }

  outstandingRequests(host: number): number {
    return this.load.counts[host];
  }

  protected override onEligibleChanged(): void {
    this.weights.refresh(this.eligibleHosts);
    this.weightsDiffer = !weightsAreEqual(this.hosts, this.eligibleHosts);
    this.edfLive = false;
  }

  private readonly dynamicWeight = (host: number): number => {
    const w = this.weights.weight(host, this.pickTime);
    const active = this.load.counts[host] + 1;
    if (this.bias === 1) return w / active;
    if (this.bias === 0) return w;
    return w / Math.pow(active, this.bias);
  };

  pick(now: number, random: RandomSource): number {
    const eligible = this.eligibleHosts;
    if (this.weightsDiffer || this.weights.ramping(now)) {
      this.pickTime = now;
      if (!this.edfLive) {
        this.edf.reset(eligible, this.dynamicWeight);
        this.edfLive = true;
      }
      return this.edf.pickAndAdd(this.dynamicWeight);
    }
    this.edfLive = false;
    const counts = this.load.counts;
    const n = eligible.length;
    let best = eligible[Math.floor(random() * n)];
    for (let k = 1; k < this.choiceCount; k++) {
      const h = eligible[Math.floor(random() * n)];
      if (counts[h] < counts[best]) best = h;
    }
    return best;
  }

  override onStart(host: number, _now?: number): void {
    this.load.start(host);
  }

  override onEnd(host: number, _now?: number, _latencyMs?: number, _ok?: boolean): void {
    this.load.end(host);
  }
}
