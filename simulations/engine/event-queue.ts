/**
 * The simulator's agenda: a min-heap of events keyed by virtual time (ms).
 * Events at the same time fire in the order they were scheduled (a sequence
 * number breaks ties), which is what makes runs reproducible byte for byte:
 * (time, sequence number) orders all events strictly, so the order they come
 * out in does not depend on how the heap is laid out.
 *
 * Each event is an item plus, optionally, a small integer kind and a subject:
 * a model schedules `(itself, FINISH, job)` instead of allocating a closure
 * per event, and `pop()` leaves the kind and subject in `lastKind` and
 * `lastSubject`.
 *
 * Laid out for speed, with no allocation per event:
 * - the heap itself holds only each event's time and a slot number, in two
 *   typed arrays; the sequence number, kind, item and subject stay in their
 *   slot while the event moves, so a step of a sift moves two values, not five;
 * - it is 4-ary: half the levels of a binary heap, and the four children of
 *   a node sit next to each other in memory. With a retry storm's thousands
 *   of pending timeouts, that made a pop about a third cheaper.
 */
export class EventQueue<T, S = undefined> {
  /** Heap order: the time and the slot of the event at each heap position. */
  private times = new Float64Array(256);
  private slots = new Int32Array(256);
  /** By slot: what an event carries while it waits. */
  private seqs = new Float64Array(256);
  private kinds = new Int32Array(256);
  private items: (T | undefined)[] = new Array<T | undefined>(256);
  private subjects: (S | undefined)[] = new Array<S | undefined>(256);
  /** Slots given back by `pop`, reused first; `fresh` is the first slot never used. */
  private free = new Int32Array(256);
  private freeCount = 0;
  private fresh = 0;
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
    const slot = this.freeCount > 0 ? this.free[--this.freeCount] : this.fresh++;
    this.seqs[slot] = this.seq++;
    this.kinds[slot] = kind;
    this.items[slot] = item;
    this.subjects[slot] = subject;
    const times = this.times;
    const slots = this.slots;
    let i = this.n++;
    // Sift up: every event already queued has a smaller sequence number, so a tie in time stops here.
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = times[p];
      if (pt <= time) break;
      times[i] = pt;
      slots[i] = slots[p];
      i = p;
    }
    times[i] = time;
    slots[i] = slot;
  }

  /** Removes the earliest event; `lastTime`, `lastKind` and `lastSubject` then describe it. */
  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const times = this.times;
    const slots = this.slots;
    const seqs = this.seqs;
    const top = slots[0];
    const item = this.items[top];
    this.lastTime = times[0];
    this.lastKind = this.kinds[top];
    this.lastSubject = this.subjects[top];
    this.items[top] = undefined;
    this.subjects[top] = undefined;
    this.free[this.freeCount++] = top;
    const last = --this.n;
    if (last === 0) return item;
    // Sift the last event down from the root.
    const t = times[last];
    const slot = slots[last];
    const s = seqs[slot];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      // The earliest of up to four children.
      let c = first;
      let ct = times[first];
      const end = first + 4 < last ? first + 4 : last;
      for (let j = first + 1; j < end; j++) {
        const jt = times[j];
        if (jt < ct || (jt === ct && seqs[slots[j]] < seqs[slots[c]])) {
          c = j;
          ct = jt;
        }
      }
      if (t < ct || (t === ct && s < seqs[slots[c]])) break;
      times[i] = ct;
      slots[i] = slots[c];
      i = c;
    }
    times[i] = t;
    slots[i] = slot;
    return item;
  }

  /** Doubles every array: the heap and the slots hold at most one entry per pending event. */
  private grow(): void {
    const cap = this.times.length * 2;
    this.times = grown(new Float64Array(cap), this.times);
    this.slots = grown(new Int32Array(cap), this.slots);
    this.seqs = grown(new Float64Array(cap), this.seqs);
    this.kinds = grown(new Int32Array(cap), this.kinds);
    this.free = grown(new Int32Array(cap), this.free);
    this.items.length = cap;
    this.subjects.length = cap;
  }
}

function grown<A extends Float64Array | Int32Array>(into: A, from: A): A {
  into.set(from);
  return into;
}

/** Out of line on purpose: a template literal inlined with `push` into its callers halved the simulator's speed (V8 11, Node 20). */
function badTime(time: number): never {
  throw new RangeError(`event time must be finite and >= 0, got ${time}`);
}
