import { tickStep } from 'd3-array';
import { ActivePassiveFailover, PriorityFailover, type SwitchKind } from '../../src/resilience/failover/index.ts';
import { worstCaseDetectionMs, type ActiveHealthCheckOptions } from '../../src/resilience/health/index.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { Simulation } from '../engine/simulation.ts';
import { SeriesRecorder } from '../engine/time-series.ts';
import { PiecewiseRate } from '../models/arrival-rate.ts';
import { BalancedCaller, type BalancedCall } from '../models/balanced-caller.ts';
import { OpenLoopClients } from '../models/clients.ts';
import { drainAndBalance } from '../models/drain-and-balance.ts';
import { primaryFaultWindows, type PrimaryFault } from '../models/failover-faults.ts';
import { FaultSchedule } from '../models/fault-schedule.ts';
import { HealthCheckDriver } from '../models/health-check-driver.ts';
import { probeAnswer } from '../models/health-probe.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { Service } from '../models/service.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { failoverSpec } from './specs/failover.ts';

const params = failoverSpec.params;

export type FailoverParams = ParamValues<typeof params>;

/** How long the client waits for an answer, ms. */
const REQUEST_TIMEOUT_MS = 1000;
/** Mean work per request, ms (exponential), with more workers than ever needed: no queueing here. */
const SERVICE_MS = 20;
const WORKERS = 200;
const PROBE_MS = 2;
/** Buckets in the timeline series, about. */
const BUCKETS = 120;

/** A switch of traffic between levels: active-passive moves it whole; priority failover when a level's share changes. */
export interface FailoverSwitch {
  readonly t: number;
  readonly kind: SwitchKind;
  /** Level that had all the traffic before (active-passive), or -1 for a partial shift. */
  readonly from: number;
  readonly to: number;
}

export interface FailoverTimeline {
  readonly endMs: number;
  readonly hosts: string[];
  /** levelOf[h]: the priority level of host h (0 is the primary level). */
  readonly levelOf: number[];
  /** The primary level's fault windows (one outage, or many short ones when flapping). */
  readonly faults: { readonly startMs: number; readonly endMs: number }[];
  /** Every health check, at the time it started, with its verdict. */
  readonly checks: { readonly t: number; readonly host: number; readonly ok: boolean }[];
  /** Threshold crossings of the health checks. */
  readonly health: { readonly t: number; readonly host: number; readonly healthy: boolean }[];
  /** Active-passive switches (failover, failback). */
  readonly switches: FailoverSwitch[];
  /** Each change of the per-level load, percent, at the time it happened (the first entry is the start). */
  readonly load: { readonly t: number; readonly perLevel: number[] }[];
  /** perHost[h][i]: host h's share of the requests sent in bucket i (0 for all in a bucket with none). */
  readonly share: { readonly bucketMs: number; readonly perHost: number[][] };
  /** Per bucket: requests sent, and requests that ended in the bucket without success (errors and timeouts). */
  readonly series: { readonly bucketMs: number; readonly requests: number[]; readonly errors: number[] };
}

export interface FailoverResult extends ScenarioResult {
  readonly summary: {
    detectionTime: number;
    detectionBound: number;
    failbackTime: number;
    failedDuringSwitch: number;
    availability: number;
    flaps: number;
    switches: number;
  } & LedgerCounts;
  readonly timeline: FailoverTimeline;
}

/**
 * A primary and its standbys behind a client that fails over on the verdict
 * of active health checks: the real ActiveHealthCheck cores, and the real
 * ActivePassiveFailover or PriorityFailover core picking each request's
 * host. The primary (level) fails for a while; how long until traffic moves,
 * how many requests fail meanwhile, how long until it comes back, and how
 * often it flaps.
 */
