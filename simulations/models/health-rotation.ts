import { OutlierDetector, type ActiveHealthCheckOptions, type OutlierDetectionOptions } from '../../src/resilience/health/index.ts';
import type { HealthAwareBalancer, HealthFlag } from '../../src/resilience/load-balancing/index.ts';
import type { Simulation } from '../engine/simulation.ts';
import type { BackendCluster } from './backend-cluster.ts';
import type { BalancedCall } from './balanced-caller.ts';
import { HealthCheckDriver, type HealthCheckObserver } from './health-check-driver.ts';
import { OutlierDriver } from './outlier-driver.ts';

/** Why a backend left or rejoined the rotation: active checks crossed a threshold, or outlier detection ejected or returned it. */
export type RotationKind = 'unhealthy' | 'healthy' | 'ejected' | 'unejected';

/** A backend leaving or rejoining the rotation. */
export interface RotationEvent {
  readonly t: number;
  readonly host: number;
  readonly kind: RotationKind;
}

/** A rotation event, with what it did to the balancer's offer. */
export interface RotationChange extends RotationEvent {
  readonly flag: HealthFlag;
  /** Whether the balancer offered the host just before the change, and just after. */
  readonly wasAvailable: boolean;
  readonly available: boolean;
}

export interface HealthRotationOptions {
  readonly cluster: BackendCluster;
  /** The balancer whose rotation the health mechanisms set. */
  readonly balancer: HealthAwareBalancer;
  /** No check starts and no sweep runs at or after this time, ms, so a run can end. */
  readonly untilMs: number;
  /** Active health checking of every backend; off when absent. */
  readonly activeChecks?: ActiveHealthCheckOptions;
  /** Outlier detection on every response; off when absent. */
  readonly outlierDetection?: OutlierDetectionOptions;
  /** Every check's verdict (active checking only). */
  readonly checked?: HealthCheckObserver['checked'];
  /** Every rotation event, after the balancer has it. */
  readonly changed: (change: RotationChange) => void;
}

/**
 * What takes backends out of a health-aware balancer's rotation and puts them
 * back: the real active health checker probing each backend's health
 * endpoint, and the real outlier detector hearing every response. Each sets
 * its own flag on the balancer, which offers a host only when neither is set.
 */
export class HealthRotation {
  private readonly outliers: OutlierDriver | undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly options: HealthRotationOptions,
  ) {
    const { cluster, untilMs, activeChecks, outlierDetection } = options;
    if (activeChecks) {
      const probes = sim.streams.stream('probes');
      new HealthCheckDriver(sim, {
        hosts: cluster.size,
        check: activeChecks,
        untilMs,
        probe: (host, now) => cluster.probe(host, now, probes),
        observer: {
          checked: options.checked,
          transition: (host, _now, t) => this.change(host, t === 'became-unhealthy' ? 'unhealthy' : 'healthy'),
        },
      });
    }
    if (outlierDetection) {
      const detector = new OutlierDetector(cluster.size, outlierDetection, sim.now, sim.streams.stream('outlier-detection'));
      this.outliers = new OutlierDriver(sim, detector, untilMs, (e) => {
        if (e.kind === 'ejected' || e.kind === 'unejected') this.change(e.host, e.kind);
      });
    }
  }

  /** A balanced call ended: outlier detection, when on, hears how. */
  report(call: BalancedCall): void {
    this.outliers?.report(call);
  }

  private change(host: number, kind: RotationKind): void {
    const { balancer, changed } = this.options;
    const t = this.sim.now;
    const flag: HealthFlag = kind === 'unhealthy' || kind === 'healthy' ? 'active-check' : 'outlier';
    const wasAvailable = balancer.isAvailable(host);
    balancer.setFailed(host, flag, kind === 'unhealthy' || kind === 'ejected', t);
    changed({ t, host, kind, flag, wasAvailable, available: balancer.isAvailable(host) });
  }
}
