import { useCallback, useMemo, useRef } from 'react';
import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import { ChartFigure } from '../charts/ChartFigure.tsx';
import { ParamControls } from '../controls/ParamControls.tsx';
import { SeedInput } from '../controls/SeedInput.tsx';
import { chartsCsv } from '../export/chart-csv.ts';
import { downloadText } from '../export/download-text.ts';
import { standaloneSvg } from '../export/standalone-svg.ts';
import { executeRuns } from '../runner/run-request.ts';
import { planKey, useSimulation, type Shown } from '../runner/useSimulation.ts';
import { useBuildTimeDefault } from '../ssr/useBuildTimeDefault.tsx';
import { defaultState } from '../url/widget-state.ts';
import { useWidgetState } from '../url/useWidgetState.ts';
import { RunStatus } from './RunStatus.tsx';
import { Toolbar } from './Toolbar.tsx';
import { UrlNotice } from './UrlNotice.tsx';
import type { WidgetDefinition } from './widget-definition.ts';

/** The default state's plot, computed (on the server, at build time) exactly as the browser would compute it. */
function buildTimeDefault<S extends ParamSpecs, M, V>(d: WidgetDefinition<S, M, V>): Shown<V> {
  const plan = d.plan(defaultState(d.specs, d.defaultSeed));
  return { key: planKey(plan), view: d.reduce(executeRuns(d.lookup, plan.runs), plan.meta) };
}

/**
 * A simulation widget: the section, its tools, its controls (A, and B in
 * compare mode), the run status and the charts, following the widget DOM
 * contract (data-widget, data-state, ids, names, accessible names).
 */
export function SimulationWidget<S extends ParamSpecs, M, V>({ definition: d }: { definition: WidgetDefinition<S, M, V> }) {
  const api = useWidgetState(d);
  const { state } = api;
  const plan = useMemo(() => d.plan(state), [d, state]);
  const { value: initial, carrier } = useBuildTimeDefault(d.id, () => buildTimeDefault(d));
  const sim = useSimulation(plan, d.reduce, initial, api.ready, d.lookup);
  const charts = useMemo(() => d.charts(sim.shown.view), [d, sim.shown.view]);
  const root = useRef<HTMLElement>(null);

  const onChangeA = useCallback(<K extends keyof S & string>(name: K, v: ParamValues<S>[K]) => api.setParam('a', name, v), [api.setParam]);
  const onChangeB = useCallback(<K extends keyof S & string>(name: K, v: ParamValues<S>[K]) => api.setParam('b', name, v), [api.setParam]);

  const downloadSvg = () => {
    const svgs = [...(root.current?.querySelectorAll<SVGSVGElement>('svg[data-chart]') ?? [])];
    if (svgs.length === 0) return;
    const bg = getComputedStyle(root.current!).getPropertyValue('--sl-color-bg').trim() || '#fff';
    downloadText(`${d.id}-charts.svg`, 'image/svg+xml', standaloneSvg(svgs, bg));
  };
  const downloadCsv = () => downloadText(`${d.id}-data.csv`, 'text/csv', chartsCsv(charts));

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
        {charts.map((c) => (
          <ChartFigure key={c.id} model={c} idPrefix={d.id} />
        ))}
      </div>
      {carrier}
    </section>
  );
}
