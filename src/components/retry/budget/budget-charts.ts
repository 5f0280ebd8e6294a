import { max } from 'd3-array';
import type { ChartModel, LineChartModel } from '../../charts/chart-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { policyStyles } from './budget-specs.ts';
import type { BudgetSideView, BudgetView } from './budget-view.ts';

/** (a) amplification against stack height, (b) load and success against failure rate per policy; each per side, sharing y ranges in compare mode. */
export function budgetCharts(view: BudgetView): ChartModel[] {
  const compare = view.sides.length > 1;
  const ampMax = max(view.sides.flatMap((s) => [...s.amplification.simulated, ...s.amplification.theory])) ?? 1;
  const loadMax = max(view.sides.flatMap((s) => s.policies.flatMap((p) => p.load))) ?? 1;
  const charts: ChartModel[] = [];
  for (const s of view.sides) charts.push(amplificationChart(s, compare, ampMax));
  for (const s of view.sides) charts.push(loadChart(s, compare, loadMax));
  for (const s of view.sides) charts.push(successChart(s, compare));
  return charts;
}

const chartId = (base: string, s: BudgetSideView, compare: boolean) => (compare && s.label === 'B' ? `${base}-b` : base);
const prefix = (s: BudgetSideView, compare: boolean) => (compare ? `${s.label}: ` : '');
const rate = (r: number) => num(r);

function amplificationChart(s: BudgetSideView, compare: boolean, yMax: number): LineChartModel {
  const a = s.amplification;
  const i = s.layers - 1;
  const hardOutage = s.failureRate === 1;
  return {
    kind: 'line',
    id: chartId('amplification', s, compare),
    title: `${prefix(s, compare)}(a) Calls reaching the dependency per request, ${s.retries} ${s.retries === 1 ? 'retry' : 'retries'} per layer`,
    x: { label: 'Layers that retry', unit: 'layers', domain: [1, a.layers.length] },
    y: { label: 'Calls per request, log scale', unit: 'calls', scale: 'log', domain: [1, Math.max(10, yMax)] },
    series: [
      { key: 'simulated', label: 'Simulated', color: 1, points: true, x: a.layers, y: a.simulated },
      { key: 'theory', label: hardOutage ? 'Theory: (retries + 1)^layers' : 'Theory (closed form)', color: 2, dash: 'dashed', x: a.layers, y: a.theory },
    ],
    markers: [{ x: s.layers, label: `Chosen: ${s.layers} ${s.layers === 1 ? 'layer' : 'layers'}` }],
    summary:
      `${prefix(s, compare)}With ${s.layers} ${s.layers === 1 ? 'layer' : 'layers'} each retrying ${s.retries} times and failure rate ${rate(s.failureRate)}, ` +
      `the dependency received ${num(a.simulated[i])} calls per request (theory: ${num(a.theory[i])}; simulated over ${count(a.requests[i])} requests). ` +
      `Retrying at one layer only would send it ${num(a.simulated[0])}; ${a.layers.length} layers, ${num(a.simulated[a.simulated.length - 1])}.`,
  };
}

function loadChart(s: BudgetSideView, compare: boolean, yMax: number): LineChartModel {
  const k = s.rates.indexOf(s.failureRate);
  const at = s.policies.map((p) => `${policyStyles[p.policy].label}: ${num(p.load[k])}`);
  return {
    kind: 'line',
    id: chartId('load', s, compare),
    title: `${prefix(s, compare)}(b) Load on the dependency, up to ${s.retries} ${s.retries === 1 ? 'retry' : 'retries'} per request`,
    x: { label: 'Failure rate', domain: [0, 1] },
    y: { label: 'Attempts per request', unit: 'attempts', domain: [0, Math.max(1, yMax)] },
    series: s.policies.map((p) => ({ key: p.policy, label: policyStyles[p.policy].label, color: policyStyles[p.policy].color, dash: policyStyles[p.policy].dash, x: s.rates, y: p.load })),
    markers: [{ x: s.failureRate, label: `Chosen failure rate ${rate(s.failureRate)}` }],
    summary: `${prefix(s, compare)}Attempts per request at failure rate ${rate(s.failureRate)}: ${at.join('; ')}.`,
  };
}

function successChart(s: BudgetSideView, compare: boolean): LineChartModel {
  const k = s.rates.indexOf(s.failureRate);
  const at = s.policies.map((p) => `${policyStyles[p.policy].label}: ${percent(p.success[k])}`);
  return {
    kind: 'line',
    id: chartId('success', s, compare),
    title: `${prefix(s, compare)}(b) Requests that succeeded`,
    x: { label: 'Failure rate', domain: [0, 1] },
    y: { label: 'Succeeded', unit: '%', domain: [0, 100] },
    series: s.policies.map((p) => ({
      key: p.policy,
      label: policyStyles[p.policy].label,
      color: policyStyles[p.policy].color,
      dash: policyStyles[p.policy].dash,
      x: s.rates,
      y: p.success.map((v) => v * 100),
    })),
    markers: [{ x: s.failureRate, label: `Chosen failure rate ${rate(s.failureRate)}` }],
    summary: `${prefix(s, compare)}Requests that succeeded at failure rate ${rate(s.failureRate)}: ${at.join('; ')}.`,
  };
}
