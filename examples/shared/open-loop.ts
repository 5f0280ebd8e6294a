import type { Clock } from '../../src/resilience/index.ts';

/**
 * Calls started at a fixed rate, whatever happens to the earlier ones: the
 * way users keep arriving at a service that is failing (an open loop). A
 * closed loop of N workers would instead slow down when calls are slow and
 * race when they fail fast, so the load itself would depend on the policy
 * being compared.
 *
 * Bounded: `ratePerSecond × durationMs / 1000` calls at most, none started
 * after `signal` aborts; resolves with the number of calls started when
 * every one of them has ended. `call` records its own outcome and must not
 * reject.
 */
export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly durationMs: number;
  readonly clock: Clock;
  /** Clock time the schedule counts from. */
  readonly startedAt: number;
  readonly signal?: AbortSignal;
}

export async function runOpenLoop(opts: OpenLoopOptions, call: (index: number, startMs: number) => Promise<void>): Promise<number> {
  if (!(opts.ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be positive, got ${opts.ratePerSecond}`);
  const periodMs = 1000 / opts.ratePerSecond;
  const total = Math.floor((opts.durationMs * opts.ratePerSecond) / 1000);
  const running: Promise<void>[] = [];
  for (let i = 0; i < total && !opts.signal?.aborted; i++) {
    // Each arrival is due at a fixed time from the start, so a late timer does not push the later ones back.
    const waitMs = opts.startedAt + i * periodMs - opts.clock.now();
    try {
      if (waitMs > 0) await opts.clock.sleep(waitMs, opts.signal);
    } catch {
      break;
    }
    running.push(call(i, opts.clock.now() - opts.startedAt));
  }
  await Promise.all(running);
  return running.length;
}
