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
 *   of pending timeouts, that made a pop about a third cheaper;
 * - events that a model schedules in time order anyway (every attempt's
 *   timeout, a fixed delay after its send) can wait in a lane, a FIFO beside
 *   the heap: O(1) in and out, and the heap keeps only the events whose
 *   order it has to find. A pop takes the earliest of the heap's top and the
 *   lanes' heads by (time, sequence number), so the order is the same.
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
  private readonly lanes: Lane<T, S>[] = [];
  /** Events waiting in lanes. */
  private inLanes = 0;

  /** Time of the event most recently returned by `pop()`. */
  lastTime = 0;
  /** Kind of the event most recently returned by `pop()` (0 when pushed without one). */
  lastKind = 0;
  /** Subject of the event most recently returned by `pop()`. */
  lastSubject: S | undefined = undefined;

  get size(): number {
    return this.n + this.inLanes;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    let t = this.n > 0 ? this.times[0] : Infinity;
    if (this.inLanes > 0) {
      for (const lane of this.lanes) if (lane.count > 0 && lane.headTime() < t) t = lane.headTime();
    }
    return t;
  }

  /** A new lane, for `pushInLane`. */
  newLane(): number {
    this.lanes.push(new Lane<T, S>());
    return this.lanes.length - 1;
  }

  /**
   * Like `push`, into lane `lane`: it waits outside the heap when it is no
   * earlier than the lane's latest event, which holds for events pushed at a
   * fixed delay from a clock that never goes back; an earlier one goes to
   * the heap, where it is ordered as any other.
   */
  pushInLane(lane: number, time: number, item: T, kind = 0, subject?: S): void {
    const l = this.lanes[lane];
    if (l.count > 0 && time < l.tailTime()) {
      this.push(time, item, kind, subject);
      return;
    }
    if (!(time >= 0) || time === Infinity) badTime(time);
    l.append(time, this.seq++, item, kind, subject);
    this.inLanes++;
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
    return this.popNotAfter(Infinity);
  }

  /**
   * `pop()`, when the earliest event is due no later than `maxTime`;
   * otherwise undefined, and nothing is removed. The run loop asks this
   * instead of a peek then a pop, which looked at the heap's top and every
   * lane's head twice per event.
   */
  popNotAfter(maxTime: number): T | undefined {
    let t = this.n > 0 ? this.times[0] : Infinity;
    if (this.inLanes > 0) {
      // The earliest lane head, if it comes before the heap's top.
      const lanes = this.lanes;
      let from: Lane<T, S> | undefined;
      let s = this.n > 0 ? this.seqs[this.slots[0]] : Infinity;
      for (let k = 0; k < lanes.length; k++) {
        const lane = lanes[k];
        if (lane.count === 0) continue;
        const lt = lane.headTime();
        if (lt < t || (lt === t && lane.headSeq() < s)) {
          from = lane;
          t = lt;
          s = lane.headSeq();
        }
      }
      if (from !== undefined) {
        if (t > maxTime) return undefined;
        this.inLanes--;
        this.lastTime = t;
        this.lastKind = from.headKind();
        this.lastSubject = from.headSubject();
        return from.shift();
      }
    }
    return t > maxTime ? undefined : this.popHeap();
  }

  private popHeap(): T | undefined {
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

/** A FIFO of events in (time, sequence number) order, on a ring buffer that doubles when full. */
class Lane<T, S> {
  private times = new Float64Array(16);
  private seqs = new Float64Array(16);
  private kinds = new Int32Array(16);
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private subjects: (S | undefined)[] = new Array<S | undefined>(16);
  private head = 0;
  count = 0;

  headTime(): number {
    return this.times[this.head];
  }

  headSeq(): number {
    return this.seqs[this.head];
  }

  headKind(): number {
    return this.kinds[this.head];
  }

  headSubject(): S | undefined {
    return this.subjects[this.head];
  }

  tailTime(): number {
    return this.times[(this.head + this.count - 1) & (this.times.length - 1)];
  }

  append(time: number, seq: number, item: T, kind: number, subject: S | undefined): void {
    if (this.count === this.times.length) this.grow();
    const i = (this.head + this.count) & (this.times.length - 1);
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.items[i] = item;
    this.subjects[i] = subject;
    this.count++;
  }

  /** Removes the head and returns its item; the slot no longer keeps it alive. */
  shift(): T | undefined {
    const i = this.head;
    const item = this.items[i];
    this.items[i] = undefined;
    this.subjects[i] = undefined;
    this.head = (i + 1) & (this.times.length - 1);
    this.count--;
    return item;
  }

  /** Doubles the capacity (a power of two, so a position is an index & mask), head first. */
  private grow(): void {
    const cap = this.times.length;
    const mask = cap - 1;
    const times = new Float64Array(cap * 2);
    const seqs = new Float64Array(cap * 2);
    const kinds = new Int32Array(cap * 2);
    const items = new Array<T | undefined>(cap * 2);
    const subjects = new Array<S | undefined>(cap * 2);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) & mask;
      times[k] = this.times[i];
      seqs[k] = this.seqs[i];
      kinds[k] = this.kinds[i];
      items[k] = this.items[i];
      subjects[k] = this.subjects[i];
    }
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.items = items;
    this.subjects = subjects;
    this.head = 0;
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
