import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ParamValues } from '../../../params/params.ts';
import { ChartFigure } from '../../charts/ChartFigure.tsx';
import { useContainerWidth } from '../../charts/useContainerWidth.ts';
import { ParamControls } from '../../controls/ParamControls.tsx';
import { SeedInput } from '../../controls/SeedInput.tsx';
import { downloadText } from '../../export/download-text.ts';
import { standaloneSvg } from '../../export/standalone-svg.ts';
import { executeRuns } from '../../runner/run-request.ts';
import { planKey, useSimulation, type Shown } from '../../runner/useSimulation.ts';
import { useBuildTimeDefault } from '../../ssr/useBuildTimeDefault.tsx';
import { useWidgetState } from '../../url/useWidgetState.ts';
import { defaultState, matchingPreset } from '../../url/widget-state.ts';
import type { WidgetState } from '../../url/widget-url.ts';
import { RunStatus } from '../../widget/RunStatus.tsx';
import { Toolbar } from '../../widget/Toolbar.tsx';
import { UrlNotice } from '../../widget/UrlNotice.tsx';
import { ComparisonTableView } from './ComparisonTableView.tsx';
import { comparisonTable } from './comparison-table.ts';
import { describeDiagramState } from './diagram-summary.ts';
import { ReplayTimeline } from './ReplayTimeline.tsx';
import { ReplayTransport } from './ReplayTransport.tsx';
import { replayCsv } from './replay-csv.ts';
import { replayControlSpecs, replayTimeSpec, type ReplayControlSpecs, type ReplaySpecs } from './replay-specs.ts';
import { replaySummary } from './replay-summary.ts';
import { formatReplayTime, nextTransitionTime, previousTransitionTime, stateAt } from './replay-time.ts';
import type { ReplayView } from './replay-view.ts';
import { diagram, legendStates, replayWidget as d, stateOrder } from './replay-widget.ts';
import { StateDiagram } from './StateDiagram.tsx';
import { timelineModel } from './timeline-model.ts';
import { prefersReducedMotion, usePlayback } from './usePlayback.ts';
import './breaker-replay.css';

/** Width of the server-rendered drawings, as for the shared charts. */
const SERVER_WIDTH = 640;
const MIN_WIDTH = 280;

function buildTimeDefault(): Shown<ReplayView> {
  const plan = d.plan(defaultState(d.specs, d.defaultSeed));
  return { key: planKey(plan), view: d.reduce(executeRuns(d.lookup, plan.runs), plan.meta) };
}

/** The state with the replay time set aside: what presets are matched against. */
function withoutTime(s: WidgetState<ReplaySpecs>): WidgetState<ReplaySpecs> {
  return { ...s, values: { ...s.values, t: replayTimeSpec.default }, valuesB: { ...s.valuesB, t: replayTimeSpec.default } };
}

/**
 * The breaker-outage run replayed: the shared widget frame (URL state,
 * controls, presets, compare, runner, build-time default, downloads) around
 * a replay of its own: the state diagram from the XState machine, the
 * transport (play, pause, step, scrubber), the timeline with the state band,
 * and breaker vs no breaker side by side.
 */
