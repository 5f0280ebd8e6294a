/**
 * Side-by-side micro-benchmarks. Per-call costs of a few tens of ns drown in
 * noise (JIT tiers, GC, the other processes on two cores) unless contenders
 * are measured the same way at the same time, so the harness:
 * - warms every contender up before measuring any;
 * - measures in rounds, each round running every contender once, starting
 *   from a different one each time, so drift (thermal, GC pressure, a
 *   neighbour's build) spreads over all of them;
 * - keeps the median of the rounds, which ignores the odd GC-hit sample;
 * - reports each contender's overhead beyond a baseline measured in the same
 *   run (for policies: a bare `await fn()`), since throughput ratios hide the
 *   difference that matters when the awaited call itself costs 40–70 ns.
 *
 * Bench code may read the wall clock; src/ and simulations/ never do.
 */
export interface Contender {
  readonly name: string;
  /** One call of the thing measured; awaited when the bench is async. */
  readonly call: () => unknown;
}

export interface CompareOptions {
  readonly title: string;
  readonly contenders: readonly Contender[];
  /** Name of the contender the others' overhead is measured against (e.g. 'bare await fn()'). */
  readonly baseline: string;
  /** Name of the contender whose overhead the others' is divided by, for the "overhead ×" column. */
  readonly reference?: string;
  /** Await each call (true by default); false for synchronous code. */
  readonly async?: boolean;
  readonly rounds?: number;
  /** Target duration of one contender's sample within a round. */
  readonly sampleMs?: number;
  readonly warmupMs?: number;
  /** What one call is, for the table header ('call' by default). */
  readonly unit?: string;
}

export interface Measurement {
  readonly name: string;
  /** Median ns per call over the rounds. */
  readonly nsPerCall: number;
  readonly callsPerSecond: number;
  /** nsPerCall minus the baseline's, same run. */
  readonly overheadNs: number;
}

async function runBatch(contender: Contender, calls: number, isAsync: boolean): Promise<number> {
  const call = contender.call;
  const start = performance.now();
  if (isAsync) for (let i = 0; i < calls; i++) await call();
  else for (let i = 0; i < calls; i++) call();
  return performance.now() - start;
}

/** How many calls make a sample of about `sampleMs`, from a short timed run. */
async function calibrate(contender: Contender, sampleMs: number, isAsync: boolean): Promise<number> {
  let calls = 1;
  for (;;) {
    const ms = await runBatch(contender, calls, isAsync);
    if (ms >= sampleMs / 4 || calls >= 1 << 30) return Math.max(1, Math.round((calls * sampleMs) / Math.max(ms, 1e-3)));
    calls *= 4;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function compare(options: CompareOptions): Promise<Measurement[]> {
  const { title, contenders, baseline, reference, async: isAsync = true, rounds = 15, sampleMs = 40, warmupMs = 300, unit = 'call' } = options;
  if (!contenders.some((c) => c.name === baseline)) throw new Error(`baseline ${baseline} is not a contender`);
  if (reference !== undefined && !contenders.some((c) => c.name === reference)) throw new Error(`reference ${reference} is not a contender`);

  const batches = new Map<string, number>();
  for (const c of contenders) {
    const deadline = performance.now() + warmupMs;
    while (performance.now() < deadline) await runBatch(c, 1000, isAsync);
  }
  for (const c of contenders) batches.set(c.name, await calibrate(c, sampleMs, isAsync));

  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(round + k) % contenders.length];
      const calls = batches.get(c.name)!;
      const ms = await runBatch(c, calls, isAsync);
      samples.get(c.name)!.push((ms * 1e6) / calls);
    }
  }

  const baseNs = median(samples.get(baseline)!);
  const results: Measurement[] = contenders.map((c) => {
    const ns = median(samples.get(c.name)!);
    return { name: c.name, nsPerCall: ns, callsPerSecond: 1e9 / ns, overheadNs: ns - baseNs };
  });
  printTable(title, results, baseline, reference, rounds, unit);
  return results;
}

function printTable(title: string, results: Measurement[], baseline: string, reference: string | undefined, rounds: number, unit: string): void {
  const base = results.find((r) => r.name === baseline)!;
  const ref = reference === undefined ? undefined : results.find((r) => r.name === reference);
  const header = ['contender', `ns/${unit}`, `${unit}s/s`, `overhead vs ${baseline} (ns)`, `time × ${baseline}`];
  if (ref) header.push(`overhead × ${ref.name}`);
  const rows = results.map((r) => {
    const row = [
      r.name,
      r.nsPerCall.toFixed(1),
      formatRate(r.callsPerSecond),
      r.name === baseline ? '—' : r.overheadNs.toFixed(1),
      (r.nsPerCall / base.nsPerCall).toFixed(2),
    ];
    if (ref) row.push(r.name === baseline ? '—' : ref.overheadNs > 0 ? (r.overheadNs / ref.overheadNs).toFixed(1) : 'n/a');
    return row;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(`\n${title}  (median of ${rounds} alternating rounds, Node ${process.version})`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k`;
  return perSecond.toFixed(1);
}
