/**
 * A bounded load test against a loopback HTTP service, through the library's
 * policies on the real clock. Without --url it starts its own faulty service
 * (examples/shared/faulty-service.ts) with the faults given by the flags.
 *
 *   scripts/load-test.sh --requests 2000 --concurrency 20 --policy retry-budget --error-rate 0.2
 */
import { exponentialBackoff, pipeline, retry, timeout, tokenBucketBudget, type Policy } from '../src/resilience/index.ts';
import { enumParam, intParam, numberParam } from '../src/params/params.ts';
import { startFaultyService, type FaultyService } from '../examples/shared/faulty-service.ts';
import { isRetryableHttpFailure } from '../examples/shared/http-error.ts';
import { runLoad } from '../examples/shared/load-runner.ts';
import { latencySummary } from '../examples/shared/latency-summary.ts';
import { parseFlags, usage } from './lib/flags.ts';
import { assertLoopbackUrl } from './lib/loopback.ts';

const specs = {
  requests: intParam({ label: 'Calls to make', min: 1, max: 100_000, default: 2000 }),
  concurrency: intParam({ label: 'Calls in flight at once', min: 1, max: 256, default: 20 }),
  maxSeconds: intParam({ label: 'Stop after this long', min: 1, max: 120, default: 30, unit: 's' }),
  policy: enumParam({ label: 'Policy', options: ['none', 'retry', 'retry-budget'] as const, default: 'retry-budget' }),
  timeout: intParam({ label: 'Per-attempt timeout', min: 1, max: 60_000, default: 1000, unit: 'ms' }),
  errorRate: numberParam({ label: 'Built-in service: share of 503s', min: 0, max: 1, default: 0.1 }),
  resetRate: numberParam({ label: 'Built-in service: share of connection resets', min: 0, max: 1, default: 0.01 }),
  latency: intParam({ label: 'Built-in service: added latency', min: 0, max: 10_000, default: 5, unit: 'ms' }),
  seed: intParam({ label: 'Built-in service: seed of its faults', min: 0, max: 2 ** 31 - 1, default: 1 }),
};

function makePolicy(name: 'none' | 'retry' | 'retry-budget', timeoutMs: number): Policy {
  if (name === 'none') return timeout(timeoutMs);
  return pipeline(
    retry({
      maxAttempts: 3,
      backoff: exponentialBackoff({ baseMs: 10, capMs: 500, jitter: 'full' }),
      retryable: isRetryableHttpFailure,
      budget: name === 'retry-budget' ? tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 }) : undefined,
    }),
    timeout(timeoutMs),
  );
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, specs, { switches: ['json', 'help'], strings: ['url'] });
  if (!parsed.ok) {
    console.error(`load-test: ${parsed.message}\n(scripts/load-test.sh --help lists the flags)`);
    return 2;
  }
  if (parsed.switches.has('help')) {
    console.log(`usage: scripts/load-test.sh [--url http://127.0.0.1:PORT/] [flags] [--json]\n\n  --url                a loopback URL to test; without it a built-in faulty service is started\n${usage(specs)}`);
    return 0;
  }
  const v = parsed.values;
  let url: string;
  let service: FaultyService | undefined;
  try {
    if (parsed.strings.url !== undefined) {
      url = assertLoopbackUrl(parsed.strings.url).href;
    } else {
      service = await startFaultyService({ seed: v.seed, faults: { errorRate: v.errorRate, resetRate: v.resetRate, latencyMs: v.latency } });
      url = service.url;
    }
  } catch (error) {
    console.error(`load-test: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  try {
    const report = await runLoad({ url, policy: makePolicy(v.policy, v.timeout), requests: v.requests, concurrency: v.concurrency, maxRunMs: v.maxSeconds * 1000 });
    const summary = {
      url,
      policy: v.policy,
      calls: report.calls,
      succeeded: report.succeeded,
      successRate: report.calls ? report.succeeded / report.calls : 0,
      failures: report.failures,
      serviceRequests: service?.stats.requests,
      callsPerSecond: Math.round((report.calls / report.elapsedMs) * 1000),
      latencyMs: latencySummary(report.latencies),
      stoppedByTimeLimit: report.timedOut,
    };
    if (parsed.switches.has('json')) console.log(JSON.stringify(summary));
    else {
      console.log(`${summary.calls} calls to ${url} through "${v.policy}" in ${(report.elapsedMs / 1000).toFixed(1)} s (${summary.callsPerSecond}/s)`);
      console.log(`succeeded ${summary.succeeded} (${(100 * summary.successRate).toFixed(1)}%); failures ${JSON.stringify(summary.failures)}`);
      if (service) console.log(`the service received ${service.stats.requests} requests (${(service.stats.requests / Math.max(1, summary.calls)).toFixed(2)} per call)`);
      console.log(`latency ms: p50 ${summary.latencyMs.p50}, p90 ${summary.latencyMs.p90}, p99 ${summary.latencyMs.p99}, max ${summary.latencyMs.max}`);
      if (report.timedOut) console.log(`stopped by the ${v.maxSeconds} s limit`);
    }
    return 0;
  } finally {
    await service?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
