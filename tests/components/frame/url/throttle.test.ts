import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from '../../../../src/components/frame/url/throttle.ts';

describe('throttleLatest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls in a task of its own (after the next paint, where there are frames), then at most once per interval, always ending with the latest value', () => {
    const seen: number[] = [];
    const t = throttleLatest((v: number) => seen.push(v), 250);
    t.call(1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(seen).toEqual([1]);
    for (let i = 2; i <= 10; i++) {
      vi.advanceTimersByTime(20);
      t.call(i);
    }
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([1, 10]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 10]);
  });

  it('flush delivers the pending value now; cancel drops it', () => {
    const seen: number[] = [];
    const t = throttleLatest((v: number) => seen.push(v), 250);
    t.call(1);
    t.call(2);
    t.flush();
    expect(seen).toEqual([2]);
    t.call(3);
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([2]);
  });
});
