import type { RotationKind } from '../../../../simulations/scenarios/health-detection.ts';

export interface RotationEventLike {
  readonly t: number;
  readonly host: number;
  readonly kind: RotationKind;
}

export interface OutInterval {
  readonly start: number;
  /** Where the timeline ends when the host is still out then. */
  readonly end: number;
}

/**
 * When a host was out of rotation: failed active checks and an outlier
 * ejection each take it out, and it is back only when neither holds, as
 * the health-aware balancer sees it.
 */
export function outOfRotation(events: readonly RotationEventLike[], host: number, endMs: number): OutInterval[] {
  const out: OutInterval[] = [];
  let unhealthy = false;
  let ejected = false;
  let since = NaN;
  for (const e of events) {
    if (e.host !== host) continue;
    const wasOut = unhealthy || ejected;
    if (e.kind === 'unhealthy') unhealthy = true;
    else if (e.kind === 'healthy') unhealthy = false;
    else if (e.kind === 'ejected') ejected = true;
    else ejected = false;
    const isOut = unhealthy || ejected;
    if (!wasOut && isOut) since = e.t;
    else if (wasOut && !isOut) out.push({ start: since, end: e.t });
  }
  if (unhealthy || ejected) out.push({ start: since, end: endMs });
  return out;
}
