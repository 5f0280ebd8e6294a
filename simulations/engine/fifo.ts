/**
 * A first-in first-out queue on a ring buffer: O(1) push and shift without
 * the O(n) of `Array.prototype.shift`, and no copying while the queue stays
 * within its capacity (it doubles when full). A consumed slot is cleared, so
 * the queue keeps no item alive after handing it out.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = item;
    this.count++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const items = this.items;
    const item = items[this.head];
    items[this.head] = undefined;
    this.head = (this.head + 1) & (items.length - 1);
    this.count--;
    return item;
  }

  /** Doubles the capacity (a power of two, so a slot is an index & mask), oldest item first. */
  private grow(): void {
    const old = this.items;
    const items = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.count; i++) items[i] = old[(this.head + i) & (old.length - 1)];
    this.items = items;
    this.head = 0;
  }
}
