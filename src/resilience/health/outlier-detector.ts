import { checkNumber } from '../options/validate.ts';
import type { RandomSource } from '../random.ts';
import { outlierDefaults as defaults, outlierLimits as limits } from './health-options.ts';
import { successRateEjectionThreshold } from './success-rate-threshold.ts';

/**
 * How a request to a host ended, as outlier detection classifies it.
 * 'gateway-error' covers 502, 503 and 504 and the failures the client sees
 * itself (timeout, reset, connection refused), which Envoy maps to 503/504;
 * 'server-error' is any other 5xx. Client errors (4xx) are 'success': the
 * host did its job.
 */
export type ResponseOutcome = 'success' | 'server-error' | 'gateway-error';

export type EjectionReason = 'consecutive-5xx' | 'consecutive-gateway-failure' | 'success-rate' | 'failure-percentage';

export type OutlierEvent =
  | {
      readonly kind: 'ejected';
      readonly host: number;
      readonly at: number;
      readonly reason: EjectionReason;
      /** How long this ejection lasts at least; it ends at the first sweep after that. */
      readonly durationMs: number;
      /** For the rate-based reasons: the host's success rate, %. */
      readonly successRate?: number;
      /** For 'success-rate': the threshold it fell below, %. */
      readonly threshold?: number;
    }
  | {
      readonly kind: 'ejection-skipped';
      readonly host: number;
      readonly at: number;
      readonly reason: EjectionReason;
      /** The host was an outlier but ejecting it would exceed maxEjectionPercent, or the enforcement draw said no. */
      readonly because: 'max-ejection-percent' | 'not-enforced';
    }
  | { readonly kind: 'unejected'; readonly host: number; readonly at: number };

export interface ConsecutiveRule {
  /** Errors in a row that make a host an outlier. */
  readonly threshold: number;
  /** Chance, %, that a detected outlier is really ejected (ramp a new rule in slowly). Default 100. */
  readonly enforcingPercent?: number;
}

export interface SuccessRateRule {
  /** Hosts with enough volume needed before any is judged; default 5. */
  readonly minimumHosts?: number;
  /** Requests a host needs in an interval to be judged; default 100. */
  readonly requestVolume?: number;
  /** Default 1.9 (Envoy's success_rate_stdev_factor 1900, in thousandths). */
  readonly stdevFactor?: number;
  readonly enforcingPercent?: number;
}

export interface FailurePercentageRule {
  /** A host failing at least this share of its requests, %, is an outlier; default 85. */
  readonly thresholdPercent?: number;
  /** Default 5. */
  readonly minimumHosts?: number;
  /** Default 50. */
  readonly requestVolume?: number;
  readonly enforcingPercent?: number;
}

/**
 * Envoy's outlier detection settings, with Envoy's defaults. A rule set to
 * false is off. Envoy ships gateway-failure and failure-percentage detection
 * with enforcement 0 (detected, never enforced), so they are off here unless
 * given.
 */
export interface OutlierDetectionOptions {
  /** Time between sweeps (rate rules, un-ejection), ms; default 10 000. */
  readonly intervalMs?: number;
  /** Default 30 000. */
  readonly baseEjectionTimeMs?: number;
  /** Default max(300 000, base). */
  readonly maxEjectionTimeMs?: number;
  /** A random 0..this ms added to each ejection, so hosts ejected together do not all return at once; default 0. */
  readonly maxEjectionTimeJitterMs?: number;
  /** Default 10. */
  readonly maxEjectionPercent?: number;
  /** Eject one host even when that alone exceeds maxEjectionPercent (small clusters); default false. */
  readonly alwaysEjectOneHost?: boolean;
  /** Default { threshold: 5 }. */
  readonly consecutive5xx?: ConsecutiveRule | false;
  /** Default off. */
  readonly consecutiveGatewayFailure?: ConsecutiveRule | false;
  /** Default on, with the defaults above. */
  readonly successRate?: SuccessRateRule | false;
  /** Default off. */
  readonly failurePercentage?: FailurePercentageRule | false;
}

