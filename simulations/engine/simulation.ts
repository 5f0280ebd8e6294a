import { EventQueue } from './event-queue.ts';
import type { ProgressReporter } from './progress.ts';
import { RandomStreams } from './random-streams.ts';

/** Something to do at a point of virtual time. */
export type Action = () => void;

/**
 * A model that schedules events for itself without a closure per event:
 * `schedule(time, this, kind, subject)` later calls `handleEvent(kind, subject)`.
 * On the hot paths (a service finishing a job, the next arrival) this saves
 * a closure allocation per event; `kind` tells the handler's own events apart.
 */
export interface EventHandler<S> {
  handleEvent(kind: number, subject: S): void;
}

/** Why `run` returned. */
export type StopReason =
  /** `isDone` said so. */
  | 'done'
  /** Nothing left on the agenda. */
  | 'idle'
  /** The next event lies beyond `maxTimeMs`. */
  | 'time-limit'
  /** `maxEvents` events have run. */
  | 'event-limit';

export interface RunLimits {
  /** Events later than this (virtual ms) are not run. */
  readonly maxTimeMs: number;
  /** At most this many events are run; a guard against a model that never settles. */
  readonly maxEvents: number;
  /** Checked after every event; the run stops as soon as it returns true. */
  readonly isDone?: () => boolean;
  /** Polled every few thousand events. */
  readonly progress?: ProgressReporter;
}

/** How many events run between two progress polls: cheap enough to ignore, often enough for a smooth bar. */
const PROGRESS_EVERY = 4096;

/**
 * A discrete-event simulation on virtual time (ms): an agenda of actions and
 * the random streams of one seed. Actions run one at a time in time order
 * (ties in the order they were scheduled), each seeing `now` at its own time;
 * an action schedules further actions. Nothing here reads a real clock, so a
 * run is a pure function of the seed and the model.
 */
export class Simulation {
  /** Virtual time of the action being run (or of the last one run), ms. */
  now = 0;
  /** Number of actions run so far. */
  eventsRun = 0;
  readonly streams: RandomStreams;
  private readonly agenda = new EventQueue<Action | EventHandler<never>, unknown>();

  constructor(seed: number) {
    this.streams = new RandomStreams(seed);
  }

  /** Actions scheduled and not yet run. */
  get pending(): number {
    return this.agenda.size;
  }

  /** Runs `action` at virtual time `time` (ms), which may not lie in the past. */
  at(time: number, action: Action): void {
    if (time < this.now) inThePast(time, this.now);
    this.agenda.push(time, action);
  }

  /** Calls `handler.handleEvent(kind, subject)` at virtual time `time` (ms), which may not lie in the past. */
  schedule<S>(time: number, handler: EventHandler<S>, kind: number, subject: S): void {
    if (time < this.now) inThePast(time, this.now);
    this.agenda.push(time, handler, kind, subject);
  }

  /**
   * A lane for events a model schedules in time order, such as a timeout at
   * a fixed delay after each send: they wait in a FIFO beside the agenda's
   * heap (see EventQueue), and run exactly when they would have from the heap.
   */
  newLane(): number {
    return this.agenda.newLane();
  }

  /** `schedule`, through lane `lane` (from `newLane`). */
  scheduleInLane<S>(lane: number, time: number, handler: EventHandler<S>, kind: number, subject: S): void {
    if (time < this.now) inThePast(time, this.now);
    this.agenda.pushInLane(lane, time, handler, kind, subject);
  }

  /** Runs `action` `delayMs` from now. */
  after(delayMs: number, action: Action): void {
    this.at(this.now + delayMs, action);
  }

  /** Runs actions in time order until a limit is reached, `isDone` holds, or the agenda is empty. */
  run(limits: RunLimits): StopReason {
    const { maxTimeMs, maxEvents, isDone, progress } = limits;
    const agenda = this.agenda;
    let reason: StopReason = 'idle';
    while (agenda.size > 0) {
      if (isDone !== undefined && isDone()) {
        reason = 'done';
        break;
      }
      const events = this.eventsRun;
      if (events >= maxEvents) {
        // A run at both limits at once stops for its time limit.
        reason = agenda.peekTime() > maxTimeMs ? 'time-limit' : 'event-limit';
        break;
      }
      const entry = agenda.popNotAfter(maxTimeMs);
      if (entry === undefined) {
        reason = 'time-limit';
        break;
      }
      this.now = agenda.lastTime;
      this.eventsRun = events + 1;
      // The subject was pushed with this handler's own subject type by `schedule`.
      if (typeof entry === 'function') entry();
      else entry.handleEvent(agenda.lastKind, agenda.lastSubject as never);
      if (progress !== undefined && ((events + 1) & (PROGRESS_EVERY - 1)) === 0) progress.poll();
    }
    if (reason === 'idle' && isDone?.()) reason = 'done';
    return reason;
  }
}

/**
 * Out of line on purpose: a template literal inside `at` or `schedule` gets
 * inlined into every caller with them, and that alone made the queue
 * scenario run at half speed (V8 11, Node 20).
 */
function inThePast(time: number, now: number): never {
  throw new RangeError(`cannot schedule at ${time} ms: it is already ${now} ms`);
}
