import { ActivePassivePolicy, EndpointFailoverPolicy, hedging, realClock, type ActiveHealthCheckOptions } from '../../src/resilience/index.ts';
import { runFaultTimeline } from '../shared/fault-timeline.ts';
import { startFaultyService, type FaultyService } from '../shared/faulty-service.ts';
import { httpGet, httpStatus } from '../shared/http-get.ts';
import { latencySummary } from '../shared/latency-summary.ts';
import { runOpenLoop } from '../shared/open-loop.ts';
import { warmUpHttpClient } from '../shared/warm-up-http-client.ts';
import { startHiccupService } from './hiccup-service.ts';

/**
 * Failover for real, on loopback: a primary and a standby HTTP service; the
 * primary dies (every connection reset) for a while and comes back. The
 * same open-loop calls go through two clients at once:
 *
 *   active-passive   ActivePassivePolicy: health checks every interval, switch
 *                    after unhealthyThreshold failed checks, fail back after
 *                    the primary has been healthy for the hold
 *   endpoint list    EndpointFailoverPolicy: try the primary, on a connection
 *                    failure try the standby at once; a failed endpoint cools down
 *
 * Then hedging against a service with latency hiccups: the same calls with
 * and without a hedge after a short delay.
 */
export interface FailoverExampleOptions {
  ratePerSecond: number;
  /** The primary dies at dieAtMs and comes back at backAtMs; the run lasts durationMs. */
  dieAtMs: number;
  backAtMs: number;
  durationMs: number;
  check: ActiveHealthCheckOptions;
  failbackHoldMs: number;
  /** The endpoint list's cool-down after a failure. */
  coolDownMs: number;
  /** Per-call timeout, ms. */
  callTimeoutMs: number;
  hedging: { calls: number; concurrency: number; fastMs: number; slowMs: number; slowFraction: number; hedgeDelayMs: number; seed: number };
}

export const defaultFailoverOptions: FailoverExampleOptions = {
  ratePerSecond: 20,
  dieAtMs: 1500,
  backAtMs: 3500,
  durationMs: 6500,
  check: { intervalMs: 200, timeoutMs: 100, unhealthyThreshold: 2, healthyThreshold: 2 },
  failbackHoldMs: 1000,
  coolDownMs: 500,
  callTimeoutMs: 1000,
  hedging: { calls: 300, concurrency: 10, fastMs: 5, slowMs: 250, slowFraction: 0.05, hedgeDelayMs: 25, seed: 7 },
};

/** One line of the printed timeline. */
export interface TimelineEntry {
  readonly atMs: number;
  readonly what: string;
}

export interface ClientReport {
  readonly label: string;
  readonly calls: number;
  readonly failed: number;
  /** Calls answered by each service. */
  readonly byService: Readonly<Record<string, number>>;
}

