import { isProgram, runAsProgram, type Command } from '../shared/command.ts';
import { phaseNames } from './phase-report.ts';
import { defaultCircuitBreakerOptions as opts, runCircuitBreakerExample, type PolicyReport } from './run-circuit-breaker-example.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function table(p: PolicyReport): void {
  console.log(`\n${p.policy}`);
  console.log(`  ${'phase'.padEnd(8)} calls     ok  reached service  BrokenCircuit  p50 ms  p99 ms  other errors`);
  for (const r of p.phases) {
    const unfinished = r.unfinished > 0 ? [`unfinished ${r.unfinished}`] : [];
    const others = [...Object.entries(r.otherErrors).map(([k, v]) => `${k} ${v}`), ...unfinished].join(', ') || '-';
    console.log(
      `  ${r.phase.padEnd(8)}${String(r.calls).padStart(6)} ${String(r.succeeded).padStart(6)} ${String(r.reachedService).padStart(16)} ${String(r.rejectedByBreaker).padStart(14)} ${r.p50Ms.toFixed(1).padStart(7)} ${r.p99Ms.toFixed(1).padStart(7)}  ${others}`,
    );
  }
  if (p.stateChanges.length === 0) return;
  console.log('  breaker state changes:');
  for (const s of p.stateChanges) console.log(`    ${seconds(s.atMs).padStart(8)}  ${s.from} -> ${s.to} (${s.event})`);
}

export const circuitBreakerExampleCommand: Command = {
  name: 'example:circuit-breaker',
  invocation: 'npm run example:circuit-breaker --',
  about:
    'A local HTTP service on 127.0.0.1 goes down for a while; the same open-loop load runs through each policy, with and\n' +
    'without a circuit breaker, and the example prints per phase what callers saw and what reached the service (~12 s).',
  flags: { params: {} },
};

async function runExample(): Promise<number> {
  const runMs = opts.beforeMs + opts.outageMs + opts.afterMs;
  console.log(
    `A local HTTP service on 127.0.0.1 (${opts.serviceLatencyMs} ms a response) goes down (every request a 503) from ${seconds(opts.beforeMs)} to ${seconds(opts.beforeMs + opts.outageMs)}.`,
  );
  console.log(`${opts.ratePerSecond} calls/s for ${seconds(runMs)} through each policy at once, each against its own copy of the service.`);
  console.log(`Phases: ${phaseNames.join(', ')} the outage; "reached service" counts HTTP requests the service received, retries and probes included.`);
  const report = await runCircuitBreakerExample(opts);
  console.log(`(the outage really ran from ${seconds(report.outage.startMs)} to ${seconds(report.outage.endMs)})`);
  for (const p of report.policies) table(p);
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(circuitBreakerExampleCommand, runExample);
