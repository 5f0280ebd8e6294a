/**
 * The simulator's agenda: a binary min-heap of events keyed by virtual time
 * (ms). Events at the same time fire in the order they were scheduled (a
 * sequence number breaks ties), which is what makes runs reproducible
 * byte for byte.
 *
 * Times and sequence numbers live in parallel typed arrays rather than in
 * event objects, so a push/pop costs a few comparisons and no allocation
 * beyond the payload the caller already holds.
 */
export class EventQueue<T> {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private items: (T | undefined)[] = new Array(1024);
  private n = 0;
  private seq = 0;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  push(time: number, item: T): void {
    if (!(time >= 0) || time === Infinity) throw new RangeError(`event time must be finite and >= 0, got ${time}`);
    if (this.n === this.times.length) this.grow();
    let i = this.n++;
    const s = this.seq++;
    // Sift up.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.times[p];
      if (pt < time || (pt === time && this.seqs[p] < s)) break;
      this.times[i] = pt;
      this.seqs[i] = this.seqs[p];
      this.items[i] = this.items[p];
      i = p;
    }
    this.times[i] = time;
    this.seqs[i] = s;
    this.items[i] = item;
  }

  /** Removes the earliest event; `lastTime` then holds its time. */
  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const top = this.items[0];
    this.lastTime = this.times[0];
    const last = --this.n;
    const t = this.times[last];
    const s = this.seqs[last];
    const it = this.items[last];
    this.items[last] = undefined;
    let i = 0;
    // Sift down.
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (this.times[r] < this.times[c] || (this.times[r] === this.times[c] && this.seqs[r] < this.seqs[c]))) c = r;
      const ct = this.times[c];
      if (t < ct || (t === ct && s < this.seqs[c])) break;
      this.times[i] = ct;
      this.seqs[i] = this.seqs[c];
      this.items[i] = this.items[c];
      i = c;
    }
    if (last > 0) {
      this.times[i] = t;
      this.seqs[i] = s;
      this.items[i] = it;
    }
    return top;
  }

  /** Time of the event most recently returned by `pop()`. */
  lastTime = 0;

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.items.length = cap;
  }
}
