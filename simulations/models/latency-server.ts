import { Fifo } from '../engine/fifo.ts';
import type { Simulation } from '../engine/simulation.ts';

/** One attempt at a LatencyServer: the caller creates it, the server fills in the state and the times. */
export class ServerJob {
  state: 'new' | 'queued' | 'serving' | 'done' | 'cancelled' = 'new';
  /** When a worker took it; NaN until then. */
  startedAt = NaN;

  constructor(
    /** Called once when the work is done, never for a cancelled job. */
    readonly done: (ok: boolean, now: number) => void,
  ) {}
}

export interface LatencyServerOptions {
  /** Jobs worked on at once; Infinity for a server that never queues. */
  readonly workers: number;
  /** Draws a job's service time, ms. */
  readonly latency: () => number;
  /** Probability that a job fails (after its service time). */
  readonly errorProbability: number;
  /** Draws for the errors. */
  readonly errorRandom: () => number;
}

/**
 * A server whose service time comes from any sampler (the Tail at Scale
 * "hiccup" model, a log-normal), with a fixed number of workers in front of
 * an unbounded FIFO queue, and cancellation: a cancelled job leaves the queue
 * or frees its worker at once, as a hedged request's losers do when the
 * server honours cancellation (gRPC propagates it).
 */
export class LatencyServer {
  /** Worker time spent, cancelled work included up to its cancellation, ms. */
  busyMs = 0;
  private busy = 0;
  private readonly queue = new Fifo<ServerJob>();

  constructor(
    private readonly sim: Simulation,
    private readonly options: LatencyServerOptions,
  ) {
    const w = options.workers;
    if (!(w === Infinity || (Number.isInteger(w) && w >= 1))) throw new RangeError(`workers must be an integer >= 1 or Infinity, got ${w}`);
    if (!(options.errorProbability >= 0 && options.errorProbability <= 1))
      throw new RangeError(`errorProbability must be in [0, 1], got ${options.errorProbability}`);
  }

  submit(job: ServerJob): void {
    if (job.state !== 'new') throw new Error(`a job is submitted once (this one is ${job.state})`);
    if (this.busy < this.options.workers) this.start(job);
    else {
      job.state = 'queued';
      this.queue.push(job);
    }
  }

  cancel(job: ServerJob): void {
    if (job.state === 'queued') job.state = 'cancelled';
    else if (job.state === 'serving') {
      job.state = 'cancelled';
      this.release(job);
    }
  }

  private start(job: ServerJob): void {
    const now = this.sim.now;
    job.state = 'serving';
    job.startedAt = now;
    this.busy++;
    const ms = this.options.latency();
    // One error draw per job, whatever the probability, so the latency stream and the error stream stay aligned.
    const ok = this.options.errorRandom() >= this.options.errorProbability;
    this.sim.after(ms, () => {
      if (job.state !== 'serving') return;
      job.state = 'done';
      this.release(job);
      job.done(ok, this.sim.now);
    });
  }

  private release(job: ServerJob): void {
    this.busyMs += this.sim.now - job.startedAt;
    this.busy--;
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      if (next.state === 'queued') {
        this.start(next);
        return;
      }
    }
  }
}