/**
 * Passive health checking: Envoy's outlier detection as a sans-I/O core.
 *
 * The caller reports every response (`onResult`) and calls `sweep(now)` at
 * `nextSweepAt()`. Consecutive-error rules eject inline, the moment the
 * threshold is reached; the rate rules judge each host on the last
 * interval's requests at a sweep. An ejection lasts
 *
 *   min(baseEjectionTime × k, maxEjectionTime) (+ jitter)
 *
 * where k counts the host's recent ejections: each ejection raises k by
 * one, and each sweep that finds the host back in service for at least an
 * interval lowers it by one, so a host that keeps failing stays out longer
 * and longer, and one that recovers is forgiven over time. Ejected hosts
 * return at the first sweep after their time is up.
 *
 * No ejection may take the ejected share above maxEjectionPercent: outlier
 * detection is for the odd bad host, and when many look bad at once the
 * cause is more likely upstream of them all.
 */
export class OutlierDetector {
  readonly hostCount: number;
  private readonly intervalMs: number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly jitterMs: number;
  private readonly maxPercent: number;
  private readonly alwaysEjectOne: boolean;
  private readonly consecutive5xx: Required<ConsecutiveRule> | null;
  private readonly consecutiveGateway: Required<ConsecutiveRule> | null;
  private readonly successRate: Required<SuccessRateRule> | null;
  private readonly failurePercentage: Required<FailurePercentageRule> | null;

  private readonly count5xx: Int32Array;
  private readonly countGateway: Int32Array;
  private readonly successes: Float64Array;
  private readonly requests: Float64Array;
  private readonly ejected: Uint8Array;
  private readonly ejectedAt: Float64Array;
  private readonly unejectedAt: Float64Array;
  private readonly backoff: Int32Array;
  private readonly ejections: Int32Array;
  private readonly jitter: Float64Array;
  private ejectedTotal = 0;
  private nextSweep: number;

  constructor(
    hostCount: number,
    options: OutlierDetectionOptions,
    now: number,
    private readonly random: RandomSource,
  ) {
    this.hostCount = checkNumber('hostCount', hostCount, limits.count);
    this.intervalMs = checkNumber('intervalMs', options.intervalMs ?? defaults.intervalMs, limits.periodMs);
    this.baseMs = checkNumber('baseEjectionTimeMs', options.baseEjectionTimeMs ?? defaults.baseEjectionTimeMs, limits.periodMs);
    this.maxMs = checkNumber('maxEjectionTimeMs', options.maxEjectionTimeMs ?? Math.max(defaults.maxEjectionTimeMs, this.baseMs), {
      ...limits.periodMs,
      min: this.baseMs,
    });
    this.jitterMs = checkNumber('maxEjectionTimeJitterMs', options.maxEjectionTimeJitterMs ?? defaults.maxEjectionTimeJitterMs, limits.jitterMs);
    this.maxPercent = checkNumber('maxEjectionPercent', options.maxEjectionPercent ?? defaults.maxEjectionPercent, limits.percent);
    this.alwaysEjectOne = options.alwaysEjectOneHost ?? defaults.alwaysEjectOneHost;

    const c5 = options.consecutive5xx ?? defaults.consecutive5xx;
    this.consecutive5xx = c5 ? consecutiveRule('consecutive5xx', c5) : null;
    const cg = options.consecutiveGatewayFailure ?? false;
    this.consecutiveGateway = cg ? consecutiveRule('consecutiveGatewayFailure', cg) : null;
    const sr = options.successRate ?? {};
    const srDefaults = defaults.successRate;
    this.successRate = sr
      ? {
          minimumHosts: checkNumber('successRate.minimumHosts', sr.minimumHosts ?? srDefaults.minimumHosts, limits.count),
          requestVolume: checkNumber('successRate.requestVolume', sr.requestVolume ?? srDefaults.requestVolume, limits.count),
          stdevFactor: checkNumber('successRate.stdevFactor', sr.stdevFactor ?? srDefaults.stdevFactor, limits.stdevFactor),
          enforcingPercent: checkNumber('successRate.enforcingPercent', sr.enforcingPercent ?? srDefaults.enforcingPercent, limits.percent),
        }
      : null;
    const fp = options.failurePercentage ?? false;
    const fpDefaults = defaults.failurePercentage;
    this.failurePercentage = fp
      ? {
          thresholdPercent: checkNumber('failurePercentage.thresholdPercent', fp.thresholdPercent ?? fpDefaults.thresholdPercent, limits.percent),
          minimumHosts: checkNumber('failurePercentage.minimumHosts', fp.minimumHosts ?? fpDefaults.minimumHosts, limits.count),
          requestVolume: checkNumber('failurePercentage.requestVolume', fp.requestVolume ?? fpDefaults.requestVolume, limits.count),
          enforcingPercent: checkNumber('failurePercentage.enforcingPercent', fp.enforcingPercent ?? fpDefaults.enforcingPercent, limits.percent),
        }
      : null;

    this.count5xx = new Int32Array(hostCount);
    this.countGateway = new Int32Array(hostCount);
    this.successes = new Float64Array(hostCount);
    this.requests = new Float64Array(hostCount);
    this.ejected = new Uint8Array(hostCount);
    this.ejectedAt = new Float64Array(hostCount).fill(NaN);
    this.unejectedAt = new Float64Array(hostCount).fill(NaN);
    this.backoff = new Int32Array(hostCount);
    this.ejections = new Int32Array(hostCount);
    this.jitter = new Float64Array(hostCount);
    this.nextSweep = now + this.intervalMs;
  }

