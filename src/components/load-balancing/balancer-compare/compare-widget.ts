import type { ParamValues } from '../../../params/params.ts';
import { defineWidget } from '../../frame/widget-definition.ts';
import { compareCharts } from './compare-charts.ts';
import { planCompare, previewCompare } from './compare-plan.ts';
import { compareSpecs, type CompareSpecs } from './compare-specs.ts';
import { reduceCompare } from './compare-view.ts';

/** Compare starts from A plus outlier detection (or health checks, when A already has it): the same two algorithms, with and without the safety net. */
function suggestB(a: ParamValues<CompareSpecs>): ParamValues<CompareSpecs> {
  return a.outlierDetection ? { ...a, healthChecks: !a.healthChecks } : { ...a, outlierDetection: true };
}

export const compareWidget = defineWidget({
  id: 'lb',
  title: 'Two balancing algorithms on the same traffic',
  description:
    'A client balances requests over fast, normal and slow backends; for 20 s one of the fast ones degrades or fails. Both algorithms see the very same arrivals and service times (same seed).',
  specs: compareSpecs,
  viewSpecs: {},
  defaultSeed: 1,
  presets: [
    { id: 'rr-vs-p2c', label: 'Round robin vs least request (P2C), one backend slows down', values: {} },
    { id: 'random-vs-ewma', label: 'Random vs peak EWMA, one backend slows down', values: { algorithm: 'random', versus: 'peak-ewma' } },
    { id: 'black-hole', label: 'A backend that fails fast attracts least-request traffic', values: { fault: 'fail-fast' } },
    {
      id: 'outlier-detection',
      label: 'Compare: a backend failing half its requests, without and with outlier detection',
      values: { fault: 'errors' },
      compareWith: { fault: 'errors', outlierDetection: true },
    },
    {
      id: 'health-checks',
      label: 'Compare: a backend that hangs, without and with active health checks',
      values: { fault: 'hang' },
      compareWith: { fault: 'hang', healthChecks: true },
    },
  ],
  suggestB,
  plan: planCompare,
  preview: previewCompare,
  reduce: reduceCompare,
  figures: compareCharts,
});