export interface HedgingReport {
  readonly label: string;
  readonly calls: number;
  /** HTTP requests the service received per call. */
  readonly load: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface FailoverReport {
  readonly timeline: TimelineEntry[];
  readonly clients: ClientReport[];
  readonly hedging: HedgingReport[];
}

const names = ['primary', 'standby'] as const;

async function failoverPart(o: FailoverExampleOptions): Promise<Pick<FailoverReport, 'timeline' | 'clients'>> {
  const services: FaultyService[] = [await startFaultyService({ seed: 1 }), await startFaultyService({ seed: 2 })];
  const urls = services.map((s) => s.url);
  const nameOf = (url: string) => names[urls.indexOf(url)];
  const clock = realClock;
  const startedAt = clock.now();
  const at = () => Math.round(clock.now() - startedAt);
  const timeline: TimelineEntry[] = [];
  const note = (what: string) => timeline.push({ atMs: at(), what });

  const activePassive = new ActivePassivePolicy({
    endpoints: urls,
    probe: async (url, signal) => (await httpStatus(url, signal)).status === 200,
    check: o.check,
    failbackHoldMs: o.failbackHoldMs,
  });
  activePassive.onHealthChange((e) => note(`active-passive: checks judge ${names[e.endpoint]} ${e.healthy ? 'healthy' : 'unhealthy'}`));
  activePassive.onSwitch((s) => note(`active-passive: ${s.kind} ${names[s.from]} -> ${names[s.to]}`));
  const endpointList = new EndpointFailoverPolicy({ endpoints: urls, coolDownMs: o.coolDownMs, attemptTimeoutMs: o.callTimeoutMs, clock });
  let lastMove = -Infinity;
  endpointList.onFailover((e) => {
    // One line per burst of moves, not one per call.
    if (at() - lastMove > o.coolDownMs)
      note(`endpoint list: ${names[e.from]} failed (${e.error instanceof Error ? e.error.message : String(e.error)}), trying ${names[e.to]}`);
    lastMove = at();
  });

  const tallies = ['active-passive', 'endpoint list'].map((label) => ({
    label,
    calls: 0,
    failed: 0,
    byService: { primary: 0, standby: 0 } as Record<string, number>,
  }));
  const signalFor = () => AbortSignal.timeout(o.callTimeoutMs);
  activePassive.start();
  try {
    await Promise.all([
      runFaultTimeline(
        [
          { atMs: o.dieAtMs, label: 'primary dies: every connection reset', apply: () => services[0].setFaults({ resetRate: 1 }) },
          { atMs: o.backAtMs, label: 'primary is back', apply: () => services[0].setFaults({ resetRate: 0 }) },
        ],
        clock,
        startedAt,
        undefined,
        (step) => timeline.push({ atMs: Math.round(step.appliedMs), what: step.label }),
      ),
      runOpenLoop({ ratePerSecond: o.ratePerSecond, durationMs: o.durationMs, clock, startedAt }, async () => {
        const [ap, list] = tallies;
        const viaActive = activePassive
          .execute(async (url) => {
            await httpGet(url, signalFor());
            return url;
          })
          .then(
            (url) => ap.byService[nameOf(url)]++,
            () => ap.failed++,
          );
        const viaList = endpointList
          .execute(async (url, ctx) => {
            await httpGet(url, ctx.signal);
            return url;
          })
          .then(
            (url) => list.byService[nameOf(url)]++,
            () => list.failed++,
          );
        ap.calls++;
        list.calls++;
        await Promise.all([viaActive, viaList]);
      }),
    ]);
  } finally {
    await activePassive.stop();
    await Promise.all(services.map((s) => s.close()));
  }
  timeline.sort((a, b) => a.atMs - b.atMs);
  return { timeline, clients: tallies };
}

async function hedgingPart(o: FailoverExampleOptions['hedging']): Promise<HedgingReport[]> {
  const reports: HedgingReport[] = [];
  for (const hedge of [false, true]) {
    // A fresh service per run, same seed: both runs meet the same hiccups in the same order of arrival.
    const service = await startHiccupService(o);
    const policy = hedge ? hedging({ maxAttempts: 2, delayMs: o.hedgeDelayMs }) : undefined;
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < o.calls) {
        next++;
        const t0 = realClock.now();
        if (policy) await policy.execute((ctx) => httpGet(service.url, ctx.signal));
        else await httpGet(service.url, AbortSignal.timeout(10_000));
        latencies.push(realClock.now() - t0);
      }
    };
    try {
      await Promise.all(Array.from({ length: o.concurrency }, worker));
    } finally {
      await service.close();
    }
    const s = latencySummary(latencies);
    reports.push({
      label: hedge ? `hedged after ${o.hedgeDelayMs} ms` : 'no hedging',
      calls: latencies.length,
      load: service.stats.requests / latencies.length,
      p50Ms: s.p50,
      p99Ms: s.p99,
      maxMs: s.max,
    });
  }
  return reports;
}

export async function runFailoverExample(o: FailoverExampleOptions = defaultFailoverOptions): Promise<FailoverReport> {
  await warmUpHttpClient();
  const { timeline, clients } = await failoverPart(o);
  return { timeline, clients, hedging: await hedgingPart(o.hedging) };
}
