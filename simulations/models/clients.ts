import { sampler, type Distribution } from '../engine/distributions.ts';
import type { EventHandler, Simulation } from '../engine/simulation.ts';
import { PoissonArrivals, type PiecewiseRate } from './arrival-rate.ts';

export interface OpenLoopOptions {
  /** Requests per second over time. */
  readonly rate: PiecewiseRate;
  /** No request starts at or after this time, ms. */
  readonly untilMs: number;
  /** No more than this many requests in all; unlimited by default. */
  readonly maxRequests?: number;
  /** Starts one request at the simulation's current time. */
  readonly send: () => void;
  /** The random stream the arrival times are drawn from. */
  readonly streamName?: string;
}

/**
 * Open-loop clients: requests arrive as a Poisson process at the given rate,
 * whatever happens to earlier ones. This is how a large population of users
 * behaves (a slow service does not make people click less), and why an
 * overloaded open system only recovers when its load drops: nothing waits.
 */
export class OpenLoopClients implements EventHandler<undefined> {
  /** Requests started so far. */
  started = 0;
  private readonly arrivals: PoissonArrivals;
  private readonly maxRequests: number;
  private finished = false;

  constructor(
    private readonly sim: Simulation,
    private readonly options: OpenLoopOptions,
  ) {
    this.maxRequests = options.maxRequests ?? Infinity;
    this.arrivals = new PoissonArrivals(options.rate, sim.streams.stream(options.streamName ?? 'arrivals'));
    this.scheduleAfter(sim.now);
  }

  /** No more requests will start. */
  get done(): boolean {
    return this.finished;
  }

  private scheduleAfter(t: number): void {
    const next = this.arrivals.next(t);
    if (next >= this.options.untilMs || this.started >= this.maxRequests) {
      this.finished = true;
      return;
    }
    this.sim.schedule(next, this, 0, undefined);
  }

  /** The next request arrives. */
  handleEvent(): void {
    this.started++;
    this.options.send();
    this.scheduleAfter(this.sim.now);
  }
}

export interface ClosedLoopOptions {
  readonly clients: number;
  /** Pause between the end of a client's request and its next one, ms; also each client's first delay. */
  readonly thinkTime: Distribution;
  /** No request starts at or after this time, ms. */
  readonly untilMs: number;
  /** Starts one request now; `done` must be called once when it has ended, whatever the outcome. */
  readonly send: (done: () => void) => void;
  readonly streamName?: string;
}

/**
 * Closed-loop clients: N clients, each sending one request, waiting for its
 * end, thinking, and sending the next. Load falls as latency rises (each
 * client waits longer between requests), which makes closed systems far
 * more forgiving of overload than open ones.
 */
export class ClosedLoopClients {
  /** Requests started so far. */
  started = 0;
  private waitingOrThinking = 0;
  private readonly think: () => number;

  constructor(
    private readonly sim: Simulation,
    private readonly options: ClosedLoopOptions,
  ) {
    if (!(Number.isInteger(options.clients) && options.clients >= 0)) throw new RangeError(`clients must be an integer >= 0, got ${options.clients}`);
    this.think = sampler(options.thinkTime, sim.streams.stream(options.streamName ?? 'think-time'));
    for (let i = 0; i < options.clients; i++) this.thinkThenSend();
  }

  /** No more requests will start: every client is past `untilMs`. */
  get done(): boolean {
    return this.waitingOrThinking === 0;
  }

  private thinkThenSend(): void {
    const at = this.sim.now + this.think();
    if (at >= this.options.untilMs) return;
    this.waitingOrThinking++;
    this.sim.at(at, () => {
      this.started++;
      let ended = false;
      this.options.send(() => {
        if (ended) throw new Error('a closed-loop request ended twice');
        ended = true;
        this.waitingOrThinking--;
        this.thinkThenSend();
      });
    });
  }
}
