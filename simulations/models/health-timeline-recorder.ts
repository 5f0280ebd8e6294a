import { SeriesRecorder } from '../engine/time-series.ts';
import type { BalancedCall } from './balanced-caller.ts';
import type { TimeWindow } from './fault-schedule.ts';
import type { RotationChange, RotationKind } from './health-rotation.ts';

/**
 * The first failure and the recovery after it, for a health-check timeline:
 * every check of every backend, every threshold crossing and ejection, and
 * each backend's share of the traffic over time.
 */
export interface HealthTimeline {
  /** The timeline covers [0, endMs). */
  readonly endMs: number;
  readonly hosts: string[];
  /** What each backend is: the one that fails, the flaky one, or a steady one. */
  readonly roles: ('fails' | 'flaky' | 'steady')[];
  /** The failing backend's outage(s) within the timeline. */
  readonly failures: TimeWindow[];
  /** Each check, at the time it started, with its verdict. */
  readonly checks: { readonly t: number; readonly host: number; readonly ok: boolean }[];
  /** Threshold crossings of active checking (unhealthy, healthy) and outlier ejections and returns. */
  readonly events: { readonly t: number; readonly host: number; readonly kind: RotationKind }[];
  /** perHost[h][i]: backend h's share of the requests sent in bucket i (0 for every backend in a bucket with none). */
  readonly share: { readonly bucketMs: number; readonly perHost: number[][] };
}

/** The smallest round bucket width at or above `ms`. */
function niceBucket(ms: number): number {
  for (const b of [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 30_000, 60_000]) if (b >= ms) return b;
  return 60_000;
}

/** Records a HealthTimeline over [0, endMs): checks, rotation events, and traffic shares in about `buckets` buckets. */
export class HealthTimelineRecorder {
  private readonly checks: HealthTimeline['checks'] = [];
  private readonly events: HealthTimeline['events'] = [];
  private readonly shareCounts: SeriesRecorder<string>;
  private readonly bucketMs: number;

  constructor(
    private readonly hosts: readonly string[],
    private readonly endMs: number,
    buckets: number,
  ) {
    this.bucketMs = niceBucket(endMs / buckets);
    this.shareCounts = new SeriesRecorder<string>(this.bucketMs, endMs, hosts);
  }

  checked(host: number, startedAt: number, ok: boolean): void {
    if (startedAt < this.endMs) this.checks.push({ t: startedAt, host, ok });
  }

  rotationChanged(change: RotationChange): void {
    if (change.t < this.endMs) this.events.push({ t: change.t, host: change.host, kind: change.kind });
  }

  sent(call: BalancedCall, now: number): void {
    if (now < this.endMs) this.shareCounts.add(this.hosts[call.host], now);
  }

  timeline(roles: HealthTimeline['roles'], failures: readonly TimeWindow[]): HealthTimeline {
    const end = this.endMs;
    const perHost = this.hosts.map((id) => this.shareCounts.columns[id]);
    const bucketTotals = perHost[0].map((_, b) => perHost.reduce((a, col) => a + col[b], 0));
    return {
      endMs: end,
      hosts: [...this.hosts],
      roles,
      failures: failures.filter((f) => f.startMs < end).map((f) => ({ startMs: f.startMs, endMs: Math.min(f.endMs, end) })),
      checks: this.checks,
      events: this.events,
      share: { bucketMs: this.bucketMs, perHost: perHost.map((col) => col.map((c, b) => (bucketTotals[b] > 0 ? c / bucketTotals[b] : 0))) },
    };
  }
}
