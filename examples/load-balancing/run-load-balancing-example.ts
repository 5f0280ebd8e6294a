import { setMaxListeners } from 'node:events';
import { randomLcg } from 'd3-random';
import {
  balancerLabels,
  createBalancer,
  HealthAwareBalancer,
  OutlierDetector,
  realClock,
  timeout,
  type OutlierDetectionOptions,
  type OutlierEvent,
} from '../../src/resilience/index.ts';
import { startFaultyService, type FaultyService } from '../shared/faulty-service.ts';
import { warmUpHttpClient } from '../shared/warm-up-http-client.ts';
import { BalancedClient, type BalancedRequest } from './balanced-client.ts';
import { backendReports, type BackendReport } from './backend-report.ts';

/**
 * Client-side load balancing for real: three local HTTP services, one fast,
 * one slow, and one as fast as the first that starts failing every request
 * (a 503 at once) halfway through the run. A bounded number of requests,
 * a fixed number in flight, go through a balancer from the library, and the
 * same again with outlier detection fed by the real responses.
 */
export const balancingAlgorithms = ['round-robin', 'least-request', 'peak-ewma'] as const;
export type BalancingAlgorithm = (typeof balancingAlgorithms)[number];

export interface Configuration {
  readonly algorithm: BalancingAlgorithm;
  readonly outlierDetection: boolean;
}

export interface BackendSpec {
  readonly name: string;
  /** Latency of each response, ms. */
  readonly latencyMs: number;
  /** Fails every request, at once, from the middle of the run. */
  readonly failsMidway: boolean;
}

export interface LoadBalancingExampleOptions {
  readonly backends: readonly BackendSpec[];
  /** Requests per configuration. */
  readonly requests: number;
  /** Requests in flight at once (a closed loop: each one sent as another ends). */
  readonly concurrency: number;
  /** Per-request timeout, ms. */
  readonly timeoutMs: number;
  readonly configurations: readonly Configuration[];
  /** Seed of the balancer's random choices. */
  readonly seed: number;
  /** A configuration that takes longer is stopped (calls in flight aborted). */
  readonly maxRunMs: number;
}

export const defaultLoadBalancingOptions: LoadBalancingExampleOptions = {
  backends: [
    { name: 'fast', latencyMs: 5, failsMidway: false },
    { name: 'slow', latencyMs: 100, failsMidway: false },
    { name: 'flaky', latencyMs: 5, failsMidway: true },
  ],
  requests: 600,
  concurrency: 12,
  timeoutMs: 1000,
  configurations: balancingAlgorithms.flatMap((algorithm) => [
    { algorithm, outlierDetection: false },
    { algorithm, outlierDetection: true },
  ]),
  seed: 1,
  maxRunMs: 20_000,
};

/**
 * Envoy's outlier detection on a faster clock, sized for three backends.
 * Only the consecutive-5xx rule: among three hosts the success-rate rule
 * can never fire (the worst of three is at most √2 standard deviations
 * below the mean, short of Envoy's 1.9), and one host out is a third of
 * the cluster, over Envoy's default cap of 10%.
 */
export const exampleOutlierDetection: OutlierDetectionOptions = {
  intervalMs: 250,
  baseEjectionTimeMs: 500,
  maxEjectionTimeMs: 5000,
  maxEjectionPercent: 50,
  consecutive5xx: { threshold: 5 },
  successRate: false,
};

export interface BackendResult extends BackendReport {
  /** Requests the service itself received (a cross-check of `requests`; a request can fail before it arrives). */
  readonly received: number;
}

export interface ConfigurationReport extends Configuration {
  readonly label: string;
  /** Requests that ended, successes and errors. */
  readonly requests: number;
  readonly errors: number;
  /** Requests in flight when maxRunMs stopped the run: left out of the other counts. */
  readonly unfinished: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly elapsedMs: number;
  /** The request index from which the failing backend fails. */
  readonly failFromRequest: number;
  readonly backends: readonly BackendResult[];
  /** Ejections and returns, ms since the start of the configuration's run. */
  readonly outlierEvents: readonly OutlierEvent[];
}

export function configurationLabel(c: Configuration): string {
  return `${balancerLabels[c.algorithm]}${c.outlierDetection ? ' + outlier detection' : ''}`;
}

async function runConfiguration(c: Configuration, opts: LoadBalancingExampleOptions): Promise<ConfigurationReport> {
  const clock = realClock;
  const services: FaultyService[] = [];
  try {
    for (const b of opts.backends) services.push(await startFaultyService({ seed: opts.seed, faults: { latencyMs: b.latencyMs } }));
    const hosts = opts.backends.map((b) => ({ id: b.name, weight: 1 }));
    const picker = new HealthAwareBalancer(createBalancer(c.algorithm, hosts));
    const random = randomLcg(opts.seed);
    const startedAt = clock.now();
    const detector = c.outlierDetection ? new OutlierDetector(hosts.length, exampleOutlierDetection, 0, random) : undefined;
    const outlierEvents: OutlierEvent[] = [];
    const client = new BalancedClient({
      urls: services.map((s) => s.url),
      picker,
      detector,
      policy: timeout(opts.timeoutMs),
      random,
      clock,
      startedAt,
      onOutlierEvent: (e) => outlierEvents.push(e),
    });
    const failFromRequest = Math.floor(opts.requests / 2);
    const stop = AbortSignal.timeout(opts.maxRunMs);
    setMaxListeners(Math.max(10, 4 * opts.concurrency), stop);
    const results: BalancedRequest[] = [];
    let unfinished = 0;
    let next = 0;
    const worker = async () => {
      while (next < opts.requests && !stop.aborted) {
        const index = next++;
        if (index === failFromRequest) {
          opts.backends.forEach((b, i) => b.failsMidway && services[i].setFaults({ outage: true, latencyMs: 0 }));
        }
        const result = await client.send(index, stop);
        // A request the run's own time limit cut short is unfinished: neither a success nor an error of a backend.
        if (stop.aborted && result.error !== undefined) unfinished++;
        else results.push(result);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    const elapsedMs = clock.now() - startedAt;
    const all = backendReports(
      results,
      opts.backends.map((b) => b.name),
      failFromRequest,
    );
    return {
      ...c,
      label: configurationLabel(c),
      requests: results.length,
      errors: all.total.errors,
      unfinished,
      p50Ms: all.total.p50Ms,
      p99Ms: all.total.p99Ms,
      elapsedMs,
      failFromRequest,
      backends: all.backends.map((r, i) => ({ ...r, received: services[i].stats.requests })),
      outlierEvents,
    };
  } finally {
    for (const s of services) await s.close();
  }
}

/** Runs each configuration in turn, each against fresh services. */
export async function runLoadBalancingExample(opts: LoadBalancingExampleOptions = defaultLoadBalancingOptions): Promise<ConfigurationReport[]> {
  await warmUpHttpClient();
  const reports: ConfigurationReport[] = [];
  for (const c of opts.configurations) reports.push(await runConfiguration(c, opts));
  return reports;
}
