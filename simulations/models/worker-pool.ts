import { Fifo } from '../engine/fifo.ts';

/** Work for a pool: started when a worker is free; it must call `release` once when it is over. */
export type PoolTask = (now: number, release: (now: number) => void) => void;

/** Hooks for metrics; each is called at the virtual time of the change. */
export interface WorkerPoolObserver {
  busyChanged(now: number, busy: number): void;
  queueChanged(now: number, waiting: number): void;
}

/**
 * A service's own workers, when what a worker does is not a drawn service
 * time but a piece of the model (local work, then a call to another service
 * that may take any time): a fixed number of workers in front of a bounded
 * FIFO queue. A worker is held until its task releases it, however long
 * that is, which is how a slow dependency ties up its callers' workers.
 */
export class WorkerPool {
  private readonly queue = new Fifo<PoolTask>();
  private busyCount = 0;

  constructor(
    readonly workers: number,
    /** Tasks that may wait for a worker; one more is shed. */
    readonly queueCapacity: number,
    private readonly observer?: WorkerPoolObserver,
  ) {
    if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
    if (!(Number.isInteger(queueCapacity) && queueCapacity >= 0)) throw new RangeError(`queueCapacity must be an integer >= 0, got ${queueCapacity}`);
  }

  get busy(): number {
    return this.busyCount;
  }

  get waiting(): number {
    return this.queue.size;
  }

  /** Starts `task` now if a worker is free, else queues it; false when the queue is full and the task is shed. */
  submit(task: PoolTask, now: number): boolean {
    if (this.busyCount < this.workers) {
      this.start(task, now);
      return true;
    }
    if (this.queue.size >= this.queueCapacity) return false;
    this.queue.push(task);
    this.observer?.queueChanged(now, this.queue.size);
    return true;
  }

  private start(task: PoolTask, now: number): void {
    this.busyCount++;
    this.observer?.busyChanged(now, this.busyCount);
    let released = false;
    task(now, (at) => {
      if (released) throw new Error('a pool task released its worker twice');
      released = true;
      this.release(at);
    });
  }

  private release(now: number): void {
    const next = this.queue.shift();
    if (next) {
      // The worker goes straight to the oldest waiting task.
      this.observer?.queueChanged(now, this.queue.size);
      this.busyCount--;
      this.start(next, now);
    } else {
      this.busyCount--;
      this.observer?.busyChanged(now, this.busyCount);
    }
  }
}
