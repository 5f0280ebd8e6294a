import type { RandomSource } from '../../src/resilience/random.ts';
import { sampler, type Distribution } from '../engine/distributions.ts';
import { Fifo } from '../engine/fifo.ts';
import type { EventHandler, Simulation } from '../engine/simulation.ts';
import { FaultSchedule, type FaultWindow } from './fault-schedule.ts';

/**
 * Where a job is in the service. 'refused': turned away on arrival (queue
 * full, or an outage failing fast). 'dropped': the service will never answer
 * it (cancelled by its client, or lost in a hanging outage).
 */
export type JobState = 'new' | 'queued' | 'serving' | 'done' | 'refused' | 'dropped';

/** One attempt, as the service sees it. The client creates it; the service fills in the times and the state. */
export interface Job {
  arrivedAt: number;
  /** When a worker took it; NaN until then. */
  startedAt: number;
  state: JobState;
  /** The service's answer, called once when the work is done; never for work the service dropped. */
  respond(ok: boolean, now: number): void;
}

/** What `submit` did with a job. 'shed': the queue was full. 'refused': an outage that fails fast. */
export type Admission = 'accepted' | 'shed' | 'refused';

/** Hooks for metrics; every method is called at the virtual time of the change. */
export interface ServiceObserver {
  queueChanged(now: number, waiting: number): void;
  /** Jobs being worked on, abandoned ones included. */
  busyChanged(now: number, busy: number): void;
  /** A worker finished `job`, whether or not its client still waits for the answer. */
  workDone(now: number, job: Job): void;
}

export interface ServiceOptions {
  /** Prefix of the random streams the service draws from, so two services of one run draw independently. */
  readonly name?: string;
  /** Jobs worked on at once. */
  readonly workers: number;
  /** Jobs that may wait for a worker; one more is shed. Infinity (the default) never sheds. */
  readonly queueCapacity?: number;
  /** Time a worker spends on a job at low load, ms. */
  readonly serviceTime: Distribution;
  /** Probability that a job fails, whatever the load. */
  readonly errorProbability?: number;
  /**
   * Load-dependent latency, alpha: a job's service time is multiplied by
   * 1 + alpha · (busy − 1) / workers, busy counting the job itself, fixed when
   * the job starts. Contention for locks, caches, CPU and connection pools
   * makes a busy service slower per job, so it completes fewer jobs per second
   * exactly when it has the most to do: at full concurrency its capacity is
   * 1 + alpha · (workers − 1) / workers times lower. 0 (the default) is a
   * plain M/G/c station.
   */
  readonly contentionSlowdown?: number;
  readonly faults?: FaultSchedule | readonly FaultWindow[];
  /**
   * Whether a job whose client gave up leaves the service at once (out of the
   * queue, or freeing its worker). Off by default, as in most real services:
   * the abandoned work still occupies the service, which is what lets a
   * retry storm outlive its trigger.
   */
  readonly cancellation?: boolean;
  /**
   * Which waiting job a free worker takes: the oldest ('fifo', the default)
   * or the newest ('lifo'). Under overload LIFO serves the requests whose
   * clients are still waiting and leaves the stale ones at the bottom
   * (Facebook's adaptive LIFO, Maurer, "Fail at Scale", ACM Queue 2015).
   */
  readonly discipline?: 'fifo' | 'lifo';
  /**
   * A job that has waited this long in the queue is dropped unstarted when a
   * worker reaches it: its client has given up (set it to the client's
   * timeout), so the work would be wasted. Infinity (the default) serves everything.
   */
  readonly maxQueueWaitMs?: number;
  readonly observer?: ServiceObserver;
}

/**
 * A service with a fixed number of workers in front of a bounded FIFO queue:
 * an M/G/c/K station with optional load-dependent slowdown, errors, a fault
 * schedule and cancellation of abandoned work.
 */
/** The service's own events (see `handleEvent`). */
const FINISHED_OK = 0;
const FINISHED_FAILED = 1;

export class Service implements EventHandler<Job> {
  private readonly queue = new Fifo<Job>();
  /** The waiting jobs in LIFO order, used instead of `queue` when the discipline is 'lifo'. */
  private readonly stack: Job[] = [];
  private readonly lifo: boolean;
  private readonly maxQueueWaitMs: number;
  private readonly workers: number;
  private readonly queueCapacity: number;
  private readonly errorProbability: number;
  private readonly slowdown: number;
  private readonly cancellation: boolean;
  private readonly faults: FaultSchedule | undefined;
  /** Undefined without one: most services have none, and a call per change to an empty observer was a call site shared by every kind of observer (megamorphic). */
  private readonly observer: ServiceObserver | undefined;
  private readonly drawServiceTime: () => number;
  private readonly errorRandom: RandomSource;
  private waitingCount = 0;
  private busyCount = 0;
  /** Worker time spent so far (finished or cut short), ms. */
  busyMs = 0;

