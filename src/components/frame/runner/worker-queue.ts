import type { ScenarioResult } from '../../../../simulations/scenario.ts';
import type { WireRun } from './run.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

/** The part of a Worker the runner uses, so tests can hand it a fake. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** What becomes of one run sent to the worker. */
export interface TaskListener {
  progress(fraction: number): void;
  /** Called even when the task was cancelled while in flight: its result is still worth caching. */
  done(result: ScenarioResult, elapsedMs: number): void;
  error(message: string): void;
  /** The worker itself failed (e.g. its script could not load): the run was not computed and never will be there. */
  lost(): void;
}

interface Task {
  readonly id: number;
  readonly run: WireRun;
  readonly listener: TaskListener;
}

/**
 * The page's one simulation worker, shared by all its widgets: created on
 * first need and kept, so only the first job of the page waits for it to
 * load and warm up. Runs are queued here, on the page, and sent one at a
 * time with at most `depth` in flight (one computing, one waiting, so the
 * worker never idles on a round trip), and none before the worker says it
 * has loaded: until then every run can still be taken back by the page. A
 * widget cancels its stale runs by dropping them from this queue; the at
 * most `depth` runs already sent
 * finish (a run is one synchronous loop and cannot be stopped short of
 * terminating the worker, which would cost every widget a cold start) and
 * their results are cached. Background runs (`enqueueBackground`: warming
 * up ahead of the reader) are sent only when no other run waits or is in
 * flight, one at a time, so a reader's run waits behind at most one; those
 * marked soon (the steps next to the slider the reader is on) before the
 * others (a widget's warm-ups), the latest first: the reader has moved on
 * from where the earlier ones were asked.
 */
export class WorkerQueue {
  private worker: WorkerLike | undefined;
  private ready = false;
  private broken = false;
  private nextTask = 1;
  private readonly pending: Task[] = [];
  /** Background runs the reader is about to ask for (`enqueueSoon`): sent before `background`'s, the latest added first. */
  private readonly soon: Task[] = [];
  private readonly background: Task[] = [];
  private readonly inFlight = new Map<number, Task>();

  constructor(
    private readonly createWorker: () => WorkerLike | undefined,
    private readonly depth = 2,
  ) {}

  /** Whether runs can go to the worker: false where workers are unavailable or after the worker failed. Creates it on first call. */
  available(): boolean {
    if (this.broken) return false;
    if (this.worker) return true;
    const w = this.createWorker();
    if (!w) {
      this.broken = true;
      return false;
    }
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.fail();
    };
    this.worker = w;
    return true;
  }

  /** Queues one run; the function returned drops it if it has not been sent yet, and says whether it did. */
  enqueue(run: WireRun, listener: TaskListener): () => boolean {
    return this.add(this.pending, [{ run, listener }])[0];
  }

  /** Queues one run behind every other, to be sent only while the worker has nothing else to do; dropped as `enqueue`'s are. */
  enqueueBackground(run: WireRun, listener: TaskListener): () => boolean {
    return this.add(this.background, [{ run, listener }])[0];
  }

  /** Background runs the reader is about to ask for: before every other background run not yet sent, in their order. */
  enqueueSoon(runs: readonly { run: WireRun; listener: TaskListener }[]): (() => boolean)[] {
    return this.add(this.soon, runs, true);
  }

  /** Adds tasks at the end of `queue`, or all at its front in their order; one drop function each (true when it was still queued). */
  private add(queue: Task[], runs: readonly { run: WireRun; listener: TaskListener }[], first = false): (() => boolean)[] {
    const tasks: Task[] = runs.map(({ run, listener }) => ({ id: this.nextTask++, run, listener }));
    if (first) queue.unshift(...tasks);
    else queue.push(...tasks);
    this.pump();
    return tasks.map((task) => () => {
      const i = queue.indexOf(task);
      if (i >= 0) queue.splice(i, 1);
      return i >= 0;
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.ready = false;
  }

  /** Whether a run is in the worker or waiting to be sent to it, a background one included. */
  busy(): boolean {
    return this.inFlight.size > 0 || this.pending.length > 0 || this.soon.length > 0 || this.background.length > 0;
  }

  private pump(): void {
    while (this.worker && this.ready && this.inFlight.size < this.depth && this.pending.length > 0) this.send(this.pending.shift()!);
    if (this.worker && this.ready && this.inFlight.size === 0) {
      const next = this.soon.shift() ?? this.background.shift();
      if (next) this.send(next);
    }
  }

  private send(task: Task): void {
    this.inFlight.set(task.id, task);
    this.worker?.postMessage({ type: 'run', task: task.id, run: task.run });
  }

  private receive(m: FromWorker): void {
    if (m.type === 'ready') {
      this.ready = true;
      this.pump();
      return;
    }
    const task = this.inFlight.get(m.task);
    if (!task) return;
    if (m.type === 'progress') {
      task.listener.progress(m.fraction);
      return;
    }
    this.inFlight.delete(m.task);
    // The listener first: what it queues on hearing the result (a prefetch
    // that waited for this timing) competes for the free place with what
    // waited already, instead of finding it taken by the next warm-up.
    try {
      if (m.type === 'done') task.listener.done(m.result, m.elapsedMs);
      else task.listener.error(m.message);
    } finally {
      this.pump();
    }
  }

  private fail(): void {
    this.dispose();
    this.broken = true;
    const lost = [...this.inFlight.values(), ...this.pending, ...this.soon, ...this.background];
    this.inFlight.clear();
    this.pending.length = 0;
    this.soon.length = 0;
    this.background.length = 0;
    for (const t of lost) t.listener.lost();
  }
}
