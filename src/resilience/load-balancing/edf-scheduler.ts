/**
 * Earliest-deadline-first scheduling of weighted hosts, as Envoy's weighted
 * balancers use it: each host waits in a heap with a deadline `1 / weight`
 * after the current time; a pick takes the earliest deadline, moves the
 * current time there and puts the host back with a new deadline computed
 * from its weight at that moment. Over time each host is picked in
 * proportion to its weight, at O(log n) per pick, and the weight may change
 * between picks (load, slow start). As in Envoy's EdfScheduler
 * (https://github.com/envoyproxy/envoy/blob/main/source/common/upstream/edf_scheduler.h):
 * a deadline is the current time + 1 / weight, `pickAndAdd` re-adds the
 * picked entry with the weight computed at that moment, and entries with
 * the same deadline leave in the order they were added.
 */
export class EdfScheduler {
  private readonly deadline: Float64Array;
  private readonly order: Float64Array;
  private heap: number[] = [];
  private time = 0;
  private seq = 0;

  constructor(hostCount: number) {
    this.deadline = new Float64Array(hostCount);
    this.order = new Float64Array(hostCount);
  }

  /** Starts a new schedule over `hosts`. */
  reset(hosts: readonly number[], weight: (host: number) => number): void {
    this.time = 0;
    this.seq = 0;
    this.heap = [];
    for (const h of hosts) {
      this.deadline[h] = 1 / weight(h);
      this.order[h] = this.seq++;
      this.heap.push(h);
      this.siftUp(this.heap.length - 1);
    }
  }

  /** The host with the earliest deadline; it goes back in with its current weight. */
  pickAndAdd(weight: (host: number) => number): number {
    const heap = this.heap;
    const h = heap[0];
    this.time = this.deadline[h];
    this.deadline[h] = this.time + 1 / weight(h);
    // Same deadline, earlier insertion first: hosts of equal weight take turns.
    this.order[h] = this.seq++;
    this.siftDown(0);
    return h;
  }

  private before(a: number, b: number): boolean {
    const da = this.deadline[a];
    const db = this.deadline[b];
    return da < db || (da === db && this.order[a] < this.order[b]);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const h = heap[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h, heap[p])) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = h;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const h = heap[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(heap[c + 1], heap[c])) c++;
      if (!this.before(heap[c], h)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = h;
  }
}
