import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { BarChartModel } from '../../charts/chart-model.ts';
import { drawChart, Figure } from '../../charts/Figure.tsx';
import { useSimulationWidget } from '../../frame/useSimulationWidget.ts';
import { WidgetFrame } from '../../frame/WidgetFrame.tsx';
import { ComparisonTableView } from './ComparisonTableView.tsx';
import { comparisonTable } from './comparison-table.ts';
import { describeDiagramState } from './diagram-summary.ts';
import { ReplayTimeline } from './ReplayTimeline.tsx';
import { ReplayTransport } from './ReplayTransport.tsx';
import { replayViewSpecs } from './replay-specs.ts';
import { replaySummary } from './replay-summary.ts';
import { formatReplayTime, nextTransitionTime, previousTransitionTime, stateAt } from './replay-time.ts';
import { diagram, legendStates, replayWidget, stateOrder } from './replay-widget.ts';
import { StateDiagram } from './StateDiagram.tsx';
import { timelineModel } from './timeline-model.ts';
import { prefersReducedMotion, usePlayback } from './usePlayback.ts';
import './breaker-replay.css';

/**
 * The breaker-outage run replayed, in the shared frame: the state diagram
 * from the XState machine, the transport (play, pause, step, scrubber), the
 * timeline with the state band, and breaker vs no breaker side by side. The
 * replay time is the widget's view state (`breaker.t`): moving it never
 * reruns anything.
 */
export function BreakerReplay() {
  const w = useSimulationWidget(replayWidget);
  const { view, setView } = w;
  const timeline = useMemo(() => timelineModel(view, stateOrder, legendStates), [view]);
  const table = useMemo(() => comparisonTable(view), [view]);
  const summary = useMemo(() => replaySummary(view), [view]);

  const end = view.durationS;
  const t = Math.min(end, Math.max(0, w.viewState.t));
  const setTime = useCallback((v: number) => setView('t', v), [setView]);
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
  // Past a preview's end the breaker's state is not known until the whole run comes.
  const at = focus && (focus.previewS === null || t < focus.previewS) ? stateAt(focus.transitions, view.initialState, t) : undefined;
  const next = focus ? nextTransitionTime(focus.transitions, t) : undefined;
  const previous = focus ? previousTransitionTime(focus.transitions, t) : undefined;
  const readout = `${formatReplayTime(t)}${at && focus ? `, ${view.compare ? `${focus.label}’s breaker` : 'breaker'} ${at.state}` : ''}`;

  // Plays once by itself when the reader first sees the widget, unless they
  // asked for less motion or the link names a moment to look at.
  const autoplayed = useRef(false);
  useEffect(() => {
    if (autoplayed.current || !w.ready || w.run.state !== 'done') return;
    autoplayed.current = true;
    if (w.viewState.t === replayViewSpecs.t.default && !prefersReducedMotion()) playback.play();
  }, [w.ready, w.run.state]);

  const [barChart] = w.figures.filter((f): f is BarChartModel => f.kind === 'bar');

  return (
    <WidgetFrame widget={w} onReset={pause}>
      <div className="rl-replay">
        <Figure
          idPrefix={w.id}
          id="diagram"
          summary={describeDiagramState(diagram, focus, at, t, view.compare)}
          draw={(p) => (
            <StateDiagram
              diagram={diagram}
              title="The breaker’s states and transitions, drawn from its XState machine"
              idPrefix={w.id}
              current={at?.state}
              last={at?.last}
              {...p}
            />
          )}
        />
        <ReplayTransport
          id={w.id}
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
        <Figure
          idPrefix={w.id}
          id="timeline"
          summary={summary}
          draw={(p) => <ReplayTimeline model={timeline} stateOrder={stateOrder} cursor={t} onSeek={seek} {...p} />}
        />
      </div>
      <ComparisonTableView table={table} />
      {barChart ? <Figure idPrefix={w.id} id={barChart.id} summary={barChart.summary} draw={drawChart(barChart)} /> : null}
    </WidgetFrame>
  );
}