export function BreakerReplay() {
  const api = useWidgetState(d);
  const { state, setParam } = api;
  const plan = useMemo(() => d.plan(state), [state]);
  const { value: initial, carrier } = useBuildTimeDefault(d.id, buildTimeDefault);
  const sim = useSimulation(plan, d.reduce, initial, api.ready, d.lookup);
  const view = sim.shown.view;
  const charts = useMemo(() => d.charts(view), [view]);
  const timeline = useMemo(() => timelineModel(view, stateOrder, legendStates), [view]);
  const table = useMemo(() => comparisonTable(view), [view]);
  const summary = useMemo(() => replaySummary(view), [view]);
  const [diagramRef, measured] = useContainerWidth<HTMLElement>(SERVER_WIDTH);
  const width = Math.max(MIN_WIDTH, measured);
  const root = useRef<HTMLElement>(null);

  const end = view.durationS;
  const t = Math.min(end, Math.max(0, state.values.t));
  const setTime = useCallback((v: number) => setParam('a', 't', v), [setParam]);
  const playback = usePlayback(t, end, setTime);
  const { pause } = playback;
  const seek = useCallback(
    (v: number) => {
      pause();
      setTime(v);
    },
    [pause, setTime],
  );

  const focus = view.focus >= 0 ? view.runs[view.focus] : undefined;
  const at = focus ? stateAt(focus.transitions, view.initialState, t) : undefined;
  const next = focus ? nextTransitionTime(focus.transitions, t) : undefined;
  const previous = focus ? previousTransitionTime(focus.transitions, t) : undefined;
  const readout = `${formatReplayTime(t)}${at && focus ? `, ${view.compare ? `${focus.label}’s breaker` : 'breaker'} ${at.state}` : ''}`;

  // Plays once by itself when the reader first sees the widget, unless they
  // asked for less motion or the link names a moment to look at.
  const autoplayed = useRef(false);
  useEffect(() => {
    if (autoplayed.current || !api.ready || sim.state !== 'done') return;
    autoplayed.current = true;
    if (state.values.t === replayTimeSpec.default && !prefersReducedMotion()) playback.play();
  }, [api.ready, sim.state]);

  const presetState = useMemo(() => withoutTime(state), [state]);
  const preset = useMemo(() => matchingPreset(d.specs, presetState, d.presets), [presetState]);
  const choosePreset = (id: string) => {
    // A preset changes the run, not the moment being looked at.
    api.choosePreset(id);
    setTime(t);
  };
  const reset = () => {
    pause();
    api.reset();
  };

  const onChangeA = useCallback(
    <K extends keyof ReplayControlSpecs & string>(name: K, v: ParamValues<ReplayControlSpecs>[K]) => setParam('a', name, v as ParamValues<ReplaySpecs>[K]),
    [setParam],
  );
  const onChangeB = useCallback(
    <K extends keyof ReplayControlSpecs & string>(name: K, v: ParamValues<ReplayControlSpecs>[K]) => setParam('b', name, v as ParamValues<ReplaySpecs>[K]),
    [setParam],
  );

  const downloadSvg = () => {
    const svgs = [...(root.current?.querySelectorAll<SVGSVGElement>('svg[data-chart]') ?? [])];
    if (svgs.length === 0) return;
    const bg = getComputedStyle(root.current!).getPropertyValue('--sl-color-bg').trim() || '#fff';
    downloadText(`${d.id}-charts.svg`, 'image/svg+xml', standaloneSvg(svgs, bg));
  };
  const downloadCsv = () => downloadText(`${d.id}-data.csv`, 'text/csv', replayCsv(charts, view));

  const ids = (chart: string) => ({ titleId: `${d.id}-${chart}-title`, summaryId: `${d.id}-${chart}-summary` });
  const diagramIds = ids('diagram');
  const timelineIds = ids('timeline');
  const [barChart] = charts.filter((c) => c.kind === 'bar');

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
        preset={preset?.id}
        onPreset={choosePreset}
        compare={state.compare}
        onCompare={api.setCompare}
        onReset={reset}
        onDownloadSvg={downloadSvg}
        onDownloadCsv={downloadCsv}
      />
      <form className={`rl-widget__controls${state.compare ? ' rl-widget__controls--compare' : ''}`} onSubmit={(e) => e.preventDefault()}>
        <ParamControls idPrefix={d.id} legend={state.compare ? 'A' : 'Settings'} specs={replayControlSpecs} values={state.values} onChange={onChangeA} />
        {state.compare ? <ParamControls idPrefix={`${d.id}-b`} legend="B (same seed)" specs={replayControlSpecs} values={state.valuesB} onChange={onChangeB} /> : null}
        <SeedInput id={`${d.id}-seed`} seed={state.seed} onChange={api.setSeed} />
      </form>
      <RunStatus state={sim.state} text={sim.text} />

      <div className="rl-replay">
        <figure className="rl-figure" ref={diagramRef}>
          <StateDiagram
            diagram={diagram}
            width={width}
            title="The breaker’s states and transitions, drawn from its XState machine"
            idPrefix={d.id}
            current={at?.state}
            last={at?.last}
            {...diagramIds}
          />
          <figcaption id={diagramIds.summaryId} data-testid="chart-summary" className="rl-figure__summary">
            {describeDiagramState(diagram, focus, at, t, view.compare)}
          </figcaption>
        </figure>

        <ReplayTransport
          id={d.id}
          t={t}
          end={end}
          readout={readout}
          playing={playback.playing}
          onPlay={playback.play}
          onPause={pause}
          onSeek={seek}
          onPrevious={previous === undefined ? undefined : () => seek(previous)}
          onNext={next === undefined ? undefined : () => seek(next)}
        />

        <figure className="rl-figure">
          <ReplayTimeline model={timeline} stateOrder={stateOrder} width={width} cursor={t} onSeek={seek} {...timelineIds} />
          <figcaption id={timelineIds.summaryId} data-testid="chart-summary" className="rl-figure__summary">
            {summary}
          </figcaption>
        </figure>
      </div>

      <ComparisonTableView table={table} />
      {barChart ? <ChartFigure model={barChart} idPrefix={d.id} /> : null}
      {carrier}
    </section>
  );
}
