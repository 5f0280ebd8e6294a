import { availabilityFromMtbf, downtimeMinutesPerYear, failoverAvailability, serialAvailability } from '../../src/resilience/availability/index.ts';
import type { ParamValues } from '../../src/params/params.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { Simulation } from '../engine/simulation.ts';
import { ReplicaLifecycle } from '../models/replica-lifecycle.ts';
import { RequestLedger, type LedgerCounts } from '../models/request-ledger.ts';
import { defineScenario, type ScenarioResult } from '../scenario.ts';
import { availabilitySpec } from './specs/availability.ts';

const params = availabilitySpec.params;

export type AvailabilityParams = ParamValues<typeof params>;

const HOUR_MS = 3_600_000;
const YEAR_MS = 365.25 * 24 * HOUR_MS;
/** Failures simulated at most: enough for a tight estimate, few enough for a fast run. */
const MAX_FAILURES = 200_000;
/** Synthetic probes spread evenly over the horizon: what an uptime monitor would see. */
const PROBES = 10_000;
/** The drawn window shows about this many failure-repair cycles of one replica. */
const WINDOW_CYCLES = 8;

export interface AvailabilityTimeline {
  /** The window drawn: [0, windowHours). */
  readonly windowHours: number;
  /** Per replica, its down intervals within the window, hours. */
  readonly replicas: { readonly down: [number, number][] }[];
  /** The system's down intervals within the window (no replica up, or a failover gap), hours. */
  readonly system: { readonly down: [number, number][]; readonly gaps: [number, number][] };
}

export interface AvailabilityResult extends ScenarioResult {
  readonly summary: {
    availability: number;
    theory: number;
    downtimeMinutesPerYear: number;
    theoryDowntimeMinutesPerYear: number;
    replicaAvailability: number;
    failures: number;
    outages: number;
    failovers: number;
    meanOutageMinutes: number;
    horizonYears: number;
  } & LedgerCounts;
  readonly timeline: AvailabilityTimeline;
  /** Downtime in each simulated year, minutes (at most 1000 years). */
  readonly downtimeByYear: number[];
}

/**
 * Replicas that fail and get repaired at random (exponential times, mean
 * MTBF and MTTR), in parallel (any one serves; moving traffic off a failed
 * replica costs a failover gap) or in series (all are needed), over a long
 * virtual horizon. The measured availability against the closed forms of
 * src/resilience/availability: 1 − (1 − A)^n in parallel without gap, A^n in
 * series, with A = MTBF / (MTBF + MTTR).
 */
