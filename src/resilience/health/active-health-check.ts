import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import { activeHealthCheckDefaults, activeHealthCheckLimits } from './health-options.ts';

export interface ActiveHealthCheckOptions {
  /** Time between the starts of consecutive checks, ms. */
  readonly intervalMs: number;
  /** A check with no answer by then has failed, ms. */
  readonly timeoutMs: number;
  /** Consecutive passed checks that make an unhealthy host healthy. */
  readonly healthyThreshold: number;
  /** Consecutive failed checks that make a healthy host unhealthy. */
  readonly unhealthyThreshold: number;
  /** Up to this much (uniform) is added to every interval, so checks from many checkers do not arrive in bursts. Default 0. */
  readonly intervalJitterMs?: number;
  /** The first check waits up to this much (uniform), so checkers started together spread out. Default 0. */
  readonly initialJitterMs?: number;
  /**
   * Whether the host counts as healthy before any check (default true). When
   * false, the host starts unhealthy; if its very first check passes, that
   * pass alone makes it healthy, as Envoy treats hosts at startup. Once any
   * check has failed, `healthyThreshold` passes in a row are needed (Envoy's
   * `first_check_`, cleared by the first result either way:
   * https://github.com/envoyproxy/envoy/blob/main/source/extensions/health_checkers/common/health_checker_base_impl.cc,
   * `handleSuccess` and `setUnhealthy`).
   */
  readonly startHealthy?: boolean;
}

export type HealthTransition = 'became-healthy' | 'became-unhealthy';

export function checkActiveHealthCheckOptions(o: ActiveHealthCheckOptions): void {
  const limits = activeHealthCheckLimits;
  checkNumber('intervalMs', o.intervalMs, limits.periodMs);
  checkNumber('timeoutMs', o.timeoutMs, limits.periodMs);
  checkNumber('healthyThreshold', o.healthyThreshold, limits.threshold);
  checkNumber('unhealthyThreshold', o.unhealthyThreshold, limits.threshold);
  checkNumber('intervalJitterMs', o.intervalJitterMs ?? activeHealthCheckDefaults.intervalJitterMs, limits.jitterMs);
  checkNumber('initialJitterMs', o.initialJitterMs ?? activeHealthCheckDefaults.initialJitterMs, limits.jitterMs);
}

/**
 * The longest a healthy host that starts failing every check can go on
 * being called healthy. Each of the `unhealthyThreshold` failing checks
 * starts at most one (jittered) interval after the previous one, or after
 * the previous answer when the timeout is longer than the interval; the
 * last one's verdict takes up to one timeout.
 */
export function worstCaseDetectionMs(o: ActiveHealthCheckOptions): number {
  const cycle = Math.max(o.intervalMs + (o.intervalJitterMs ?? 0), o.timeoutMs);
  return o.unhealthyThreshold * cycle + o.timeoutMs;
}

/**
 * The decision core of active health checking for one host, sans I/O: it
 * says when to send the next check and turns answers into a verdict; the
 * caller sends the probes and keeps the time.
 *
 *   at nextCheckAt():    const id = startCheck(now); send a probe
 *   on its answer:       onCheckResult(now, ok, id)
 *   at checkDeadline():  onCheckResult(now, false, id) if still unanswered
 *
 * Checks start on a fixed cadence (as Kubernetes probes do), not an interval
 * after each answer (as Envoy does), so a slow or hanging host does not
 * also slow down its own detection. A verdict needs `unhealthyThreshold`
 * failures in a row, or `healthyThreshold` passes in a row: one flaky check
 * neither ejects a host nor brings one back.
 */
export class ActiveHealthCheck {
  private isHealthy: boolean;
  /** No check has ended yet: a first pass alone may make the host healthy. */
  private firstCheck = true;
  private successes = 0;
  private failures = 0;
  private nextAt: number;
  private deadline = Infinity;
  private currentId = 0;
  private inFlight = false;
  private readonly options: ActiveHealthCheckOptions;

  constructor(
    options: ActiveHealthCheckOptions,
    now: number,
    private readonly random: RandomSource,
  ) {
    checkActiveHealthCheckOptions(options);
    this.options = options;
    this.isHealthy = options.startHealthy ?? activeHealthCheckDefaults.startHealthy;
    const initial = options.initialJitterMs ?? 0;
    this.nextAt = now + (initial > 0 ? random() * initial : 0);
  }

  get healthy(): boolean {
    return this.isHealthy;
  }

  get consecutiveSuccesses(): number {
    return this.successes;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** When the next check should start; Infinity while one is in flight. */
  nextCheckAt(): number {
    return this.inFlight ? Infinity : this.nextAt;
  }

  /** When the check in flight times out; Infinity when none is. */
  checkDeadline(): number {
    return this.inFlight ? this.deadline : Infinity;
  }

  /** Starts a check at `now`; returns its id, to pass back with its result. */
  startCheck(now: number): number {
    if (this.inFlight) throw new Error('a health check is already in flight');
    if (now < this.nextAt) throw new RangeError(`next check is due at ${this.nextAt}, not ${now}`);
    this.inFlight = true;
    this.deadline = now + this.options.timeoutMs;
    const jitter = this.options.intervalJitterMs ?? 0;
    this.nextAt = now + this.options.intervalMs + (jitter > 0 ? this.random() * jitter : 0);
    return ++this.currentId;
  }

  /**
   * The answer to check `id` (default: the one in flight). An answer after
   * the deadline counts as a failure: the check timed out. Answers to checks
   * already decided (a late reply after its timeout was reported) are
   * ignored. Returns the transition this answer caused, if any.
   */
  onCheckResult(now: number, ok: boolean, id = this.currentId): HealthTransition | null {
    if (!this.inFlight || id !== this.currentId) return null;
    this.inFlight = false;
    // When the timeout exceeds the interval the next check waits for this answer.
    if (this.nextAt < now) this.nextAt = now;
    const firstCheck = this.firstCheck;
    this.firstCheck = false;
    if (ok && now <= this.deadline) {
      this.successes++;
      this.failures = 0;
      if (!this.isHealthy && (firstCheck || this.successes >= this.options.healthyThreshold)) {
        this.isHealthy = true;
        return 'became-healthy';
      }
      return null;
    }
    this.failures++;
    this.successes = 0;
    if (this.isHealthy && this.failures >= this.options.unhealthyThreshold) {
      this.isHealthy = false;
      return 'became-unhealthy';
    }
    return null;
  }
}
