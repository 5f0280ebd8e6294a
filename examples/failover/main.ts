import { isProgram, runAsProgram, type Command } from '../shared/command.ts';
import { defaultFailoverOptions as opts, runFailoverExample } from './run-failover-example.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const failoverExampleCommand: Command = {
  name: 'example:failover',
  invocation: 'npm run example:failover --',
  about:
    'Two local HTTP services on 127.0.0.1, a primary and a standby; the primary dies mid-run and comes back. Calls go\n' +
    'through active-passive failover (health checks, failback hold) and a client-side endpoint list at once; the\n' +
    'example prints the timeline and what each client saw, then hedging against a service with latency hiccups (~8 s).',
  flags: { params: {} },
};

async function runExample(): Promise<number> {
  const c = opts.check;
  console.log(`A primary and a standby HTTP service on 127.0.0.1; ${opts.ratePerSecond} calls/s for ${seconds(opts.durationMs)} through two clients at once.`);
  console.log(
    `Active-passive checks every ${c.intervalMs} ms (timeout ${c.timeoutMs} ms, ${c.unhealthyThreshold} failures to switch, ${c.healthyThreshold} passes to recover), fails back after ${seconds(opts.failbackHoldMs)} healthy; the endpoint list cools a failed endpoint for ${opts.coolDownMs} ms.`,
  );
  const report = await runFailoverExample(opts);
  console.log('\nTimeline:');
  for (const e of report.timeline) console.log(`  ${seconds(e.atMs).padStart(8)}  ${e.what}`);
  console.log(`\n${'client'.padEnd(16)} calls  failed  answered by primary / standby`);
  for (const r of report.clients)
    console.log(`${r.label.padEnd(16)}${String(r.calls).padStart(6)}${String(r.failed).padStart(8)}  ${r.byService.primary} / ${r.byService.standby}`);
  const h = opts.hedging;
  console.log(
    `\nHedging: ${h.calls} calls, ${h.concurrency} at a time, to a service answering in ${h.fastMs} ms, or ${h.slowMs} ms for ${100 * h.slowFraction} % of requests:`,
  );
  console.log(`${'policy'.padEnd(22)} load  p50 ms  p99 ms  max ms`);
  for (const r of report.hedging)
    console.log(
      `${r.label.padEnd(22)}${r.load.toFixed(2).padStart(5)}${r.p50Ms.toFixed(1).padStart(8)}${r.p99Ms.toFixed(1).padStart(8)}${r.maxMs.toFixed(1).padStart(8)}`,
    );
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(failoverExampleCommand, runExample);