export const availabilityScenario = defineScenario({
  ...availabilitySpec,
  run(p, seed, options = {}): AvailabilityResult {
    const mtbfMs = p.mtbf * HOUR_MS;
    const mttrMs = p.mttr * 60_000;
    const parallel = p.topology === 'parallel';
    const gapMs = parallel ? p.failoverMs : 0;
    const cycleMs = mtbfMs + mttrMs;
    const horizonMs = Math.min(p.years * YEAR_MS, (MAX_FAILURES * cycleMs) / p.replicas);
    const windowMs = Math.min(horizonMs, WINDOW_CYCLES * cycleMs);

    const sim = new Simulation(seed);
    const replicaDown: [number, number][][] = Array.from({ length: p.replicas }, () => []);
    const systemDown: [number, number][] = [];
    const gaps: [number, number][] = [];
    let systemDownSince = NaN;
    let active = 0;
    let gapUntil = -Infinity;
    let failovers = 0;
    let upCount = p.replicas;

    const systemUp = (): boolean => (parallel ? upCount > 0 && lifecycle.up[active] && sim.now >= gapUntil : upCount === p.replicas);
    const refresh = () => {
      const up = systemUp();
      if (!up && Number.isNaN(systemDownSince)) systemDownSince = sim.now;
      else if (up && !Number.isNaN(systemDownSince)) {
        systemDown.push([systemDownSince, sim.now]);
        systemDownSince = NaN;
      }
    };

    const lifecycle: ReplicaLifecycle = new ReplicaLifecycle(sim, {
      replicas: p.replicas,
      mtbfMs,
      mttrMs,
      untilMs: horizonMs,
      changed: (r, up, now) => {
        const down = replicaDown[r];
        if (!up) {
          upCount--;
          down.push([now, NaN]);
        } else {
          upCount++;
          down[down.length - 1][1] = now;
        }
        if (parallel) {
          if (!up && r === active && upCount > 0) {
            // The replica carrying traffic failed: move it to the first one up, which takes a gap.
            active = lifecycle.up.indexOf(true);
            failovers++;
            if (gapMs > 0) {
              gapUntil = now + gapMs;
              gaps.push([now, gapUntil]);
              sim.at(gapUntil, refresh);
            }
          } else if (up && upCount === 1) {
            // Back from a total outage: the repaired replica serves at once.
            active = r;
            gapUntil = -Infinity;
          }
        }
        refresh();
      },
    });
    const progress = options.onProgress ? new ProgressReporter(options.onProgress, () => sim.now / horizonMs) : undefined;
    sim.run({ maxTimeMs: horizonMs, maxEvents: 10 * MAX_FAILURES, progress });
    progress?.finish();
    // Close what is still open at the horizon.
    if (!Number.isNaN(systemDownSince)) systemDown.push([systemDownSince, horizonMs]);
    for (const down of replicaDown) if (down.length > 0 && Number.isNaN(down[down.length - 1][1])) down[down.length - 1][1] = horizonMs;

    const clip = (intervals: [number, number][]) => intervals.filter(([s]) => s < horizonMs).map(([s, e]): [number, number] => [s, Math.min(e, horizonMs)]);
    const down = clip(systemDown);
    const downMs = down.reduce((a, [s, e]) => a + (e - s), 0);
    const availability = 1 - downMs / horizonMs;

    // Probes at evenly spread times, each a request that succeeds when the system is up.
    const ledger = new RequestLedger();
    let k = 0;
    for (let i = 0; i < PROBES; i++) {
      const t = ((i + 0.5) * horizonMs) / PROBES;
      while (k < down.length && down[k][1] <= t) k++;
      const probe = { outcome: undefined };
      ledger.start(probe);
      ledger.end(probe, k < down.length && down[k][0] <= t ? 'failed' : 'succeeded');
    }
    ledger.assertBalanced();

    const years = Math.min(1000, Math.ceil(horizonMs / YEAR_MS));
    const downtimeByYear = new Array<number>(years).fill(0);
    for (const [s, e] of down) {
      for (let t = s; t < e;) {
        const y = Math.floor(t / YEAR_MS);
        const stop = Math.min(e, (y + 1) * YEAR_MS);
        if (y < years) downtimeByYear[y] += (stop - t) / 60_000;
        t = stop;
      }
    }

    const a = availabilityFromMtbf(p.mtbf, p.mttr / 60);
    const theory = parallel
      ? failoverAvailability(p.replicas, p.mtbf, p.mttr / 60, gapMs / HOUR_MS)
      : serialAvailability(new Array<number>(p.replicas).fill(a));
    const inWindow = (intervals: [number, number][]) =>
      intervals.filter(([s]) => s < windowMs).map(([s, e]): [number, number] => [s / HOUR_MS, Math.min(e, windowMs) / HOUR_MS]);
    return {
      summary: {
        availability,
        theory,
        downtimeMinutesPerYear: (1 - availability) * (YEAR_MS / 60_000),
        theoryDowntimeMinutesPerYear: downtimeMinutesPerYear(theory),
        replicaAvailability: a,
        failures: lifecycle.failures,
        outages: down.length,
        failovers,
        meanOutageMinutes: down.length === 0 ? 0 : downMs / down.length / 60_000,
        horizonYears: horizonMs / YEAR_MS,
        ...ledger.counts(),
      },
      timeline: {
        windowHours: windowMs / HOUR_MS,
        replicas: replicaDown.map((d) => ({ down: inWindow(clip(d)) })),
        system: { down: inWindow(down), gaps: inWindow(clip(gaps)) },
      },
      downtimeByYear,
    };
  },
});
