import type { BarChartModel, ChartModel, LineChartModel, LineSeries } from '../../charts/chart-model.ts';
import { count, num } from '../../stats/format-number.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import { choiceStyles } from './bins-specs.ts';
import type { BinsSideView, BinsView, ChoiceCurve } from './bins-view.ts';

/** Per side: the busiest backend's load as requests arrive, its excess over the mean, and where it ends with ± its standard error. */
export function binsCharts(view: BinsView): ChartModel[] {
  return view.sides.flatMap((s) => [maxLoadChart(s), gapChart(s), finalChart(s)]);
}

const label = (d: number) => choiceStyles[d].label;
const over = (s: BinsSideView) => (s.runs > 1 ? `mean of ${s.runs} runs` : 'one run');
const mean = (s: BinsSideView) => s.requests / s.backends;

function curveSeries(c: ChoiceCurve, y: (v: number, k: number) => number, theory: (v: number, k: number) => number): LineSeries[] {
  const st = choiceStyles[c.choices];
  return [
    { key: `d${c.choices}`, label: st.label, color: st.color, dash: st.dash, x: c.requests, y: c.maxLoad.map(y) },
    { key: `d${c.choices}-theory`, label: `${st.label}, theory`, color: st.color, dash: 'dashed', x: c.requests, y: c.expected.map(theory) },
  ];
}

function maxLoadChart(s: BinsSideView): LineChartModel {
  const first = s.curves[0];
  const ends = s.curves.map((c) => `${num(c.final.mean)} with ${label(c.choices).replace(' (random)', '')} (theory ${num(c.expectedFinal)})`);
  return {
    kind: 'line',
    id: sideChartId('max-load', s.label),
    title: `${sidePrefix(s.label)}Requests on the busiest of ${count(s.backends)} backends as requests arrive (${over(s)})`,
    x: { label: 'Requests placed', domain: [0, s.requests] },
    y: { label: 'Requests on the busiest backend', unit: 'requests' },
    series: [
      ...s.curves.flatMap((c) => curveSeries(c, (v) => v, (v) => v)),
      { key: 'mean', label: 'Mean load', color: 8, dash: 'dotted', x: first.requests, y: first.requests.map((m) => m / s.backends) },
    ],
    summary: `${sidePrefix(s.label)}After ${count(s.requests)} requests on ${count(s.backends)} backends (${num(mean(s))} each on average), the busiest backend held ${ends.join(', ')}; ${over(s)}.`,
  };
}

/** The excess at the last point and at the point nearest half the requests, where growth with m shows. */
function gapChart(s: BinsSideView): LineChartModel {
  const gap = (c: ChoiceCurve, v: number, k: number) => v - c.requests[k] / s.backends;
  const sentences = s.curves.map((c) => {
    const last = c.requests.length - 1;
    const half = c.requests.findIndex((m) => m >= s.requests / 2);
    const end = gap(c, c.maxLoad[last], last);
    const mid = gap(c, c.maxLoad[half], half);
    const trend =
      half === last
        ? `was ${num(end)} at the end`
        : Math.abs(end - mid) < 1
          ? `stayed near ${num(end)} (${num(mid)} at ${count(c.requests[half])} requests)`
          : `${end > mid ? 'grew' : 'fell'} from ${num(mid)} at ${count(c.requests[half])} requests to ${num(end)} at ${count(s.requests)}`;
    return `with ${label(c.choices)} it ${trend}, against ${num(gap(c, c.expected[last], last))} in theory`;
  });
  return {
    kind: 'line',
    id: sideChartId('excess', s.label),
    title: `${sidePrefix(s.label)}How far the busiest backend is above the mean`,
    x: { label: 'Requests placed', domain: [0, s.requests] },
    y: { label: 'Busiest backend − mean load', unit: 'requests' },
    series: s.curves.flatMap((c) => curveSeries(c, (v, k) => gap(c, v, k), (v, k) => gap(c, v, k))),
    summary: `${sidePrefix(s.label)}The busiest backend’s excess over the mean: ${sentences.join('; ')}. One choice lets the excess grow with the requests (about √(2 (m/n) ln n)); two or more keep it near ln ln n / ln d whatever the number of requests.`,
  };
}

function finalChart(s: BinsSideView): BarChartModel {
  const pm = (c: ChoiceCurve) => (s.runs > 1 ? ` ± ${num(c.final.error)}` : '');
  return {
    kind: 'bar',
    id: sideChartId('final-max-load', s.label),
    title: `${sidePrefix(s.label)}Busiest backend after ${count(s.requests)} requests: simulated and theory`,
    categories: s.curves.map((c) => ({ key: `d${c.choices}`, label: label(c.choices) })),
    value: { label: 'Requests on the busiest backend', unit: 'requests' },
    series: [
      { key: 'simulated', label: s.runs > 1 ? `Simulated, mean of ${s.runs} runs` : 'Simulated, one run', color: 6, values: s.curves.map((c) => c.final.mean), errors: s.runs > 1 ? s.curves.map((c) => c.final.error) : undefined },
      { key: 'theory', label: 'Theory', color: 8, values: s.curves.map((c) => c.expectedFinal) },
    ],
    errorLabel: s.runs > 1 ? `±1 standard error over ${s.runs} runs` : undefined,
    summary: `${sidePrefix(s.label)}The busiest backend after all requests (${over(s)}): ${s.curves.map((c) => `${label(c.choices)} ${num(c.final.mean)}${pm(c)} against ${num(c.expectedFinal)} in theory`).join('; ')}.`,
  };
}
