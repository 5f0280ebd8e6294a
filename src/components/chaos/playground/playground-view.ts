import type { FaultInjectionResult } from '../../../../simulations/scenarios/fault-injection.ts';
import { percent } from '../../stats/format-number.ts';
import type { PlaygroundMeta } from './playground-plan.ts';
import type { PlaygroundSpecs } from './playground-specs.ts';
import type { ParamValues } from '../../../params/params.ts';

export interface PlaygroundSideView {
  readonly label: string;
  /** The pipeline in words: "a fault injector at 20%, innermost, with retry and a 250 ms timeout". */
  readonly pipeline: string;
  readonly injectionRate: number;
  readonly summary: FaultInjectionResult['summary'];
  readonly percentiles: FaultInjectionResult['latencyPercentiles'];
}

export interface PlaygroundView {
  readonly sides: PlaygroundSideView[];
}

export function reducePlayground(results: FaultInjectionResult[], meta: PlaygroundMeta): PlaygroundView {
  return {
    sides: meta.sides.map((side, i) => ({
      label: side.label,
      pipeline: describePipeline(side.values),
      injectionRate: side.values.injectionRate,
      summary: results[i].summary,
      percentiles: results[i].latencyPercentiles,
    })),
  };
}

const injectorWords: Record<ParamValues<PlaygroundSpecs>['injector'], (v: ParamValues<PlaygroundSpecs>) => string> = {
  fault: () => 'a fault injector',
  outcome: () => 'an outcome injector (a fake 503)',
  latency: (v) => `a ${v.injectedLatency} ms latency injector`,
  behavior: (v) => `a behaviour injector (a ${v.behaviorMs} ms side effect)`,
};

export function describePipeline(v: ParamValues<PlaygroundSpecs>): string {
  const defences = [v.retry ? 'retry' : '', v.timeout ? `a ${v.timeoutMs} ms timeout` : ''].filter(Boolean);
  const around = defences.length > 0 ? `with ${defences.join(' and ')}` : 'with no retry and no timeout';
  const where = v.position === 'inside' ? 'innermost' : 'outermost';
  return `${injectorWords[v.injector](v)} at ${percent(v.injectionRate)}, ${where}, ${around}`;
}
