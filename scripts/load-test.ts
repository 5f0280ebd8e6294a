/**
 * A bounded load test against a loopback HTTP service, through the library's
 * policies on the real clock. Without --url it starts its own faulty service
 * (examples/shared/faulty-service.ts) with the faults given by the flags.
 *
 *   scripts/load-test.sh --requests 2000 --concurrency 20 --policy retry-budget --error-rate 0.2
 */
import { exponentialBackoff, pipeline, retry, timeout, tokenBucketBudget, type Policy } from '../src/resilience/index.ts';
import { enumParam, intParam, numberParam } from '../src/params/params.ts';
import { loopbackUrlFlag } from '../src/params/loopback-url.ts';
import type { ParsedFlags } from '../src/params/flags.ts';
import { startFaultyService, type FaultyService } from '../examples/shared/faulty-service.ts';
import { isRetryableHttpFailure } from '../examples/shared/http-error.ts';
import { runLoad } from '../examples/shared/load-runner.ts';
import { latencySummary } from '../examples/shared/latency-summary.ts';
import { consoleIo, isProgram, runAsProgram, runCommand, type Command, type CommandIo } from '../examples/shared/command.ts';

const params = {
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

export const loadTestCommand: Command<typeof params> = {
  name: 'load-test',
  invocation: 'scripts/load-test.sh',
  about:
    'Sends a bounded number of GETs through a policy and reports what happened. Without --url it starts a built-in\n' +
    'faulty service on 127.0.0.1. Redirects are never followed (a 3xx counts as an answer). Calls cut off by\n' +
    '--max-seconds are reported as unfinished, apart from failures.',
  flags: {
    params,
    strings: { url: loopbackUrlFlag('a loopback URL to test; without it a built-in faulty service is started') },
    switches: { json: 'print one JSON object instead of the text report' },
    conflicts: [{ flag: 'url', refuses: ['error-rate', 'reset-rate', 'latency', 'seed'], reason: 'applies to the built-in service only' }],
  },
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

async function loadTest(flags: ParsedFlags<typeof params>, io: CommandIo): Promise<number> {
  const v = flags.values;
  const [given] = flags.strings.url ?? [];
  const service: FaultyService | undefined =
    given === undefined
      ? await startFaultyService({ seed: v.seed, faults: { errorRate: v.errorRate, resetRate: v.resetRate, latencyMs: v.latency } })
      : undefined;
  const url = service?.url ?? new URL(given).href;
  try {
    const report = await runLoad({
      url,
      policy: makePolicy(v.policy, v.timeout),
      requests: v.requests,
      concurrency: v.concurrency,
      maxRunMs: v.maxSeconds * 1000,
    });
    const summary = {
      url,
      policy: v.policy,
      calls: report.calls,
      succeeded: report.succeeded,
      successRate: report.calls ? report.succeeded / report.calls : 0,
      failures: report.failures,
      unfinished: report.unfinished,
      serviceRequests: service?.stats.requests,
      callsPerSecond: Math.round((report.calls / report.elapsedMs) * 1000),
      latencyMs: latencySummary(report.latencies),
      stoppedByTimeLimit: report.timedOut,
    };
    if (flags.switches.has('json')) {
      io.out(JSON.stringify(summary));
      return 0;
    }
    io.out(`${summary.calls} calls ended, to ${url} through "${v.policy}" in ${(report.elapsedMs / 1000).toFixed(1)} s (${summary.callsPerSecond}/s)`);
    io.out(`succeeded ${summary.succeeded} (${(100 * summary.successRate).toFixed(1)}% of the calls that ended); failures ${JSON.stringify(summary.failures)}`);
    if (report.timedOut)
      io.out(
        `stopped by the ${v.maxSeconds} s limit: ${report.unfinished} call(s) in flight then are unfinished, counted neither as successes nor as failures`,
      );
    if (service)
      io.out(`the service received ${service.stats.requests} requests (${(service.stats.requests / Math.max(1, summary.calls)).toFixed(2)} per call)`);
    io.out(`latency ms: p50 ${summary.latencyMs.p50}, p90 ${summary.latencyMs.p90}, p99 ${summary.latencyMs.p99}, max ${summary.latencyMs.max}`);
    return 0;
  } finally {
    await service?.close();
  }
}

export function main(argv: readonly string[], io: CommandIo = consoleIo): Promise<number> {
  return runCommand(loadTestCommand, argv, io, (flags) => loadTest(flags, io));
}

if (isProgram(import.meta.url)) await runAsProgram(loadTestCommand, (flags) => loadTest(flags, consoleIo));
