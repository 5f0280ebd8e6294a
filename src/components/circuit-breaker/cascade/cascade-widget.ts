import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { cascadeCharts } from './cascade-charts.ts';
import { planCascade } from './cascade-plan.ts';
import { previewCascade } from './cascade-preview.ts';
import { cascadeSpecs, type CascadeSpecs } from './cascade-specs.ts';
import { reduceCascade } from './cascade-view.ts';

/** All three protections together: each alone has a failure mode the others cover (see the page). */
const FULL_PROTECTION = { timeout: 500, bulkhead: 10, breaker: true } as const;
const NO_PROTECTION = { timeout: 0, bulkhead: 0, breaker: false } as const;

function unprotected(v: ParamValues<CascadeSpecs>): boolean {
  return v.timeout === 0 && v.bulkhead === 0 && !v.breaker;
}

/** Compare starts from the other end: an unprotected A against all three protections, a protected A against none. */
function suggestB(a: ParamValues<CascadeSpecs>): ParamValues<CascadeSpecs> {
  return { ...a, ...(unprotected(a) ? FULL_PROTECTION : NO_PROTECTION) };
}

export const cascadeWidget = defineWidget({
  id: 'cascade',
  title: 'A cascading failure, and what contains it',
  description:
    'Service A has a fixed pool of workers and serves two kinds of requests: some call service B, the others A answers alone. B slows down, fails or hangs for a while. Watch A’s goodput on the traffic that never needed B.',
  specs: cascadeSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'unprotected', label: 'No protection: B is slow, A goes down', values: {} },
    { id: 'errors', label: 'B fails fast: nothing cascades', values: { faultMode: 'errors' } },
    { id: 'timeout-500', label: 'Timeout 500 ms: not enough', values: { timeout: 500 } },
    { id: 'timeout-200', label: 'Timeout 200 ms: contained', values: { timeout: 200 } },
    { id: 'bulkhead', label: 'Bulkhead of 5', values: { bulkhead: 5 } },
    { id: 'breaker', label: 'Circuit breaker counting slow calls', values: { breaker: true } },
    { id: 'hang-breaker', label: 'B hangs, breaker without a timeout: never trips', values: { faultMode: 'hang', breaker: true } },
    { id: 'hang-breaker-timeout', label: 'B hangs, breaker with a 500 ms timeout', values: { faultMode: 'hang', breaker: true, timeout: 500 } },
    { id: 'compare-protection', label: 'Compare: no protection vs timeout + bulkhead + breaker', values: {}, compareWith: FULL_PROTECTION },
  ],
  suggestB,
  plan: planCascade,
  preview: previewCascade,
  reduce: reduceCascade,
  figures: cascadeCharts,
});
