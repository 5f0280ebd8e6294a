/** A call that an Epoch can hold: the links are the call's own fields, so holding it allocates nothing. */
export interface EpochMember {
  prev: EpochMember | undefined;
  next: EpochMember | undefined;
  epoch: Epoch | undefined;
}

/**
 * The calls a timeout policy started between two ticks of its timer. They
 * share one deadline, set when the epoch closes (at the tick that ends it) to
 * that tick's time + the timeout: every call in it started at or before that
 * tick, so none of them can time out early.
 *
 * A doubly linked list through the calls themselves: a call that settles
 * unlinks itself in O(1), so a stream of fast calls leaves the list empty
 * instead of piling up until the deadline.
 */
export class Epoch {
  deadline = Infinity;
  head: EpochMember | undefined = undefined;
  private tail: EpochMember | undefined = undefined;
  /** The epoch that closed after this one. */
  later: Epoch | undefined = undefined;

  get isEmpty(): boolean {
    return this.head === undefined;
  }

  add(member: EpochMember): void {
    member.epoch = this;
    member.prev = this.tail;
    member.next = undefined;
    if (this.tail === undefined) this.head = member;
    else this.tail.next = member;
    this.tail = member;
  }

  remove(member: EpochMember): void {
    if (member.epoch !== this) return;
    if (member.prev === undefined) this.head = member.next;
    else member.prev.next = member.next;
    if (member.next === undefined) this.tail = member.prev;
    else member.next.prev = member.prev;
    member.prev = member.next = member.epoch = undefined;
  }
}
