import { describe, expect, it } from 'vitest';
import type { EpochMember } from '../../../src/resilience/timeout/epoch.ts';
import { EpochQueue } from '../../../src/resilience/timeout/epoch-queue.ts';

const member = (): EpochMember => ({ prev: undefined, next: undefined, epoch: undefined });

/** A queue with two closed epochs: `a` due at 100, `b` at 150. */
function twoEpochs(q = new EpochQueue()) {
  const a = member();
  const b = member();
  q.add(a);
  q.close(100);
  q.add(b);
  q.close(150);
  return { q, a, b };
}

describe('EpochQueue', () => {
  it('closes the open epoch with its deadline and hands epochs out oldest first, once their deadline has come', () => {
    const { q, a, b } = twoEpochs();
    expect(q.nextDeadline()).toBe(100);
    expect(q.takeDue(99)).toBeUndefined();
    const first = q.takeDue(100)!;
    expect(first.head).toBe(a);
    expect(q.takeDue(100)).toBeUndefined();
    expect(q.takeDue(200)!.head).toBe(b);
    expect(q.takeDue(200)).toBeUndefined();
    expect(q.nextDeadline()).toBe(Infinity);
  });

  it('does not queue an empty open epoch, and skips closed epochs whose calls all left', () => {
    const empty = new EpochQueue();
    empty.close(50);
    expect(empty.nextDeadline()).toBe(Infinity);
    const { q, a, b } = twoEpochs(empty);
    a.epoch!.remove(a);
    expect(q.nextDeadline()).toBe(150);
    expect(q.takeDue(120)).toBeUndefined();
    expect(q.takeDue(150)!.head).toBe(b);
  });

  it('starts a fresh open epoch after each close', () => {
    const q = new EpochQueue();
    const a = member();
    q.add(a);
    const closed = q.open;
    q.close(10);
    expect(q.open).not.toBe(closed);
    expect(q.open.isEmpty).toBe(true);
    expect(closed.deadline).toBe(10);
  });
});
