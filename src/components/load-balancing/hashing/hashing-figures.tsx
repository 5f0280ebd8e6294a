import type { BarChartModel, SeriesColor } from '../../charts/chart-model.ts';
import { count, num, percent } from '../../stats/format-number.ts';
import { sideChartId, sidePrefix } from '../../frame/compare-sides.ts';
import type { CustomFigureModel, FigureModel } from '../../frame/figure-model.ts';
import { fateCounts } from './key-cells.ts';
import { KeyGrid } from './KeyGrid.tsx';
import { methods } from './hashing-specs.ts';
import type { HashingSideView, HashingView, MethodOutcome } from './hashing-view.ts';

/** Per side: the key grid, the fraction of keys moved against the minimum, and how evenly keys spread. */
export function hashingFigures(view: HashingView): FigureModel[] {
  return view.sides.flatMap((s) => [keyGrid(s), movedChart(s), balanceChart(s)]);
}

const labelOf = (m: MethodOutcome) => methods.find((x) => x.method === m.method)!.label;

/** A preview's scope: "Of the first 2,000 keys: " ("" for every key). */
const ofKeys = (s: HashingSideView) => (s.keysRun === undefined ? '' : `Of the first ${count(s.keysRun)} keys: `);
/** The preview runs hash mod n and ring hash; Maglev, the costly table, comes with the whole plan. */
const pending = (s: HashingSideView) => (s.methods.some((m) => m.method === 'maglev') ? '' : ' Maglev follows.');

function changeWords(s: HashingSideView): string {
  return s.change === 'add' ? `backend ${s.changed} is added to ${s.backends}` : `backend ${s.changed} of ${s.backends} is removed`;
}

function keyGrid(s: HashingSideView): CustomFigureModel {
  const id = sideChartId('key-moves', s.label);
  const title = `${sidePrefix(s.label)}The first ${s.methods[0].sample.length} keys, before and after ${changeWords(s)}`;
  const per = s.methods.map((m) => {
    const c = fateCounts(s, m.sample);
    const needless = c.needless > 0 ? `, ${c.needless} of them between backends that stayed` : '';
    return `${labelOf(m)} moved ${c.required + c.needless}${needless}`;
  });
  return {
    kind: 'custom',
    id,
    title,
    summary:
      `${sidePrefix(s.label)}Each cell is a key and the backend it is routed to, numbered 1 to ${s.change === 'add' ? s.backends + 1 : s.backends}; ` +
      `“a→b” marks a key that moved when ${changeWords(s)}. Of these ${s.methods[0].sample.length} keys, ${per.join('; ')}.${pending(s)}`,
    draw: (p) => <KeyGrid {...p} side={s} title={title} chartId={id} />,
    rows: s.methods.flatMap((m) =>
      m.sample.flatMap((k) => [
        { series: `${labelOf(m)}: backend before`, x: k.key, y: k.from, xLabel: 'Key', yLabel: 'Backend number' },
        { series: `${labelOf(m)}: backend after`, x: k.key, y: k.to, xLabel: 'Key', yLabel: 'Backend number' },
      ]),
    ),
  };
}

function movedChart(s: HashingSideView): BarChartModel {
  const ideal = s.methods[0].idealMovedFraction;
  return {
    kind: 'bar',
    id: sideChartId('moved-fraction', s.label),
    title: `${sidePrefix(s.label)}Keys that moved, of ${s.keysRun === undefined ? count(s.keys) : `the first ${count(s.keysRun)} of ${count(s.keys)}`}`,
    categories: s.methods.map((m) => ({ key: m.method, label: labelOf(m) })),
    value: { label: 'Keys moved', unit: '%' },
    series: [
      { key: 'moved', label: 'Moved', color: 6, values: s.methods.map((m) => m.movedFraction * 100) },
      { key: 'needless', label: 'Of which needlessly', color: 5, values: s.methods.map((m) => m.excessMovedFraction * 100) },
      {
        key: 'ideal',
        label: s.change === 'add' ? 'Minimum: 1/(n + 1)' : 'Minimum: 1/n',
        color: 8 as SeriesColor,
        values: s.methods.map((m) => m.idealMovedFraction * 100),
      },
    ],
    summary:
      `${sidePrefix(s.label)}When ${changeWords(s)}, about ${percent(ideal)} of the keys must move (${s.change === 'add' ? 'the new backend’s fair share' : 'the removed backend’s share'}). ` +
      ofKeys(s) +
      s.methods.map((m) => `${labelOf(m)} moved ${percent(m.movedFraction)} (${num(m.movedFraction / ideal)} times the minimum)`).join('; ') +
      '.' +
      pending(s),
  };
}

function balanceChart(s: HashingSideView): BarChartModel {
  return {
    kind: 'bar',
    id: sideChartId('key-balance', s.label),
    title: `${sidePrefix(s.label)}How evenly the keys spread after the change`,
    categories: s.methods.map((m) => ({ key: m.method, label: labelOf(m) })),
    value: { label: 'Keys on the fullest backend ÷ mean keys per backend' },
    series: [{ key: 'max-over-mean', label: 'Fullest ÷ mean (1 is perfectly even)', color: 3, values: s.methods.map((m) => m.maxOverMean) }],
    summary:
      `${sidePrefix(s.label)}${s.keysRun === undefined ? 'The' : `Of the first ${count(s.keysRun)} keys, the`} fullest backend held ` +
      s.methods.map((m) => `${num(m.maxOverMean)} times the mean with ${labelOf(m)} (spread ${percent(m.relativeStdev)} of the mean)`).join('; ') +
      '.' +
      pending(s),
  };
}