  constructor(
    private readonly sim: Simulation,
    options: ServiceOptions,
  ) {
    const { name = 'service', workers, queueCapacity = Infinity, errorProbability = 0, contentionSlowdown = 0 } = options;
    if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
    if (!(queueCapacity >= 0)) throw new RangeError(`queueCapacity must be >= 0, got ${queueCapacity}`);
    if (!(errorProbability >= 0 && errorProbability <= 1)) throw new RangeError(`errorProbability must be in [0, 1], got ${errorProbability}`);
    if (!(contentionSlowdown >= 0 && contentionSlowdown < Infinity)) throw new RangeError(`contentionSlowdown must be >= 0, got ${contentionSlowdown}`);
    this.workers = workers;
    this.queueCapacity = queueCapacity;
    this.errorProbability = errorProbability;
    this.slowdown = contentionSlowdown;
    this.cancellation = options.cancellation ?? false;
    this.lifo = options.discipline === 'lifo';
    this.maxQueueWaitMs = options.maxQueueWaitMs ?? Infinity;
    if (!(this.maxQueueWaitMs >= 0)) throw new RangeError(`maxQueueWaitMs must be >= 0, got ${this.maxQueueWaitMs}`);
    this.observer = options.observer;
    const faults = options.faults instanceof FaultSchedule ? options.faults : new FaultSchedule(options.faults);
    // No schedule at all keeps the per-job path free of window scans.
    this.faults = faults.isEmpty ? undefined : faults;
    this.drawServiceTime = sampler(options.serviceTime, sim.streams.stream(`${name}.service-time`));
    this.errorRandom = sim.streams.stream(`${name}.errors`);
    for (const t of faults.capacityRestoredTimes()) sim.at(t, () => this.pump(sim.now));
  }

  /** Jobs waiting for a worker. */
  get waiting(): number {
    return this.waitingCount;
  }

  /** Jobs being worked on, abandoned ones included. */
  get busy(): number {
    return this.busyCount;
  }

  /** Hands the service a job at `now`. Unless the answer is 'accepted', the job is over already. */
  submit(job: Job, now: number): Admission {
    if (job.state !== 'new') throw new Error(`a job is submitted once (this one is ${job.state})`);
    job.arrivedAt = now;
    const faults = this.faults;
    if (faults) {
      const outage = faults.outageAt(now);
      if (outage === 'fail-fast') {
        job.state = 'refused';
        return 'refused';
      }
      if (outage === 'hang') {
        job.state = 'dropped';
        return 'accepted';
      }
    }
    if (this.waitingCount === 0 && this.busyCount < this.workersAt(now)) {
      this.start(job, now);
      return 'accepted';
    }
    if (this.waitingCount >= this.queueCapacity) {
      job.state = 'refused';
      return 'shed';
    }
    job.state = 'queued';
    if (this.lifo) this.stack.push(job);
    else this.queue.push(job);
    this.waitingCount++;
    this.observer?.queueChanged(now, this.waitingCount);
    return 'accepted';
  }

  /**
   * The client stopped waiting for `job`. With cancellation on, the job leaves
   * the queue, or frees its worker, at once; without, nothing changes.
   */
  abandon(job: Job, now: number): void {
    if (!this.cancellation) return;
    if (job.state === 'queued') {
      // The entry stays in the FIFO and is skipped when it reaches the head.
      job.state = 'dropped';
      this.waitingCount--;
      this.observer?.queueChanged(now, this.waitingCount);
    } else if (job.state === 'serving') {
      job.state = 'dropped';
      this.release(job, now);
      this.pump(now);
    }
  }

  private workersAt(now: number): number {
    return this.faults ? this.faults.workersAt(now, this.workers) : this.workers;
  }

  private start(job: Job, now: number): void {
    this.busyCount++;
    this.observer?.busyChanged(now, this.busyCount);
    job.state = 'serving';
    job.startedAt = now;
    let ms = this.drawServiceTime();
    if (this.slowdown > 0) ms *= 1 + (this.slowdown * (this.busyCount - 1)) / this.workers;
    let p = this.errorProbability;
    if (this.faults) {
      ms += this.faults.addedLatencyAt(now);
      p = this.faults.errorProbabilityAt(now, p);
    }
    const ok = p === 0 || this.errorRandom() >= p;
    // No closure per job: the agenda calls handleEvent with the job and the outcome as the event's kind.
    this.sim.schedule(now + ms, this, ok ? FINISHED_OK : FINISHED_FAILED, job);
  }

  /** A job's work is done: kind says whether it went well. */
  handleEvent(kind: number, job: Job): void {
    this.finish(job, kind === FINISHED_OK);
  }

  private finish(job: Job, ok: boolean): void {
    // A job cancelled while in service already gave its worker back.
    if (job.state !== 'serving') return;
    const now = this.sim.now;
    job.state = 'done';
    this.release(job, now);
    this.observer?.workDone(now, job);
    this.pump(now);
    job.respond(ok, now);
  }

  private release(job: Job, now: number): void {
    this.busyMs += now - job.startedAt;
    this.busyCount--;
    this.observer?.busyChanged(now, this.busyCount);
  }

  /** Gives waiting jobs to free workers, oldest first (newest first under LIFO). */
  private pump(now: number): void {
    if (this.waitingCount === 0) return;
    const limit = this.workersAt(now);
    const before = this.waitingCount;
    while (this.busyCount < limit && this.waitingCount > 0) {
      const job = this.lifo ? this.stack.pop()! : this.queue.shift()!;
      if (job.state !== 'queued') continue;
      this.waitingCount--;
      if (now - job.arrivedAt >= this.maxQueueWaitMs) {
        // Nobody answers a dropped job; its client's own timeout ends the attempt.
        job.state = 'dropped';
        continue;
      }
      this.start(job, now);
    }
    if (this.waitingCount !== before) this.observer?.queueChanged(now, this.waitingCount);
  }
}
