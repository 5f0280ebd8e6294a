import { Epoch, type EpochMember } from './epoch.ts';

/**
 * The epochs of a shared timer (the timeout policy's, the hedging policy's):
 * the open one, collecting the calls started since the last tick, and the
 * closed ones, oldest (earliest deadline) first. Closed epochs get later
 * deadlines in the order they close, so a queue is enough: no heap.
 */
export class EpochQueue {
  /** Calls started since the last tick; its deadline is not known yet. */
  open = new Epoch();
  private oldest: Epoch | undefined = undefined;
  private newest: Epoch | undefined = undefined;

  add(member: EpochMember): void {
    this.open.add(member);
  }

  /** Takes out the oldest closed epoch if its deadline is at or before `now`; undefined when none is due. */
  takeDue(now: number): Epoch | undefined {
    const due = this.oldest;
    if (due === undefined || due.deadline > now) return undefined;
    this.oldest = due.later;
    if (this.oldest === undefined) this.newest = undefined;
    return due;
  }

  /** Closes the open epoch with `deadline`, unless it is empty, and opens a new one. */
  close(deadline: number): void {
    if (this.open.isEmpty) return;
    this.open.deadline = deadline;
    if (this.newest === undefined) this.oldest = this.open;
    else this.newest.later = this.open;
    this.newest = this.open;
    this.open = new Epoch();
  }

  /**
   * The earliest deadline of a closed epoch that still holds a call;
   * Infinity when none does. Closed epochs whose calls all settled stay
   * queued until their deadline; this drops those at the front.
   */
  nextDeadline(): number {
    while (this.oldest !== undefined && this.oldest.isEmpty) {
      this.oldest = this.oldest.later;
      if (this.oldest === undefined) this.newest = undefined;
    }
    return this.oldest === undefined ? Infinity : this.oldest.deadline;
  }
}
