/**
 * For servers whose queue lengths change one by one, the time-averaged
 * fraction of servers holding at least i customers, i = 1..levels: the
 * quantity the supermarket model's fixed point speaks about. Only time from
 * `fromMs` on counts, so a run can leave out its warm-up.
 *
 * O(1) per change: a change at one server moves exactly one count (servers
 * with at least k customers), and each count's area is brought up to date
 * only when it moves.
 */
export class QueueLengthTails {
  private readonly lengths: Int32Array;
  /** atLeast[i]: servers with at least i customers, i = 1..levels (index 0 unused). */
  private readonly atLeast: Float64Array;
  private readonly area: Float64Array;
  private readonly since: Float64Array;
  /** The longest queue seen at any time, whatever `fromMs`. */
  maxLength = 0;

  constructor(
    readonly servers: number,
    readonly levels: number,
    readonly fromMs: number,
  ) {
    this.lengths = new Int32Array(servers);
    this.atLeast = new Float64Array(levels + 1);
    this.area = new Float64Array(levels + 1);
    this.since = new Float64Array(levels + 1).fill(fromMs);
  }

  arrived(server: number, now: number): void {
    const k = ++this.lengths[server];
    if (k > this.maxLength) this.maxLength = k;
    this.move(k, +1, now);
  }

  departed(server: number, now: number): void {
    const k = this.lengths[server]--;
    if (k <= 0) throw new RangeError(`server ${server} has no customer to depart`);
    this.move(k, -1, now);
  }

  private move(level: number, by: number, now: number): void {
    if (level > this.levels) return;
    this.accumulate(level, now);
    this.atLeast[level] += by;
  }

  private accumulate(level: number, now: number): void {
    if (now > this.since[level]) {
      this.area[level] += this.atLeast[level] * (now - this.since[level]);
      this.since[level] = now;
    }
  }

  /** Fractions for levels 1..levels over [fromMs, endMs]; all 0 if that interval is empty. */
  fractions(endMs: number): number[] {
    const span = endMs - this.fromMs;
    const out: number[] = [];
    for (let i = 1; i <= this.levels; i++) {
      this.accumulate(i, endMs);
      out.push(span > 0 ? this.area[i] / (this.servers * span) : 0);
    }
    return out;
  }
}