  isEjected(host: number): boolean {
    return this.ejected[host] === 1;
  }

  get ejectedCount(): number {
    return this.ejectedTotal;
  }

  /** How many times `host` has been ejected in all. */
  ejectionCount(host: number): number {
    return this.ejections[host];
  }

  /** The earliest time an ejected host can return (it returns at the first sweep from then on); NaN if not ejected. */
  ejectedUntil(host: number): number {
    return this.ejected[host] ? this.ejectedAt[host] + this.ejectionTime(host) : NaN;
  }

  nextSweepAt(): number {
    return this.nextSweep;
  }

  /**
   * Records how a request to `host` ended. Returns the ejection (or the
   * ejection that was due but skipped) this result caused, if any.
   */
  onResult(host: number, now: number, outcome: ResponseOutcome): OutlierEvent | null {
    // Typed arrays ignore writes out of range: a wrong index would be lost silently.
    if (!(host >= 0 && host < this.hostCount)) throw new RangeError(`no host ${host} among ${this.hostCount}`);
    this.requests[host]++;
    if (outcome === 'success') {
      this.successes[host]++;
      this.count5xx[host] = 0;
      this.countGateway[host] = 0;
      return null;
    }
    let event: OutlierEvent | null = null;
    if (outcome === 'gateway-error') {
      const rule = this.consecutiveGateway;
      if (++this.countGateway[host] === rule?.threshold) {
        event = this.consecutiveEjection(host, now, 'consecutive-gateway-failure', rule);
        if (event?.kind === 'ejected') return event;
      }
    } else {
      this.countGateway[host] = 0;
    }
    // Every 5xx counts here, gateway errors included, as in Envoy.
    const rule = this.consecutive5xx;
    if (++this.count5xx[host] === rule?.threshold) return this.consecutiveEjection(host, now, 'consecutive-5xx', rule) ?? event;
    return event;
  }

  /**
   * Returns hosts whose ejection time is up, judges the last interval's
   * success and failure rates, and forgives hosts that stayed in service.
   */
  sweep(now: number): OutlierEvent[] {
    const events: OutlierEvent[] = [];
    const n = this.hostCount;
    for (let h = 0; h < n; h++) {
      if (this.ejected[h] && now - this.ejectedAt[h] >= this.ejectionTime(h)) events.push(this.returnHost(h, now));
    }
    this.judgeRates(now, events);
    for (let h = 0; h < n; h++) {
      this.successes[h] = 0;
      this.requests[h] = 0;
      // Back in service for a whole interval: one ejection fewer counts against it.
      if (!this.ejected[h] && this.backoff[h] > 0 && now - this.unejectedAt[h] >= this.intervalMs) this.backoff[h]--;
    }
    this.nextSweep = now + this.intervalMs;
    return events;
  }

  /** Returns an ejected host to service early, e.g. when an active health check passes. */
  uneject(host: number, now: number): OutlierEvent | null {
    return this.ejected[host] ? this.returnHost(host, now) : null;
  }

