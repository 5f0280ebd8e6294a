/**
 * A chaos experiment on loopback: a healthy local service behind a
 * fault-injecting proxy, a schedule of faults (latency, errors, resets, an
 * outage, recovery), and the same load through two policies: none, and
 * retry with full jitter + per-attempt timeout + token-bucket budget. Prints
 * per phase what callers saw and what the service received.
 *
 *   scripts/chaos-simulate.sh [--calls-per-phase 200] [--concurrency 10] [--json]
 */
import { exponentialBackoff, pipeline, retry, timeout, tokenBucketBudget, type Policy } from '../src/resilience/index.ts';
import { intParam } from '../src/params/params.ts';
import { startFaultyService, type Faults } from '../examples/shared/faulty-service.ts';
import { startFaultProxy } from '../examples/shared/fault-proxy.ts';
import { isRetryableHttpFailure } from '../examples/shared/http-error.ts';
import { runLoad } from '../examples/shared/load-runner.ts';
import { latencySummary } from '../examples/shared/latency-summary.ts';
import { parseFlags, usage } from './lib/flags.ts';

const specs = {
  callsPerPhase: intParam({ label: 'Calls in each phase', min: 10, max: 5000, default: 200 }),
  concurrency: intParam({ label: 'Calls in flight at once', min: 1, max: 128, default: 10 }),
  timeout: intParam({ label: 'Per-attempt timeout', min: 10, max: 10_000, default: 250, unit: 'ms' }),
  maxSeconds: intParam({ label: 'Time limit of each phase', min: 1, max: 60, default: 20, unit: 's' }),
  seed: intParam({ label: 'Seed of the fault draws', min: 0, max: 2 ** 31 - 1, default: 1 }),
};

/** The experiment's schedule: each phase sets the proxy's faults, then runs the load. */
const phases: { name: string; faults: Partial<Faults> }[] = [
  { name: 'steady', faults: {} },
  { name: 'latency +400 ms', faults: { latencyMs: 400 } },
  { name: '30% errors', faults: { errorRate: 0.3 } },
  { name: '20% resets', faults: { resetRate: 0.2 } },
  { name: 'outage', faults: { outage: true } },
  { name: 'recovered', faults: {} },
];

const policies: { name: string; make: (timeoutMs: number) => Policy }[] = [
  { name: 'timeout only', make: (t) => timeout(t) },
  {
    name: 'retry + timeout + budget',
    make: (t) =>
      pipeline(
        retry({ maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 10, capMs: 200, jitter: 'full' }), retryable: isRetryableHttpFailure, budget: tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 }) }),
        timeout(t),
      ),
  },
];

async function main(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, specs, { switches: ['json', 'help'] });
  if (!parsed.ok) {
    console.error(`chaos-simulate: ${parsed.message}\n(scripts/chaos-simulate.sh --help lists the flags)`);
    return 2;
  }
  if (parsed.switches.has('help')) {
    console.log(`usage: scripts/chaos-simulate.sh [flags] [--json]\n${usage(specs)}`);
    return 0;
  }
  const v = parsed.values;
  const rows: Record<string, unknown>[] = [];
  for (const policy of policies) {
    const service = await startFaultyService({ seed: v.seed });
    const proxy = await startFaultProxy(service.url, { seed: v.seed });
    // One policy object for the whole schedule: its budget carries over from phase to phase, as it would in production.
    const p = policy.make(v.timeout);
    try {
      for (const phase of phases) {
        proxy.setFaults({ latencyMs: 0, errorRate: 0, resetRate: 0, outage: false, ...phase.faults });
        const before = proxy.stats.received;
        const r = await runLoad({ url: proxy.url, policy: p, requests: v.callsPerPhase, concurrency: v.concurrency, maxRunMs: v.maxSeconds * 1000 });
        rows.push({
          policy: policy.name,
          phase: phase.name,
          calls: r.calls,
          successRate: r.calls ? r.succeeded / r.calls : 0,
          load: (proxy.stats.received - before) / Math.max(1, r.calls),
          p99Ms: latencySummary(r.latencies).p99,
          failures: r.failures,
        });
      }
    } finally {
      await proxy.close();
      await service.close();
    }
  }
  if (parsed.switches.has('json')) console.log(JSON.stringify({ phases: phases.map((p) => p.name), rows }));
  else {
    console.log(`${'policy'.padEnd(26)}${'phase'.padEnd(18)}success   load  p99 ms  failures`);
    for (const r of rows) {
      console.log(
        `${String(r.policy).padEnd(26)}${String(r.phase).padEnd(18)}${(100 * (r.successRate as number)).toFixed(1).padStart(6)}% ${(r.load as number).toFixed(2).padStart(6)} ${String(r.p99Ms).padStart(7)}  ${JSON.stringify(r.failures)}`,
      );
    }
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
