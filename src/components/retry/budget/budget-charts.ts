import { max } from 'd3-array';
import { ranPoints } from '../../charts/ran-points.ts';
import type { ChartModel, LineChartModel } from '../../charts/chart-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { MAX_LAYERS } from './budget-plan.ts';
import { policyStyles } from './budget-specs.ts';
import { isComplete, type BudgetSideView, type BudgetView } from './budget-view.ts';

/**
 * (a) amplification against stack height, (b) load and success against
 * failure rate per policy; each per side, sharing y ranges in compare mode.
 * A partial view (a part of the plan) draws and quotes only the runs it
 * has; its axes are the whole plan's (the formula for (a), the most
 * attempts a request may make for (b)), so the charts fill in rather than
 * jump, and the summaries name what is still running.
 */
export function budgetCharts(view: BudgetView): ChartModel[] {
  const compare = view.sides.length > 1;
  const ampMax = max(view.sides.flatMap((s) => [...ranOnly(s.amplification.simulated), ...s.amplification.theory])) ?? 1;
  // Capped retries in an outage: every request makes all its attempts, the most any policy sends (the sweep always reaches 1).
  const loadMax = max(view.sides.map((s) => 1 + s.retries)) ?? 1;
  const charts: ChartModel[] = [];
  for (const s of view.sides) charts.push(amplificationChart(s, compare, ampMax));
  for (const s of view.sides) charts.push(loadChart(s, compare, loadMax));
  for (const s of view.sides) charts.push(successChart(s, compare));
  return charts;
}

const chartId = (base: string, s: BudgetSideView, compare: boolean) => (compare && s.label === 'B' ? `${base}-b` : base);
const prefix = (s: BudgetSideView, compare: boolean) => (compare ? `${s.label}: ` : '');
const rate = (r: number) => num(r);
const ranOnly = (v: readonly (number | null)[]) => v.filter((x): x is number => x !== null);

/** For a partial view, after the values it quotes: how much of the side's runs it shows. */
function soFar(s: BudgetSideView): string {
  if (isComplete(s)) return '';
  const points = s.policies.length * s.rates.length;
  const ran = s.policies.reduce((n, p) => n + ranOnly(p.load).length, 0);
  const heights = ranOnly(s.amplification.simulated).length;
  return ` Partial result: ${heights} of ${MAX_LAYERS} stack heights and ${ran} of ${points} points of the sweep simulated so far; the others are still running.`;
}

function amplificationChart(s: BudgetSideView, compare: boolean, yMax: number): LineChartModel {
  const a = s.amplification;
  const i = s.layers - 1;
  const hardOutage = s.failureRate === 1;
  // In an outage, or with a healthy dependency, the calls do not vary: a few requests give the exact figure (budget-plan.ts).
  const sameCalls = hardOutage || s.failureRate === 0;
  const chosen = a.simulated[i];
  const first = a.simulated[0];
  const last = a.simulated[a.simulated.length - 1];
  const setting = `${prefix(s, compare)}With ${s.layers} ${s.layers === 1 ? 'layer' : 'layers'} each retrying ${s.retries} times and failure rate ${rate(s.failureRate)}, `;
  const atChosen =
    chosen === null
      ? `theory gives ${num(a.theory[i])} calls per request at the dependency; the simulation of ${s.layers} ${s.layers === 1 ? 'layer' : 'layers'} is still running.`
      : `the dependency received ${num(chosen)} calls per request (theory: ${num(a.theory[i])}; simulated over ${count(a.requests[i])} requests${sameCalls ? ', as every request makes the same calls here' : ''}).`;
  const ends = first === null || last === null ? '' : ` Retrying at one layer only would send it ${num(first)}; ${a.layers.length} layers, ${num(last)}.`;
  return {
    kind: 'line',
    id: chartId('amplification', s, compare),
    title: `${prefix(s, compare)}(a) Calls reaching the dependency per request, ${s.retries} ${s.retries === 1 ? 'retry' : 'retries'} per layer`,
    x: { label: 'Layers that retry', unit: 'layers', domain: [1, a.layers.length] },
    y: { label: 'Calls per request, log scale', unit: 'calls', scale: 'log', domain: [1, Math.max(10, yMax)] },
    series: [
      { key: 'simulated', label: 'Simulated', color: 1, points: true, ...ranPoints(a.layers, a.simulated) },
      { key: 'theory', label: hardOutage ? 'Theory: (retries + 1)^layers' : 'Theory (closed form)', color: 2, dash: 'dashed', x: a.layers, y: a.theory },
    ],
    markers: [{ x: s.layers, label: `Chosen: ${s.layers} ${s.layers === 1 ? 'layer' : 'layers'}` }],
    summary: setting + atChosen + ends + soFar(s),
  };
}

/** Each policy's value at the chosen failure rate, or that it is still running. */
function atChosenRate(s: BudgetSideView, values: (p: BudgetSideView['policies'][number]) => readonly (number | null)[], format: (v: number) => string): string {
  const k = s.rates.indexOf(s.failureRate);
  return s.policies
    .map((p) => {
      const v = values(p)[k];
      return `${policyStyles[p.policy].label}: ${v === null ? 'still running' : format(v)}`;
    })
    .join('; ');
}

function loadChart(s: BudgetSideView, compare: boolean, yMax: number): LineChartModel {
  return {
    kind: 'line',
    id: chartId('load', s, compare),
    title: `${prefix(s, compare)}(b) Load on the dependency, up to ${s.retries} ${s.retries === 1 ? 'retry' : 'retries'} per request`,
    x: { label: 'Failure rate', domain: [0, 1] },
    y: { label: 'Attempts per request', unit: 'attempts', domain: [0, Math.max(1, yMax)] },
    series: s.policies.map((p) => ({
      key: p.policy,
      label: policyStyles[p.policy].label,
      color: policyStyles[p.policy].color,
      dash: policyStyles[p.policy].dash,
      ...ranPoints(s.rates, p.load),
    })),
    markers: [{ x: s.failureRate, label: `Chosen failure rate ${rate(s.failureRate)}` }],
    summary: `${prefix(s, compare)}Attempts per request at failure rate ${rate(s.failureRate)}: ${atChosenRate(s, (p) => p.load, num)}.${soFar(s)}`,
  };
}

function successChart(s: BudgetSideView, compare: boolean): LineChartModel {
  return {
    kind: 'line',
    id: chartId('success', s, compare),
    title: `${prefix(s, compare)}(b) Requests that succeeded`,
    x: { label: 'Failure rate', domain: [0, 1] },
    y: { label: 'Succeeded', unit: '%', domain: [0, 100] },
    series: s.policies.map((p) => {
      const ran = ranPoints(s.rates, p.success);
      return {
        key: p.policy,
        label: policyStyles[p.policy].label,
        color: policyStyles[p.policy].color,
        dash: policyStyles[p.policy].dash,
        x: ran.x,
        y: ran.y.map((v) => v * 100),
      };
    }),
    markers: [{ x: s.failureRate, label: `Chosen failure rate ${rate(s.failureRate)}` }],
    summary: `${prefix(s, compare)}Requests that succeeded at failure rate ${rate(s.failureRate)}: ${atChosenRate(s, (p) => p.success, percent)}.${soFar(s)}`,
  };
}
