import {
  CircuitBreakerCore,
  exponentialBackoff,
  InjectionCore,
  RetryCore,
  ratioBudget,
  type CircuitBreakerCoreOptions,
  type Experiment,
  type FaultAction,
} from '../../src/resilience/index.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { FaultWindow } from '../models/fault-schedule.ts';
import { Service } from '../models/service.ts';
import { CallingService } from './calling-service.ts';
import { HopCaller, type HopDefences } from './hop-caller.ts';
import { HostGroup, type ResetInjection } from './host-group.ts';
import { StoppableFaults } from './stoppable-faults.ts';

import { simulatedTargets, type DefendedHops, type SimulatedTarget } from './system-names.ts';

export { defendedHops, simulatedTargets, type DefendedHops, type SimulatedTarget } from './system-names.ts';

/** Which defences every hop has; each one is a switch. */
export interface SystemDefences {
  readonly timeouts: boolean;
  /** Up to two retries with full-jitter backoff, under a retry budget per hop (retries at most 20% of calls over 10 s, Finagle's default share). */
  readonly retries: boolean;
  readonly breaker: boolean;
  readonly bulkhead: boolean;
  readonly fallback: boolean;
  /** Which hops have these defences: all three (the default), the edge's two calls only, or B's call to the store only; the others have none. */
  readonly hops?: DefendedHops;
}

export const noDefences: SystemDefences = { timeouts: false, retries: false, breaker: false, bulkhead: false, fallback: false };

/** Hosts per service; the blast radius is a whole number of them. */
export const HOSTS_PER_SERVICE = 10;
const WORKERS_PER_HOST = 4;
const QUEUE_PER_HOST = 50;
/** Work per request on a host at low load, ms: A answers the edge itself, B does its part and calls the store. */
const SERVICE_TIME = {
  a: { kind: 'log-normal', median: 40, sigma: 0.5 },
  b: { kind: 'log-normal', median: 20, sigma: 0.5 },
  store: { kind: 'log-normal', median: 30, sigma: 0.5 },
} as const;
/** Per-attempt timeouts, each a few times the hop's usual p99. */
const TIMEOUT_MS = { edgeToA: 250, edgeToB: 400, bToStore: 200 } as const;
/**
 * One breaker per hop, over all the callee's hosts. A window of 100 calls: a
 * 20-call window, slid at hundreds of calls a second, trips on chance runs of
 * failures when only a few hosts are bad.
 */
const BREAKER: CircuitBreakerCoreOptions = {
  detection: { kind: 'count-window', windowSize: 100, minimumCalls: 50, failureRateThreshold: 50 },
  openDuration: 5000,
  halfOpen: { probes: 3 },
};
/** In-flight attempts per hop: about twice what a healthy hop has in flight at 300 req/s, so that only a pile-up is refused. */
const BULKHEAD = 100;

function hopDefences(d: SystemDefences, timeoutMs: number): HopDefences {
  return {
    timeoutMs: d.timeouts ? timeoutMs : undefined,
    retry: d.retries
      ? new RetryCore({ maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 20, capMs: 200, jitter: 'full' }), budget: ratioBudget({ ratio: 0.2, windowMs: 10_000 }) })
      : undefined,
    breaker: d.breaker ? new CircuitBreakerCore(BREAKER) : undefined,
    bulkheadSize: d.bulkhead ? BULKHEAD : undefined,
    fallback: d.fallback,
  };
}

/** The host faults an action puts on one affected host. */
function hostFault(action: FaultAction): FaultWindow | undefined {
  const window = { startMs: action.startMs, endMs: action.startMs + action.durationMs };
  const f = action.fault;
  switch (f.kind) {
    case 'latency':
      return { ...window, fault: { kind: 'added-latency', ms: f.ms } };
    case 'errors':
      return { ...window, fault: { kind: 'error-spike', probability: f.rate } };
    case 'capacity-drop':
      return { ...window, fault: { kind: 'capacity-drop', workers: Math.max(1, Math.round(WORKERS_PER_HOST * f.remaining)) } };
    case 'resets':
      return undefined;
  }
}

export function isSimulatedTarget(name: string): name is SimulatedTarget {
  return (simulatedTargets as readonly string[]).includes(name);
}

