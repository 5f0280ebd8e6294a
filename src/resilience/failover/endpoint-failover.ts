import { checkNumber } from '../options/validate.ts';
import { failoverLimits } from './failover-options.ts';

export interface EndpointFailoverOptions {
  /** Endpoints in the order they are tried (several DNS records, a list of addresses). */
  readonly endpoints: number;
  /** An endpoint that failed is passed over for this long, ms, while another is available. */
  readonly coolDownMs: number;
}

export function checkEndpointFailoverOptions(o: EndpointFailoverOptions): void {
  checkNumber('endpoints', o.endpoints, failoverLimits.hosts);
  checkNumber('coolDownMs', o.coolDownMs, failoverLimits.holdMs);
}

/**
 * Client-side failover over an ordered list of endpoints, sans I/O, in the
 * manner of gRPC's pick_first policy (gRFC A62,
 * https://github.com/grpc/proposal/blob/master/A62-pick-first.md): try the
 * endpoints one at a time, in order, until one is reachable, then send
 * every call there; when it breaks, start over. Two things are this
 * project's own: the list is restarted from the endpoint that last worked
 * (sticky, like a live pick_first connection), and an endpoint that failed
 * cools down for `coolDownMs`, skipped meanwhile, so that every call does
 * not pay a timeout on a dead first endpoint (gRPC instead backs off before
 * reconnecting once every address has failed). When every endpoint is
 * cooling down, the one whose cool-down ends first is tried anyway: better
 * a long shot than no attempt.
 *
 *   plan(now)                   the endpoints to try for one call, in order
 *   onSuccess(endpoint)         it answered: stick to it
 *   onFailure(endpoint, now)    connect failure or timeout: cool it down
 */
export class EndpointFailover {
  private readonly coolUntil: Float64Array;
  private current = 0;
  readonly coolDownMs: number;

  constructor(options: EndpointFailoverOptions) {
    checkEndpointFailoverOptions(options);
    this.coolUntil = new Float64Array(options.endpoints).fill(-Infinity);
    this.coolDownMs = options.coolDownMs;
  }

  get endpointCount(): number {
    return this.coolUntil.length;
  }

  /** The endpoint the client is sticking to (the last one that answered, or the first). */
  get preferred(): number {
    return this.current;
  }

  isCoolingDown(endpoint: number, now: number): boolean {
    return now < this.coolUntil[endpoint];
  }

  /**
   * The order in which one call tries the endpoints: the preferred one, then
   * the others in list order, skipping those cooling down; if all of them
   * are, the one that comes out of cool-down first. Each endpoint at most once.
   */
  plan(now: number): number[] {
    const n = this.coolUntil.length;
    const order: number[] = [];
    if (!this.isCoolingDown(this.current, now)) order.push(this.current);
    for (let e = 0; e < n; e++) if (e !== this.current && !this.isCoolingDown(e, now)) order.push(e);
    if (order.length > 0) return order;
    let soonest = 0;
    for (let e = 1; e < n; e++) if (this.coolUntil[e] < this.coolUntil[soonest]) soonest = e;
    return [soonest];
  }

  onSuccess(endpoint: number): void {
    this.check(endpoint);
    this.current = endpoint;
    this.coolUntil[endpoint] = -Infinity;
  }

  onFailure(endpoint: number, now: number): void {
    this.check(endpoint);
    this.coolUntil[endpoint] = now + this.coolDownMs;
  }

  private check(endpoint: number): void {
    if (!(Number.isInteger(endpoint) && endpoint >= 0 && endpoint < this.coolUntil.length))
      throw new RangeError(`no endpoint ${endpoint} among ${this.coolUntil.length}`);
  }
}
