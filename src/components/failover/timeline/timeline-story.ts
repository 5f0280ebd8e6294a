import type { FailoverTimeline } from '../../../../simulations/scenarios/failover.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import type { TimelineSideView } from './timeline-view.ts';

const sec = (ms: number) => num(ms / 1000);

/** Each level's share of the requests per bucket: the sum of its hosts' shares. */
export function levelShares(t: FailoverTimeline): number[][] {
  const levels = Math.max(...t.levelOf) + 1;
  return Array.from({ length: levels }, (_, level) =>
    t.share.perHost[0].map((_, b) => t.levelOf.reduce((sum, l, h) => (l === level ? sum + t.share.perHost[h][b] : sum), 0)),
  );
}

/** The stretches (ms) in which a host received requests, from its per-bucket share. */
export function servingStretches(t: FailoverTimeline, host: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const { bucketMs, perHost } = t.share;
  perHost[host].forEach((share, b) => {
    if (share <= 0) return;
    const start = b * bucketMs;
    const last = out[out.length - 1];
    if (last && last.end === start) last.end = Math.min(t.endMs, start + bucketMs);
    else out.push({ start, end: Math.min(t.endMs, start + bucketMs) });
  });
  return out;
}

/** "primary", "the primary level": what traffic leaves and comes back to, in the side's mode. */
export function primaryName(s: TimelineSideView): string {
  return s.values.mode === 'priority' ? 'the primary level' : 'the primary';
}

const howItFails: Readonly<Record<TimelineSideView['values']['outageKind'], string>> = {
  hang: 'stopped answering',
  errors: 'started answering every request with an error',
  slow: 'started answering 800 ms late',
};

/** The failure and what followed, in words: when the checks noticed, when traffic moved, what it cost, and the way back. */
export function failoverStory(s: TimelineSideView): string {
  const t = s.timeline;
  const m = s.summary;
  const v = s.values;
  const primary = primaryName(s);
  const primaryHosts = t.levelOf.map((l, h) => (l === 0 ? h : -1)).filter((h) => h >= 0);
  const firstFailed = t.checks.find((c) => primaryHosts.includes(c.host) && !c.ok && c.t >= s.failure.startMs);
  const parts: string[] = [];
  const subject = v.mode === 'priority' ? `The primary level’s ${primaryHosts.length} hosts` : 'The primary';
  parts.push(
    `${subject} ${howItFails[v.outageKind]} at ${sec(s.failure.startMs)} s${v.flapping ? `, and kept recovering and failing again until ${sec(s.failure.endMs)} s` : ` for ${num(v.outage)} s`}.`,
  );
  if (firstFailed) parts.push(`The first check to fail started at ${sec(firstFailed.t)} s.`);
  if (m.detectionTime >= 0) {
    parts.push(
      `All traffic had left ${primary} at ${sec(s.failure.startMs + m.detectionTime)} s, ${sec(m.detectionTime)} s after the failure (the worst case for these checks is ${sec(m.detectionBound)} s); ` +
        `${count(m.failedDuringSwitch)} requests sent in between failed.`,
    );
  } else {
    parts.push(`Traffic never left ${primary} completely; ${count(m.failedDuringSwitch)} requests sent after the failure failed.`);
  }
  if (v.mode === 'active-passive' && m.flaps > 0) {
    parts.push(`Traffic failed back to the primary and had to leave it again ${times(m.flaps)}: ${count(m.switches)} switches in all.`);
  }
  if (m.failbackTime >= 0) {
    const hold =
      v.mode === 'active-passive'
        ? v.failbackHold > 0
          ? ` (a hold of ${num(v.failbackHold)} s after its checks passed again)`
          : ' (no hold: at once when its checks passed again)'
        : '';
    parts.push(`Traffic was back on ${primary} ${sec(m.failbackTime)} s after the failure ended${hold}.`);
  } else {
    parts.push(`Traffic had not returned to ${primary} when the run ended at ${sec(t.endMs)} s.`);
  }
  parts.push(`Over the run, ${percent(m.availability)} of ${count(m.requests)} requests succeeded.`);
  return parts.join(' ');
}

/** "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${count(n)} times`;
}
