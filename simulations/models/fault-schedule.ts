/**
 * What can go wrong with a service, and when. Windows may overlap: outages
 * win over everything, error spikes combine with the base error probability
 * as independent causes, added latencies add up, and the smallest capacity
 * applies.
 */
export type Fault =
  /**
   * The service is down. 'fail-fast': every attempt is refused at once (a
   * connection refused, a 503 from a load balancer). 'hang': attempts are
   * accepted and never answered (a black hole), so only a client timeout
   * ends them. Work already queued or in service carries on either way.
   */
  | { readonly kind: 'outage'; readonly mode: 'fail-fast' | 'hang' }
  /** Each attempt started in the window fails with this probability, on top of the base error probability. */
  | { readonly kind: 'error-spike'; readonly probability: number }
  /** Each attempt started in the window takes this much longer, ms. */
  | { readonly kind: 'added-latency'; readonly ms: number }
  /** Only this many workers take new work (lost hosts, a noisy neighbour); work in progress finishes. */
  | { readonly kind: 'capacity-drop'; readonly workers: number };

/** A stretch of virtual time, [startMs, endMs): a fault, a spike, what a chart shades. */
export interface TimeWindow {
  /** Virtual time it starts, ms (inclusive). */
  readonly startMs: number;
  /** Virtual time it ends, ms (exclusive). */
  readonly endMs: number;
}

/** The window of `lengthS` seconds from `startS` seconds, as parameters give it, cut at `untilMs` (the end of the run) if given. */
export function secondsWindow(startS: number, lengthS: number, untilMs = Infinity): TimeWindow {
  return { startMs: Math.min(startS * 1000, untilMs), endMs: Math.min((startS + lengthS) * 1000, untilMs) };
}

export interface FaultWindow extends TimeWindow {
  readonly fault: Fault;
}

export type OutageMode = 'none' | 'fail-fast' | 'hang';

/** The faults in effect at a given time, read by the service on each attempt. */
export class FaultSchedule {
  readonly windows: readonly FaultWindow[];
  /**
   * The windows of each kind, in schedule order: a service asks about each
   * kind once per job, and scanning every window for each question (with
   * a kind test per window) was a few percent of a faulted run.
   */
  private readonly outages: readonly (TimeWindow & { readonly mode: 'fail-fast' | 'hang' })[];
  private readonly spikes: readonly (TimeWindow & { readonly probability: number })[];
  private readonly latencies: readonly (TimeWindow & { readonly ms: number })[];
  private readonly drops: readonly (TimeWindow & { readonly workers: number })[];

  constructor(windows: readonly FaultWindow[] = []) {
    for (const w of windows) {
      if (!(w.startMs >= 0 && w.endMs >= w.startMs)) throw new RangeError(`fault window [${w.startMs}, ${w.endMs}) is not a time interval`);
      const f = w.fault;
      if (f.kind === 'error-spike' && !(f.probability >= 0 && f.probability <= 1)) throw new RangeError(`error-spike probability must be in [0, 1], got ${f.probability}`);
      if (f.kind === 'added-latency' && !(f.ms >= 0)) throw new RangeError(`added latency must be >= 0 ms, got ${f.ms}`);
      if (f.kind === 'capacity-drop' && !(Number.isInteger(f.workers) && f.workers >= 0)) throw new RangeError(`capacity-drop workers must be an integer >= 0, got ${f.workers}`);
    }
    this.windows = windows;
    const outages: (TimeWindow & { mode: 'fail-fast' | 'hang' })[] = [];
    const spikes: (TimeWindow & { probability: number })[] = [];
    const latencies: (TimeWindow & { ms: number })[] = [];
    const drops: (TimeWindow & { workers: number })[] = [];
    for (const { startMs, endMs, fault: f } of windows) {
      if (f.kind === 'outage') outages.push({ startMs, endMs, mode: f.mode });
      else if (f.kind === 'error-spike') spikes.push({ startMs, endMs, probability: f.probability });
      else if (f.kind === 'added-latency') latencies.push({ startMs, endMs, ms: f.ms });
      else drops.push({ startMs, endMs, workers: f.workers });
    }
    this.outages = outages;
    this.spikes = spikes;
    this.latencies = latencies;
    this.drops = drops;
  }

  get isEmpty(): boolean {
    return this.windows.length === 0;
  }

  outageAt(t: number): OutageMode {
    let mode: OutageMode = 'none';
    for (const w of this.outages) {
      if (w.startMs <= t && t < w.endMs) {
        // A hang is the worse of the two: the client learns nothing until its timeout.
        if (w.mode === 'hang') return 'hang';
        mode = 'fail-fast';
      }
    }
    return mode;
  }

  /** The probability an attempt started at `t` fails, given the service's own error probability. */
  errorProbabilityAt(t: number, base: number): number {
    let ok = 1 - base;
    for (const w of this.spikes) if (w.startMs <= t && t < w.endMs) ok *= 1 - w.probability;
    return 1 - ok;
  }

  addedLatencyAt(t: number): number {
    let ms = 0;
    for (const w of this.latencies) if (w.startMs <= t && t < w.endMs) ms += w.ms;
    return ms;
  }

  /** Workers taking new work at `t`, given the service's own number. */
  workersAt(t: number, base: number): number {
    let n = base;
    for (const w of this.drops) if (w.startMs <= t && t < w.endMs) n = Math.min(n, w.workers);
    return n;
  }

  /** Times at which capacity comes back, when queued work must be picked up again. */
  capacityRestoredTimes(): number[] {
    return this.drops.map((w) => w.endMs);
  }
}
