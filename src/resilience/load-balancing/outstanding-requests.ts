/** Each host's count of requests in flight, for the balancers that balance on it. */
export class OutstandingRequests {
  readonly counts: Int32Array;

  constructor(hostCount: number) {
    this.counts = new Int32Array(hostCount);
  }

  start(host: number): void {
    this.counts[host]++;
  }

  end(host: number): void {
    // An end without a start is a caller bug that would silently skew every later pick.
    if (this.counts[host] === 0) throw new RangeError(`onEnd for host ${host} without a matching onStart`);
    this.counts[host]--;
  }
}
