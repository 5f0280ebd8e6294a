import { isProgram, runAsProgram, type Command } from '../shared/command.ts';
import { flaky, outage, runRetryExample, type RetryExampleOptions, type RunReport } from './run-retry-example.ts';

function row(r: RunReport): string {
  const unfinished = r.unfinished > 0 ? [`unfinished ${r.unfinished}`] : [];
  const failures = [...Object.entries(r.gaveUp).map(([k, v]) => `${k} ${v}`), ...unfinished].join(', ') || 'none';
  return [
    r.label.padEnd(24),
    `${((100 * r.succeeded) / Math.max(1, r.requests)).toFixed(1)}%`.padStart(7),
    (r.serviceRequests / Math.max(1, r.requests)).toFixed(2).padStart(6),
    `${r.p50Ms.toFixed(1)}`.padStart(7),
    `${r.p99Ms.toFixed(1)}`.padStart(7),
    '  ' + failures,
  ].join(' ');
}

async function show(title: string, opts: RetryExampleOptions): Promise<void> {
  console.log(`\n${title}: ${opts.requests} requests, ${opts.concurrency} at a time, faults ${JSON.stringify(opts.faults)}`);
  console.log(`${'policy'.padEnd(24)} success  load  p50 ms  p99 ms  failures`);
  for (const r of await runRetryExample(opts)) console.log(row(r));
}

export const retryExampleCommand: Command = {
  name: 'example:retry',
  invocation: 'npm run example:retry --',
  about:
    'A local HTTP service on 127.0.0.1 with injected faults, called through no retries, retries, and retries with a\n' +
    'token bucket; prints success, load on the service and latency for a flaky dependency and for one that is down.',
  flags: { params: {} },
};

async function runExample(): Promise<number> {
  console.log('A local HTTP service on 127.0.0.1 with injected faults; "load" is HTTP requests it received per call.');
  await show('Flaky dependency', flaky);
  await show('Dependency down', outage);
  return 0;
}

if (isProgram(import.meta.url)) await runAsProgram(retryExampleCommand, runExample);
