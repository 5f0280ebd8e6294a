import { isProgram, runAsProgram, type Command } from '../shared/command.ts';
import type { OutlierEvent } from '../../src/resilience/index.ts';
import { defaultLoadBalancingOptions as opts, runLoadBalancingExample, type ConfigurationReport } from './run-load-balancing-example.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function describeEvent(e: OutlierEvent, names: readonly string[]): string {
  const at = `${(e.at / 1000).toFixed(2)} s`.padStart(8);
  if (e.kind === 'ejected') return `${at}  ${names[e.host]} ejected (${e.reason}) for at least ${e.durationMs} ms`;
  if (e.kind === 'unejected') return `${at}  ${names[e.host]} back in rotation`;
  return `${at}  ${names[e.host]} not ejected (${e.reason}): ${e.because}`;
}

function show(r: ConfigurationReport): void {
  const names = r.backends.map((b) => b.name);
  const unfinished = r.unfinished > 0 ? `; ${r.unfinished} unfinished (stopped by the time limit)` : '';
  console.log(
    `\n${r.label}: ${r.requests} requests in ${(r.elapsedMs / 1000).toFixed(1)} s; errors ${r.errors} (${pct(r.errors / Math.max(1, r.requests))})${unfinished}; latency p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`,
  );
  console.log(`  ${'backend'.padEnd(8)}  share  before  after  errors  p50 ms  p99 ms`);
  for (const b of r.backends) {
    console.log(
      `  ${b.name.padEnd(8)}${pct(b.share).padStart(7)} ${pct(b.shareBefore).padStart(7)} ${pct(b.shareAfter).padStart(6)} ${String(b.errors).padStart(7)} ${b.p50Ms.toFixed(1).padStart(7)} ${b.p99Ms.toFixed(1).padStart(7)}`,
    );
  }
  for (const e of r.outlierEvents) console.log(`  ${describeEvent(e, names)}`);
}

export const loadBalancingExampleCommand: Command = {
  name: 'example:load-balancing',
  invocation: 'npm run example:load-balancing --',
  about:
    'Three local HTTP services on 127.0.0.1, one of which starts failing midway, balanced by the client with round\n' +
    "robin, P2C least-request and peak EWMA, with and without outlier detection; prints each backend's share.",
  flags: { params: {} },
};

async function runExample(): Promise<number> {
  console.log('Three local HTTP services on 127.0.0.1, balanced by the client:');
  for (const b of opts.backends)
    console.log(
      `  ${b.name.padEnd(6)} answers in ${b.latencyMs} ms${b.failsMidway ? ', then fails every request (503 at once) from the middle of the run' : ''}`,
    );
  console.log(
    `${opts.requests} requests per configuration, ${opts.concurrency} in flight at once; "before" and "after" are each backend's share before and after the failure.`,
  );
  for (const r of await runLoadBalancingExample(opts)) show(r);
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(loadBalancingExampleCommand, runExample);