export const failover = defineScenario({
  ...failoverSpec,
  run(p, seed, options = {}): FailoverResult {
    const priorityMode = p.mode === 'priority';
    const perLevel = priorityMode ? p.hostsPerLevel : 1;
    const levelSizes = Array.from({ length: p.levels }, () => perLevel);
    const hostCount = p.levels * perLevel;
    const levelOf = Array.from({ length: hostCount }, (_, h) => Math.floor(h / perLevel));
    const hosts = levelOf.map((level, h) => (perLevel === 1 ? (level === 0 ? 'primary' : `standby-${level}`) : `p${level}-host-${h % perLevel}`));
    const durationMs = p.duration * 1000;
    const failAtMs = p.failAt * 1000;
    const outageEndMs = failAtMs + p.outage * 1000;
    const check: ActiveHealthCheckOptions = {
      intervalMs: p.interval,
      timeoutMs: p.timeout,
      healthyThreshold: p.healthyThreshold,
      unhealthyThreshold: p.unhealthyThreshold,
      initialJitterMs: p.interval,
    };

    const sim = new Simulation(seed);
    const kind: PrimaryFault = p.outageKind;
    const faults = primaryFaultWindows({ startMs: failAtMs, endMs: outageEndMs, kind, flapping: p.flapping, check });
    const schedules = levelOf.map((level) => new FaultSchedule(level === 0 ? faults : []));
    const services = hosts.map(
      (name, h) => new Service(sim, { name, workers: WORKERS, serviceTime: { kind: 'exponential', mean: SERVICE_MS }, faults: schedules[h] }),
    );
    const activePassive = priorityMode ? undefined : new ActivePassiveFailover({ hosts: hostCount, failbackHoldMs: p.failbackHold * 1000 });
    const priority = priorityMode ? new PriorityFailover(levelSizes) : undefined;
    const picker = activePassive ?? priority!;
    const ledger = new RequestLedger();

    const bucketMs = tickStep(0, durationMs, BUCKETS);
    const sent = new SeriesRecorder<string>(bucketMs, durationMs, hosts);
    const counts = new SeriesRecorder(bucketMs, durationMs, ['requests', 'errors'] as const);
    const checks: FailoverTimeline['checks'] = [];
    const health: FailoverTimeline['health'] = [];
    const switches: FailoverSwitch[] = [];
    const load: FailoverTimeline['load'] = [];
    const levelLoad = (): number[] => {
      if (activePassive) return levelSizes.map((_, level) => (level === activePassive.active ? 100 : 0));
      const l = priority!.load;
      return l.healthy.map((h, level) => h + l.degraded[level]);
    };
    load.push({ t: 0, perLevel: levelLoad() });

    // When the primary level lost (and got back) all its traffic, for the summary.
    let leftPrimaryAt = NaN;
    let backOnPrimaryAt = NaN;
    let timesLeftPrimary = 0;
    let timesBack = 0;
    let primaryFull = true;
    const loadChanged = (now: number) => {
      const perLevelLoad = levelLoad();
      load.push({ t: now, perLevel: perLevelLoad });
      const full = perLevelLoad[0] === 100;
      const empty = perLevelLoad[0] === 0;
      if (primaryFull && empty) {
        primaryFull = false;
        timesLeftPrimary++;
        if (Number.isNaN(leftPrimaryAt) && now >= failAtMs) leftPrimaryAt = now;
      } else if (!primaryFull && full) {
        primaryFull = true;
        timesBack++;
        if (Number.isNaN(backOnPrimaryAt) && now >= outageEndMs) backOnPrimaryAt = now;
      }
    };

    let decisionAt = Infinity;
    const scheduleDecision = () => {
      const at = activePassive!.nextDecisionAt();
      if (at === Infinity || at === decisionAt) return;
      decisionAt = at;
      sim.at(Math.max(at, sim.now), () => {
        if (decisionAt !== at) return;
        decisionAt = Infinity;
        const s = activePassive!.update(sim.now);
        if (s) {
          switches.push({ t: sim.now, kind: s.kind, from: s.from, to: s.to });
          loadChanged(sim.now);
        }
        scheduleDecision();
      });
    };

    const caller = new BalancedCaller(sim, {
      services,
      picker,
      ledger,
      timeoutMs: REQUEST_TIMEOUT_MS,
      streamName: 'failover-picks',
      observer: {
        sent: (call, now) => {
          sent.add(hosts[call.host], now);
        },
        ended: (call, now) => {
          if (call.outcome !== 'succeeded' && now < durationMs) counts.add('errors', now);
        },
      },
    });
    // Requests sent between the failure and the switch, to count those that did not succeed.
    const duringSwitch: BalancedCall[] = [];

    const probes = sim.streams.stream('probes');
    new HealthCheckDriver(sim, {
      hosts: hostCount,
      check,
      untilMs: durationMs,
      probe: (host, now) => probeAnswer(schedules[host], 0, now, probes, PROBE_MS),
      observer: {
        checked: (host, startedAt, _now, ok) => {
          checks.push({ t: startedAt, host, ok });
        },
        transition: (host, now, t) => {
          const healthy = t === 'became-healthy';
          health.push({ t: now, host, healthy });
          if (activePassive) {
            const s = activePassive.setHealthy(host, healthy, now);
            if (s) {
              switches.push({ t: now, kind: s.kind, from: s.from, to: s.to });
              loadChanged(now);
            }
            scheduleDecision();
          } else if (priority!.setHealth(host, healthy ? 'healthy' : 'unhealthy')) {
            loadChanged(now);
          }
        },
      },
    });

    const clients = new OpenLoopClients(sim, {
      rate: PiecewiseRate.constant(p.rate),
      untilMs: durationMs,
      send: () => {
        const now = sim.now;
        counts.add('requests', now);
        const call = caller.call();
        if (now >= failAtMs && Number.isNaN(leftPrimaryAt)) duringSwitch.push(call);
      },
    });
    drainAndBalance(
      sim,
      ledger,
      { arrivals: clients, untilMs: durationMs, maxTimeMs: durationMs + REQUEST_TIMEOUT_MS + 1, maxEvents: 20_000_000, fractionDone: () => sim.now / durationMs },
      options,
    );

    const counted = ledger.counts();
    const switchAt = Number.isNaN(leftPrimaryAt) ? Infinity : leftPrimaryAt;
    const failedDuringSwitch = duringSwitch.filter((c) => c.sentAt < switchAt && c.outcome !== 'succeeded').length;
    const perHost = hosts.map((id) => sent.columns[id]);
    const totals = perHost[0].map((_, b) => perHost.reduce((a, col) => a + col[b], 0));
    return {
      summary: {
        detectionTime: Number.isNaN(leftPrimaryAt) ? -1 : leftPrimaryAt - failAtMs,
        detectionBound: worstCaseDetectionMs(check),
        failbackTime: Number.isNaN(backOnPrimaryAt) ? -1 : backOnPrimaryAt - outageEndMs,
        failedDuringSwitch,
        availability: counted.requests === 0 ? 1 : counted.succeeded / counted.requests,
        flaps: activePassive ? activePassive.flaps : Math.max(0, timesLeftPrimary - 1),
        switches: activePassive ? activePassive.switches : timesLeftPrimary + timesBack,
        ...counted,
      },
      timeline: {
        endMs: durationMs,
        hosts,
        levelOf,
        faults: faults.map((w) => ({ startMs: w.startMs, endMs: Math.min(w.endMs, durationMs) })).filter((w) => w.startMs < durationMs),
        checks,
        health,
        switches,
        load,
        share: { bucketMs, perHost: perHost.map((col) => col.map((c, b) => (totals[b] > 0 ? c / totals[b] : 0))) },
        series: { bucketMs, requests: counts.columns.requests, errors: counts.columns.errors },
      },
    };
  },
});
