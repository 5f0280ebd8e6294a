import { describe, expect, it } from 'vitest';
import { FaultSchedule, secondsWindow } from '../../../simulations/models/fault-schedule.ts';

describe('secondsWindow', () => {
  it('turns a start and a length in seconds into a window in ms, cut at the end of the run when given', () => {
    expect(secondsWindow(20, 15)).toEqual({ startMs: 20_000, endMs: 35_000 });
    expect(secondsWindow(50, 20, 60_000)).toEqual({ startMs: 50_000, endMs: 60_000 });
    expect(secondsWindow(70, 5, 60_000)).toEqual({ startMs: 60_000, endMs: 60_000 });
  });
});

describe('FaultSchedule', () => {
  it('applies a window from its start (inclusive) to its end (exclusive)', () => {
    const faults = new FaultSchedule([{ ...secondsWindow(1, 2), fault: { kind: 'outage', mode: 'hang' } }]);
    expect([faults.outageAt(999), faults.outageAt(1000), faults.outageAt(2999), faults.outageAt(3000)]).toEqual(['none', 'hang', 'hang', 'none']);
  });
});
