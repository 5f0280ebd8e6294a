import type { HealthTimeline } from '../../../../simulations/scenarios/health-detection.ts';
import { outOfRotation, type OutInterval } from './rotation-intervals.ts';

/** The first failure as the timeline shows it: when the backend went down, when it left and rejoined the rotation, and what took it out. */
export interface FailureStory {
  readonly failing: number;
  readonly downAt: number;
  readonly upAt: number;
  /** The first failed check after it went down, if any. */
  readonly firstFailedCheck: number | undefined;
  /** The stretch out of rotation that began after it went down, if it was taken out within the timeline. */
  readonly out: OutInterval | undefined;
  /** False when it was still out when the timeline ends. */
  readonly rejoined: boolean;
  readonly takenOutBy: 'checks' | 'outlier detection' | undefined;
}

export function failureStory(t: HealthTimeline): FailureStory {
  const failing = t.roles.indexOf('fails');
  const f = t.failures[0];
  const out = outOfRotation(t.events, failing, t.endMs).find((o) => o.end > f.startMs && o.start >= f.startMs);
  const first = out ? t.events.find((e) => e.host === failing && e.t === out.start && (e.kind === 'unhealthy' || e.kind === 'ejected')) : undefined;
  return {
    failing,
    downAt: f.startMs,
    upAt: f.endMs,
    firstFailedCheck: t.checks.find((c) => c.host === failing && !c.ok && c.t >= f.startMs)?.t,
    out,
    rejoined: out !== undefined && out.end < t.endMs,
    takenOutBy: first ? (first.kind === 'unhealthy' ? 'checks' : 'outlier detection') : undefined,
  };
}

/** The flaky backend within the timeline: its checks and the times it was taken out. */
export function flakyRecord(t: HealthTimeline): { host: number; checks: number; failedChecks: number; removals: number } {
  const host = t.roles.indexOf('flaky');
  const checks = t.checks.filter((c) => c.host === host);
  return { host, checks: checks.length, failedChecks: checks.filter((c) => !c.ok).length, removals: outOfRotation(t.events, host, t.endMs).length };
}

/** Mean of a host's share over the buckets lying wholly inside [startMs, endMs); undefined when there are none. */
export function meanShare(t: HealthTimeline, host: number, startMs: number, endMs: number): number | undefined {
  const { bucketMs, perHost } = t.share;
  const inside = perHost[host].filter((_, i) => i * bucketMs >= startMs && (i + 1) * bucketMs <= endMs);
  return inside.length > 0 ? inside.reduce((a, b) => a + b, 0) / inside.length : undefined;
}
