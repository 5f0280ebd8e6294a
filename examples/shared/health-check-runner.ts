import {
  ActiveHealthCheck,
  realClock,
  type ActiveHealthCheckOptions,
  type Clock,
  type HealthTransition,
  type RandomSource,
} from '../../src/resilience/index.ts';
import { httpStatus } from './http-get.ts';

/**
 * Active health checking on the real clock: one ActiveHealthCheck core per
 * target, driven as its contract says (start a check when it is due, hand
 * back the answer or, at the deadline, a failure), with real HTTP GETs
 * (a 2xx passes; redirects are not followed).
 * Bounded: no check starts after `durationMs`, and an abort of `signal`
 * stops everything at once.
 */
export interface HealthTarget {
  readonly name: string;
  readonly url: string;
}

export interface HealthCheckRunOptions {
  readonly targets: readonly HealthTarget[];
  readonly check: ActiveHealthCheckOptions;
  readonly durationMs: number;
  /** The jitter's random source. */
  readonly random: RandomSource;
  readonly clock?: Clock;
  /** Clock time the run's timestamps count from; now by default. */
  readonly startedAt?: number;
  readonly signal?: AbortSignal;
  /** Called at each transition, as it happens. */
  readonly onTransition?: (t: TransitionRecord) => void;
}

export interface TransitionRecord {
  /** ms since the start of the run. */
  readonly atMs: number;
  readonly target: string;
  readonly transition: HealthTransition;
  /** Checks in a row that led to it. */
  readonly streak: number;
  /** What the last of them got: 'HTTP 200', 'HTTP 503', 'timeout', 'connection error'. */
  readonly lastAnswer: string;
}

export interface TargetReport extends HealthTarget {
  readonly checks: number;
  readonly passed: number;
  /**
   * Healthy at the end, as far as anyone can tell: the core says so and at
   * least one check passed. A core starts a host healthy so that a new run
   * sends it traffic at once, but a target this run never saw pass (dead from
   * the start, in a run shorter than `unhealthyThreshold` checks) is not
   * known to be healthy, and a report must not say it is.
   */
  readonly healthy: boolean;
  /**
   * How late this target's timers woke up in all, ms. Each late wake
   * delays every later check of the target, so this is how much the real
   * clock may have added to a detection time beyond the core's bound.
   */
  readonly timerLateMs: number;
}

export interface HealthCheckRun {
  readonly targets: readonly TargetReport[];
  readonly transitions: readonly TransitionRecord[];
}

/** One probe: a GET that passes on a 2xx within the timeout. */
async function probe(url: string, timeoutMs: number, clock: Clock, stop: AbortSignal): Promise<{ ok: boolean; answer: string }> {
  const cancel = new AbortController();
  const onStop = () => cancel.abort();
  stop.addEventListener('abort', onStop, { once: true });
  const answered = httpStatus(url, cancel.signal).then(
    ({ status }) => ({ ok: status >= 200 && status < 300, answer: `HTTP ${status}` }),
    // Aborted: the deadline or the run's stop came first, and the race is already decided.
    () => ({ ok: false, answer: cancel.signal.aborted ? 'aborted' : 'connection error' }),
  );
  const timedOut = clock.sleep(timeoutMs, cancel.signal).then(
    () => ({ ok: false, answer: 'timeout' }),
    () => new Promise<never>(() => {}),
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    // Whichever lost: stop the request, or release the timer.
    cancel.abort();
    stop.removeEventListener('abort', onStop);
  }
}

export async function runHealthChecks(o: HealthCheckRunOptions): Promise<HealthCheckRun> {
  const clock = o.clock ?? realClock;
  const startedAt = o.startedAt ?? clock.now();
  const stop = o.signal ?? new AbortController().signal;
  const since = () => clock.now() - startedAt;
  const transitions: TransitionRecord[] = [];

  const checkTarget = async (target: HealthTarget): Promise<TargetReport> => {
    const core = new ActiveHealthCheck(o.check, since(), o.random);
    let checks = 0;
    let passed = 0;
    let lateMs = 0;
    for (;;) {
      const due = core.nextCheckAt();
      if (due >= o.durationMs || stop.aborted) break;
      try {
        if (due > since()) await clock.sleep(due - since(), stop);
      } catch {
        break;
      }
      // A timer can fire a hair early for the clock it is compared with; the core refuses a check before it is due.
      const now = Math.max(since(), due);
      lateMs += now - due;
      const id = core.startCheck(now);
      const deadline = core.checkDeadline();
      const reply = await probe(target.url, deadline - now, clock, stop);
      if (stop.aborted) break;
      const at = since();
      if (reply.answer === 'timeout') lateMs += Math.max(0, at - deadline);
      // An answer handled after the deadline is a timeout to the core as well.
      const answer = at > deadline ? 'timeout' : reply.answer;
      checks++;
      const transition = core.onCheckResult(at, reply.ok, id);
      if (reply.ok && at <= deadline) passed++;
      if (transition) {
        const record: TransitionRecord = {
          atMs: at,
          target: target.name,
          transition,
          streak: transition === 'became-healthy' ? core.consecutiveSuccesses : core.consecutiveFailures,
          lastAnswer: answer,
        };
        transitions.push(record);
        o.onTransition?.(record);
      }
    }
    return { ...target, checks, passed, healthy: core.healthy && passed > 0, timerLateMs: lateMs };
  };

  const targets = await Promise.all(o.targets.map(checkTarget));
  return { targets, transitions };
}