  private ejectionTime(host: number): number {
    return Math.min(this.baseMs * this.backoff[host], this.maxMs) + this.jitter[host];
  }

  private consecutiveEjection(host: number, now: number, reason: EjectionReason, rule: Required<ConsecutiveRule>): OutlierEvent | null {
    // Envoy ignores the streak of a host already out; its counters restart when it returns.
    if (this.ejected[host]) return null;
    const event = this.eject(host, now, reason, rule.enforcingPercent);
    if (reason === 'consecutive-5xx') this.count5xx[host] = 0;
    else this.countGateway[host] = 0;
    return event;
  }

  private judgeRates(now: number, events: OutlierEvent[]): void {
    const sr = this.successRate;
    const fp = this.failurePercentage;
    if (!sr && !fp) return;
    const srHosts: number[] = [];
    const srRates: number[] = [];
    const fpHosts: number[] = [];
    for (let h = 0; h < this.hostCount; h++) {
      const volume = this.requests[h];
      if (this.ejected[h] || volume === 0) continue;
      if (sr && volume >= sr.requestVolume) {
        srHosts.push(h);
        srRates.push((100 * this.successes[h]) / volume);
      }
      if (fp && volume >= fp.requestVolume) fpHosts.push(h);
    }
    if (sr && srHosts.length > 0 && srHosts.length >= sr.minimumHosts) {
      const { threshold } = successRateEjectionThreshold(srRates, sr.stdevFactor);
      srHosts.forEach((h, i) => {
        if (srRates[i] < threshold) events.push(this.eject(h, now, 'success-rate', sr.enforcingPercent, srRates[i], threshold));
      });
    }
    if (fp && fpHosts.length > 0 && fpHosts.length >= fp.minimumHosts) {
      for (const h of fpHosts) {
        const rate = (100 * this.successes[h]) / this.requests[h];
        if (!this.ejected[h] && 100 - rate >= fp.thresholdPercent) events.push(this.eject(h, now, 'failure-percentage', fp.enforcingPercent, rate));
      }
    }
  }

  private eject(host: number, now: number, reason: EjectionReason, enforcingPercent: number, successRate?: number, threshold?: number): OutlierEvent {
    const withinCap = (100 * (this.ejectedTotal + 1)) / this.hostCount <= this.maxPercent;
    if (!withinCap && !(this.alwaysEjectOne && this.ejectedTotal === 0)) return { kind: 'ejection-skipped', host, at: now, reason, because: 'max-ejection-percent' };
    if (!this.enforced(enforcingPercent)) return { kind: 'ejection-skipped', host, at: now, reason, because: 'not-enforced' };
    this.ejected[host] = 1;
    this.ejectedTotal++;
    this.ejections[host]++;
    this.ejectedAt[host] = now;
    this.jitter[host] = this.jitterMs > 0 ? Math.floor(this.random() * (this.jitterMs + 1)) : 0;
    // Stop counting once the cap is reached, so forgiveness starts from the cap rather than from far above it.
    if (this.backoff[host] * this.baseMs < this.maxMs + this.baseMs) this.backoff[host]++;
    const event: OutlierEvent = { kind: 'ejected', host, at: now, reason, durationMs: this.ejectionTime(host) };
    if (successRate === undefined) return event;
    return threshold === undefined ? { ...event, successRate } : { ...event, successRate, threshold };
  }

  private enforced(pct: number): boolean {
    if (pct >= 100) return true;
    if (pct <= 0) return false;
    return this.random() * 100 < pct;
  }

  private returnHost(host: number, now: number): OutlierEvent {
    this.ejected[host] = 0;
    this.ejectedTotal--;
    // Fresh counters, so a few errors right after return do not complete a streak begun before it.
    this.count5xx[host] = 0;
    this.countGateway[host] = 0;
    this.unejectedAt[host] = now;
    return { kind: 'unejected', host, at: now };
  }
}

function consecutiveRule(name: string, r: ConsecutiveRule): Required<ConsecutiveRule> {
  return {
    threshold: checkNumber(`${name}.threshold`, r.threshold, limits.count),
    enforcingPercent: checkNumber(`${name}.enforcingPercent`, r.enforcingPercent ?? defaults.enforcingPercent, limits.percent),
  };
}