/**
 * A three-tier system on virtual time: an edge that calls services A and B
 * for every request (in parallel), and B, which calls a store before it
 * answers. Each service is HOSTS_PER_SERVICE hosts; each hop has the same
 * switchable defences. An experiment's faults reach the first
 * round(blastRadius · hosts) hosts of their target (at least one).
 */
export class ThreeTierSystem {
  readonly edgeToA: HopCaller;
  readonly edgeToB: HopCaller;
  readonly bToStore: HopCaller;
  /** Hosts of a target that the faults reach. */
  readonly affectedHosts: number;
  private readonly faults: Record<SimulatedTarget, StoppableFaults[]> = { a: [], b: [], store: [] };
  private readonly stoppedAt: Record<SimulatedTarget, number> = { a: Infinity, b: Infinity, store: Infinity };

  constructor(sim: Simulation, experiment: Experiment, defences: SystemDefences) {
    for (const a of experiment.method) {
      if (!isSimulatedTarget(a.target)) throw new RangeError(`action "${a.name}": unknown target "${a.target}"; the simulated system has ${simulatedTargets.join(', ')}`);
    }
    for (const r of experiment.rollbacks) {
      if (!isSimulatedTarget(r.target)) throw new RangeError(`rollback "${r.name}": unknown target "${r.target}"; the simulated system has ${simulatedTargets.join(', ')}`);
    }
    this.affectedHosts = Math.max(1, Math.round(experiment.blastRadius * HOSTS_PER_SERVICE));
    const affected = new Set(Array.from({ length: this.affectedHosts }, (_, i) => i));
    const tier = (name: SimulatedTarget): HostGroup => {
      const actions = experiment.method.filter((a) => a.target === name);
      const windows = actions.map(hostFault).filter((w): w is FaultWindow => w !== undefined);
      const hosts = Array.from({ length: HOSTS_PER_SERVICE }, (_, i) => {
        const faults = affected.has(i) && windows.length > 0 ? new StoppableFaults(windows) : undefined;
        if (faults) this.faults[name].push(faults);
        return new Service(sim, { name: `${name}.${i}`, workers: WORKERS_PER_HOST, queueCapacity: QUEUE_PER_HOST, serviceTime: SERVICE_TIME[name], faults });
      });
      const resetWindows = actions.filter((a) => a.fault.kind === 'resets');
      const resets: ResetInjection | undefined =
        resetWindows.length === 0
          ? undefined
          : {
              affected,
              random: sim.streams.stream(`${name}.resets`),
              // Off outside the reset windows and after the faults were stopped, so that it draws nothing then.
              core: new InjectionCore({
                enabled: () => sim.now < this.stoppedAt[name] && resetWindows.some((a) => a.startMs <= sim.now && sim.now < a.startMs + a.durationMs),
                injectionRate: () => resetRate(resetWindows, sim.now),
              }),
            };
      return new HostGroup(hosts, sim.streams.stream(`${name}.balancer`), resets);
    };
    const a = tier('a');
    const b = tier('b');
    const store = tier('store');
    const hops = defences.hops ?? 'all';
    const at = (defended: boolean) => (defended ? defences : noDefences);
    this.bToStore = new HopCaller(sim, store, hopDefences(at(hops !== 'edge'), TIMEOUT_MS.bToStore), 'b-store.retry');
    this.edgeToA = new HopCaller(sim, a, hopDefences(at(hops !== 'store'), TIMEOUT_MS.edgeToA), 'edge-a.retry');
    this.edgeToB = new HopCaller(sim, new CallingService(b, this.bToStore), hopDefences(at(hops !== 'store'), TIMEOUT_MS.edgeToB), 'edge-b.retry');
  }

  /** Removes the faults injected into `target` (every target by default) from `t` on: an abort, or a rollback. */
  stopFaults(t: number, target?: SimulatedTarget): void {
    for (const name of target === undefined ? simulatedTargets : [target]) {
      if (t < this.stoppedAt[name]) this.stoppedAt[name] = t;
      for (const f of this.faults[name]) f.stop(t);
    }
  }
}

/** The combined reset probability of the reset actions on at `t` (independent causes). */
function resetRate(actions: readonly FaultAction[], t: number): number {
  let pass = 1;
  for (const a of actions) if (a.fault.kind === 'resets' && a.startMs <= t && t < a.startMs + a.durationMs) pass *= 1 - a.fault.rate;
  return 1 - pass;
}
