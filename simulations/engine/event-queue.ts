/**
 * The simulator's agenda: a min-heap of events keyed by virtual time (ms).
 * Events at the same time fire in the order they were scheduled (a sequence
 * number breaks ties), which is what makes runs reproducible byte for byte.
 *
 * Each event is an item plus, optionally, a small integer kind and a subject:
 * a model schedules `(itself, FINISH, job)` instead of allocating a closure
 * per event, and `pop()` leaves the kind and subject in `lastKind` and
 * `lastSubject`. Times, sequence numbers and kinds live in parallel typed
 * arrays, so a push/pop costs a few comparisons and no allocation.
 */
export class EventQueue<T, S = undefined> {
  private times = new Float64Array(256);
  private seqs = new Float64Array(256);
  private kinds = new Int32Array(256);
  private items: (T | undefined)[] = new Array<T | undefined>(256);
  private subjects: (S | undefined)[] = new Array<S | undefined>(256);
  private n = 0;
  private seq = 0;

  /** Time of the event most recently returned by `pop()`. */
  lastTime = 0;
  /** Kind of the event most recently returned by `pop()` (0 when pushed without one). */
  lastKind = 0;
  /** Subject of the event most recently returned by `pop()`. */
  lastSubject: S | undefined = undefined;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  push(time: number, item: T, kind = 0, subject?: S): void {
    if (!(time >= 0) || time === Infinity) badTime(time);
    if (this.n === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const items = this.items;
    const subjects = this.subjects;
    let i = this.n++;
    const s = this.seq++;
    // Sift up: every event already queued has a smaller sequence number, so a tie in time stops here.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p];
      if (pt <= time) break;
      times[i] = pt;
      seqs[i] = seqs[p];
      kinds[i] = kinds[p];
      items[i] = items[p];
      subjects[i] = subjects[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = s;
    kinds[i] = kind;
    items[i] = item;
    subjects[i] = subject;
  }

  /** Removes the earliest event; `lastTime`, `lastKind` and `lastSubject` then describe it. */
  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const items = this.items;
    const subjects = this.subjects;
    const top = items[0];
    this.lastTime = times[0];
    this.lastKind = kinds[0];
    this.lastSubject = subjects[0];
    const last = --this.n;
    const t = times[last];
    const s = seqs[last];
    const k = kinds[last];
    const it = items[last];
    const su = subjects[last];
    items[last] = undefined;
    subjects[last] = undefined;
    let i = 0;
    // Sift down.
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      let ct = times[c];
      const r = c + 1;
      if (r < last) {
        const rt = times[r];
        if (rt < ct || (rt === ct && seqs[r] < seqs[c])) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < seqs[c])) break;
      times[i] = ct;
      seqs[i] = seqs[c];
      kinds[i] = kinds[c];
      items[i] = items[c];
      subjects[i] = subjects[c];
      i = c;
    }
    if (last > 0) {
      times[i] = t;
      seqs[i] = s;
      kinds[i] = k;
      items[i] = it;
      subjects[i] = su;
    }
    return top;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    const kinds = new Int32Array(cap);
    kinds.set(this.kinds);
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.items.length = cap;
    this.subjects.length = cap;
  }
}

/** Out of line on purpose: a template literal inlined with `push` into its callers halved the simulator's speed (V8 11, Node 20). */
function badTime(time: number): never {
  throw new RangeError(`event time must be finite and >= 0, got ${time}`);
}
