import { useCallback, useMemo, useRef } from 'react';
import type { ParamSpecs, ParamValues } from '../../../params/params.ts';
import { ChartFigure } from '../../charts/ChartFigure.tsx';
import { ParamControls } from '../../controls/ParamControls.tsx';
import { SeedInput } from '../../controls/SeedInput.tsx';
import { downloadText } from '../../export/download-text.ts';
import { standaloneSvg } from '../../export/standalone-svg.ts';
import { executeRuns } from '../../runner/run-request.ts';
import { planKey, useSimulation, type Shown } from '../../runner/useSimulation.ts';
import { useBuildTimeDefault } from '../../ssr/useBuildTimeDefault.tsx';
import { defaultState } from '../../url/widget-state.ts';
import { useWidgetState } from '../../url/useWidgetState.ts';
import { RunStatus } from '../../widget/RunStatus.tsx';
import { Toolbar } from '../../widget/Toolbar.tsx';
import { UrlNotice } from '../../widget/UrlNotice.tsx';
import type { WidgetDefinition } from '../../widget/widget-definition.ts';
import { CustomFigure } from './CustomFigure.tsx';
import type { FigureModel } from './figure-model.ts';
import { figuresCsv } from './figures-csv.ts';

/** A widget definition whose figures may include custom drawings besides the shared line and bar charts. */
export interface FigureWidgetDefinition<S extends ParamSpecs, M, V> extends Omit<WidgetDefinition<S, M, V>, 'charts'> {
  readonly figures: (view: V) => FigureModel[];
}

function buildTimeDefault<S extends ParamSpecs, M, V>(d: FigureWidgetDefinition<S, M, V>): Shown<V> {
  const plan = d.plan(defaultState(d.specs, d.defaultSeed));
  return { key: planKey(plan), view: d.reduce(executeRuns(d.lookup, plan.runs), plan.meta) };
}

/**
 * SimulationWidget's frame, state, runner and tools, for widgets that need a
 * figure of their own (the consistent-hashing key grid, the health-check
 * timeline). Everything but the figure list is SimulationWidget's, piece by
 * piece, so the DOM contract is the same; if SimulationWidget learns to take
 * custom figures, this file can go.
 */
export function FigureWidget<S extends ParamSpecs, M, V>({ definition: d }: { definition: FigureWidgetDefinition<S, M, V> }) {
  const api = useWidgetState(d);
  const { state } = api;
  const plan = useMemo(() => d.plan(state), [d, state]);
  const { value: initial, carrier } = useBuildTimeDefault(d.id, () => buildTimeDefault(d));
  const sim = useSimulation(plan, d.reduce, initial, api.ready, d.lookup);
  const figures = useMemo(() => d.figures(sim.shown.view), [d, sim.shown.view]);
  const root = useRef<HTMLElement>(null);

  const onChangeA = useCallback(<K extends keyof S & string>(name: K, v: ParamValues<S>[K]) => api.setParam('a', name, v), [api.setParam]);
  const onChangeB = useCallback(<K extends keyof S & string>(name: K, v: ParamValues<S>[K]) => api.setParam('b', name, v), [api.setParam]);

  const downloadSvg = () => {
    const svgs = [...(root.current?.querySelectorAll<SVGSVGElement>('svg[data-chart]') ?? [])];
    if (svgs.length === 0) return;
    const bg = getComputedStyle(root.current!).getPropertyValue('--sl-color-bg').trim() || '#fff';
    downloadText(`${d.id}-charts.svg`, 'image/svg+xml', standaloneSvg(svgs, bg));
  };
  const downloadCsv = () => downloadText(`${d.id}-data.csv`, 'text/csv', figuresCsv(figures));

  return (
    <section ref={root} className="rl-widget not-content" data-widget={d.id} data-state={sim.state} aria-labelledby={`${d.id}-title`}>
      <header className="rl-widget__header">
        <h3 id={`${d.id}-title`}>{d.title}</h3>
        <p>{d.description}</p>
      </header>
      <UrlNotice notices={api.notices} onDismiss={api.dismissNotices} />
      <Toolbar
        id={d.id}
        presets={d.presets}
        preset={api.preset?.id}
        onPreset={api.choosePreset}
        compare={state.compare}
        onCompare={api.setCompare}
        onReset={api.reset}
        onDownloadSvg={downloadSvg}
        onDownloadCsv={downloadCsv}
      />
      <form className={`rl-widget__controls${state.compare ? ' rl-widget__controls--compare' : ''}`} onSubmit={(e) => e.preventDefault()}>
        <ParamControls idPrefix={d.id} legend={state.compare ? 'A' : 'Settings'} specs={d.specs} values={state.values} onChange={onChangeA} />
        {state.compare ? <ParamControls idPrefix={`${d.id}-b`} legend="B (same seed)" specs={d.specs} values={state.valuesB} onChange={onChangeB} /> : null}
        <SeedInput id={`${d.id}-seed`} seed={state.seed} onChange={api.setSeed} />
      </form>
      <RunStatus state={sim.state} text={sim.text} />
      <div className="rl-widget__charts">
        {figures.map((f) => (f.kind === 'custom' ? <CustomFigure key={f.id} model={f} idPrefix={d.id} /> : <ChartFigure key={f.id} model={f} idPrefix={d.id} />))}
      </div>
      {carrier}
    </section>
  );
}
