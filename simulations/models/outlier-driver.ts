import type { OutlierDetector, OutlierEvent, ResponseOutcome } from '../../src/resilience/health/index.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { BalancedCall } from './balanced-caller.ts';

/**
 * How outlier detection classifies the end of a balanced call: refusals,
 * full queues and timeouts are gateway errors (Envoy maps connection
 * failures and timeouts to 503/504), an error answer is a 5xx.
 */
export function responseOutcome(call: BalancedCall): ResponseOutcome {
  switch (call.outcome) {
    case 'succeeded':
      return 'success';
    case 'failed':
      return call.refused ? 'gateway-error' : 'server-error';
    default:
      return 'gateway-error';
  }
}

/**
 * Passive health checking on virtual time: the real OutlierDetector hears
 * every response as it ends and sweeps at the times it asks for, until
 * `untilMs`. Every ejection, skipped ejection and return goes to `onEvent`.
 */
export class OutlierDriver {
  constructor(
    private readonly sim: Simulation,
    private readonly detector: OutlierDetector,
    private readonly untilMs: number,
    private readonly onEvent: (event: OutlierEvent) => void,
  ) {
    this.scheduleSweep();
  }

  /** A request to `call.host` ended now. */
  report(call: BalancedCall): void {
    if (call.host < 0) return;
    const event = this.detector.onResult(call.host, this.sim.now, responseOutcome(call));
    if (event) this.onEvent(event);
  }

  private scheduleSweep(): void {
    const at = this.detector.nextSweepAt();
    if (at >= this.untilMs) return;
    this.sim.at(at, () => {
      for (const event of this.detector.sweep(this.sim.now)) this.onEvent(event);
      this.scheduleSweep();
    });
  }
}
