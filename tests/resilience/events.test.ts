import { describe, expect, it } from 'vitest';
import { EventEmitter } from '../../src/resilience/events.ts';

describe('EventEmitter', () => {
  it('calls listeners in subscription order until they are disposed', () => {
    const e = new EventEmitter<number>();
    const log: string[] = [];
    expect(e.hasListeners).toBe(false);
    const a = e.subscribe((n) => log.push(`a${n}`));
    e.subscribe((n) => log.push(`b${n}`));
    expect(e.hasListeners).toBe(true);
    e.emit(1);
    a.dispose();
    a.dispose(); // twice is harmless
    e.emit(2);
    expect(log).toEqual(['a1', 'b1', 'b2']);
  });

  it('does not skip a listener when another disposes itself during emit', () => {
    const e = new EventEmitter<void>();
    const log: string[] = [];
    const first = e.subscribe(() => {
      log.push('first');
      first.dispose();
    });
    e.subscribe(() => log.push('second'));
    e.emit();
    e.emit();
    expect(log).toEqual(['first', 'second', 'second']);
  });
});
