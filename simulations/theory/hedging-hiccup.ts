/**
 * Hedging against the "hiccup" latency model of Dean and Barroso (The Tail
 * at Scale, CACM 2013): an attempt takes fastMs with probability
 * 1 − slowFraction and slowMs otherwise, independently. With unlimited
 * workers (no queueing), no failures and no budget, the request's latency is
 * the first answer among attempts sent at 0, d, 2d, ... while none has
 * answered yet; it can take only a handful of values, and their
 * probabilities follow by enumerating the 2^k fast/slow patterns. An answer
 * at exactly a hedge's time comes first (no hedge then), as in the simulator.
 */
export interface HiccupHedging {
  readonly fastMs: number;
  readonly slowMs: number;
  readonly slowFraction: number;
  /** Hedging delay, ms; 0 means no hedging. */
  readonly delayMs: number;
  readonly maxAttempts: number;
}

export interface HiccupLatency {
  /** The values a request's latency can take, ascending, with their probabilities. */
  readonly atoms: { readonly ms: number; readonly p: number }[];
  /** Expected attempts per request. */
  readonly meanAttempts: number;
}

export function hiccupHedgedLatency(o: HiccupHedging): HiccupLatency {
  const k = o.delayMs > 0 ? o.maxAttempts : 1;
  const byValue = new Map<number, number>();
  let meanAttempts = 0;
  for (let pattern = 0; pattern < 1 << k; pattern++) {
    let p = 1;
    const latency: number[] = [];
    for (let i = 0; i < k; i++) {
      const slow = (pattern >> i) & 1;
      p *= slow ? o.slowFraction : 1 - o.slowFraction;
      latency.push(slow ? o.slowMs : o.fastMs);
    }
    if (p === 0) continue;
    let first = latency[0];
    let sent = 1;
    for (let i = 1; i < k; i++) {
      const at = i * o.delayMs;
      if (first <= at) break;
      sent++;
      first = Math.min(first, at + latency[i]);
    }
    byValue.set(first, (byValue.get(first) ?? 0) + p);
    meanAttempts += p * sent;
  }
  const atoms = [...byValue].map(([ms, p]) => ({ ms, p })).sort((a, b) => a.ms - b.ms);
  return { atoms, meanAttempts };
}

/** The smallest latency whose cumulative probability reaches q. */
export function hiccupQuantile(latency: HiccupLatency, q: number): number {
  let cumulative = 0;
  for (const a of latency.atoms) {
    cumulative += a.p;
    if (cumulative >= q - 1e-12) return a.ms;
  }
  return latency.atoms[latency.atoms.length - 1].ms;
}
