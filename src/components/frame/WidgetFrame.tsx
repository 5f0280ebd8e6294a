import type { ReactNode } from 'react';
import type { ParamSpecs } from '../../params/params.ts';
import { ParamControls } from './controls/ParamControls.tsx';
import { SeedInput } from './controls/SeedInput.tsx';
import { RunStatus } from './RunStatus.tsx';
import { Toolbar } from './Toolbar.tsx';
import { UrlNotice } from './UrlNotice.tsx';
import type { SimulationWidget } from './useSimulationWidget.ts';

export interface WidgetFrameProps<S extends ParamSpecs, V, VS extends ParamSpecs> {
  readonly widget: SimulationWidget<S, V, VS>;
  /** Called after the state is reset, e.g. to stop a replay playing. */
  readonly onReset?: () => void;
  /** The figures: usually `<Figures>`, or a layout of the widget's own. */
  readonly children: ReactNode;
}

/**
 * The same frame around every widget, following the widget DOM contract
 * (data-widget, data-state, ids, names, accessible names; data-plan and
 * data-shown, the keys of the current plan and of the one drawn, so that a
 * measurement can tell a chart drawn for the reader's latest press from
 * one still finishing an earlier plan): title and
 * description, URL notice, tools (presets, compare, reset, downloads, copy link),
 * controls for A (and B in compare mode) and the seed, the run status, then
 * the figures, then the build-time default's carrier. The section's id is
 * the widget's id: the anchor its copied links carry.
 */
export function WidgetFrame<S extends ParamSpecs, V, VS extends ParamSpecs>({ widget: w, onReset, children }: WidgetFrameProps<S, V, VS>) {
  const { id, state } = w;
  return (
    <section
      ref={w.root}
      id={id}
      className="rl-widget not-content"
      data-widget={id}
      data-state={w.run.state}
      data-plan={w.run.plan}
      data-shown={w.run.shown}
      aria-labelledby={`${id}-title`}
    >
      <header className="rl-widget__header">
        <h3 id={`${id}-title`}>{w.title}</h3>
        <p>{w.description}</p>
      </header>
      <UrlNotice notices={w.notices} onDismiss={w.dismissNotices} />
      <Toolbar
        id={id}
        presets={w.presets}
        preset={w.preset?.id}
        onPreset={w.choosePreset}
        compare={state.compare}
        onCompare={w.setCompare}
        onReset={() => {
          w.reset();
          onReset?.();
        }}
        onDownloadSvg={w.downloadSvg}
        onDownloadCsv={w.downloadCsv}
        link={w.link}
      />
      <form className={`rl-widget__controls${state.compare ? ' rl-widget__controls--compare' : ''}`} onSubmit={(e) => e.preventDefault()}>
        <ParamControls idPrefix={id} legend={state.compare ? 'A' : 'Settings'} specs={w.specs} values={state.values} onChange={w.onParam('a')} onIntent={w.onSliderIntent('a')} />
        {state.compare ? <ParamControls idPrefix={`${id}-b`} legend="B (same seed)" specs={w.specs} values={state.valuesB} onChange={w.onParam('b')} onIntent={w.onSliderIntent('b')} /> : null}
        <SeedInput id={`${id}-seed`} seed={state.seed} onChange={w.setSeed} />
      </form>
      <RunStatus state={w.run.state} text={w.run.text} />
      {children}
      {w.carrier}
    </section>
  );
}
