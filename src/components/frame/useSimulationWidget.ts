import { useCallback, useEffect, useMemo, useRef, type ReactElement, type RefObject } from 'react';
import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import { downloadText } from './export/download-text.ts';
import { standaloneSvg } from './export/standalone-svg.ts';
import type { FigureModel } from './figure-model.ts';
import { figuresCsv } from './figures-csv.ts';
import { executeRunsWith, flattenRuns, type Run } from './runner/run.ts';
import { scenarioCode } from './runner/scenario-code.ts';
import { planKey, prefetch, useSimulation, warmFor, type RunState, type Shown } from './runner/useSimulation.ts';
import { stepAheadRuns } from './step-ahead.ts';
import { useBuildTimeDefault } from './ssr/useBuildTimeDefault.tsx';
import { useWidgetState, type Side, type WidgetStateApi } from './url/useWidgetState.ts';
import { defaultState, type Preset } from './url/widget-state.ts';
import type { WidgetDefinition } from './widget-definition.ts';

/** Everything `<WidgetFrame>` and a widget's own figures need: the state and its setters, the shown view, the run's status, the tools. */
export interface SimulationWidget<S extends ParamSpecs, V, VS extends ParamSpecs> extends WidgetStateApi<S, VS> {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly specs: S;
  readonly presets: readonly Preset<S>[];
  /** The reduced result on show: the build-time default until a run for the current state is done. */
  readonly view: V;
  readonly figures: readonly FigureModel[];
  /** The run status; `plan` and `shown` are the keys of the current plan and of the one drawn (equal once the chart shows the current parameters). */
  readonly run: { readonly state: RunState; readonly text: string; readonly plan: string; readonly shown: string };
  /** The `<script>` carrying the build-time default into hydration; the frame renders it. */
  readonly carrier: ReactElement;
  /** The frame's root element: downloads collect the SVGs inside it. */
  readonly root: RefObject<HTMLElement | null>;
  /** A's or B's parameter changed by its control. */
  onParam(side: Side): <K extends keyof S & string>(name: K, value: ParamValues<S>[K]) => void;
  /** The reader is on A's or B's slider for this parameter (focus, or the pointer over it). */
  onSliderIntent(side: Side): (name: keyof S & string) => void;
  downloadSvg(): void;
  downloadCsv(): void;
}

/**
 * The default state's view, computed (on the server, at build time) exactly
 * as the browser would compute it. The server has every scenario's code
 * loaded (`scenario-code.ts`); a browser has only what it has loaded, and
 * computes this only when a page lacks the embedded default.
 */
export function buildTimeDefault<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(d: WidgetDefinition<S, T, M, V, VS>): Shown<V> {
  const plan = d.plan(defaultState(d.specs, d.defaultSeed));
  return { key: planKey(plan), view: d.reduce(executeRunsWith(plan.runs, scenarioCode.loaded), plan.meta) };
}

/** Events that show a reader turning to a widget: a pointer over it, focus inside it, a touch. */
const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

/**
 * At the reader's first sign of intent on the element, starts loading the
 * run code of the scenarios `runs` use and warms the page for them (the
 * worker, this thread's code: `warmFor`), so that the first slider move
 * finds them ready. Not at page load: most readers never touch most
 * widgets. (A run needed before then, as for a link with non-default state,
 * loads its code itself.)
 */
function useReadyOnIntent(root: RefObject<HTMLElement | null>, runs: readonly Run[]): void {
  const latest = useRef(runs);
  useEffect(() => {
    latest.current = runs;
  }, [runs]);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let warmed = false;
    const prepare = () => {
      const now = latest.current;
      // A failed load is tried again, and reported, when a run needs the code.
      scenarioCode.loadAll(now.map((r) => r.scenario.name)).catch(() => {});
      if (warmed) return;
      warmed = true;
      warmFor(now);
    };
    for (const e of INTENT_EVENTS) el.addEventListener(e, prepare, { passive: true });
    return () => {
      for (const e of INTENT_EVENTS) el.removeEventListener(e, prepare);
    };
  }, [root]);
}

/**
 * Computes ahead, in the worker's idle time, the plans up to STEPS_AHEAD
 * steps either side of the slider the reader is on, their previews first:
 * when they come to it (focus, or the pointer over it), and again after
 * each change while they stay. A reader stepping through a slider then
 * finds each result cached, and the new chart costs only its drawing.
 * Nothing before the widget has read its URL.
 */
/**
 * Two, not one: a held key or a drag presses the next step as soon as the
 * first step's chart is drawn, before the worker has computed the step
 * after it (asked for only once the first step was shown), so that second
 * step waited for its own runs, here or in the worker (bench:site's "next
 * step at once": the breaker's 22-50 ms). Computed from the focus on, two
 * steps ahead are cached by then; each press after that adds one new plan
 * to compute, as one step ahead did.
 */
const STEPS_AHEAD = 2;

function useStepAhead<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(
  d: WidgetDefinition<S, T, M, V, VS>,
  state: WidgetStateApi<S, VS>['state'],
  ready: boolean,
): (side: Side) => (name: keyof S & string) => void {
  const on = useRef<{ side: Side; name: keyof S & string } | undefined>(undefined);
  const latest = useRef({ state, ready });
  latest.current = { state, ready };
  const ahead = useCallback(() => {
    const { state: s, ready: r } = latest.current;
    const slider = on.current;
    if (!r || !slider) return;
    prefetch(() => stepAheadRuns(d.specs, d.plan, s, slider.side, slider.name, STEPS_AHEAD, d.preview));
  }, [d]);
  useEffect(ahead, [ahead, state, ready]);
  const sides = useMemo(() => {
    const forSide = (side: Side) => (name: keyof S & string) => {
      if (on.current?.side === side && on.current.name === name) return;
      on.current = { side, name };
      ahead();
    };
    return { a: forSide('a'), b: forSide('b') };
  }, [ahead]);
  return useCallback((side: Side) => sides[side], [sides]);
}

/**
 * A widget's state, runs and tools from its definition: the URL state
 * (parameters, seed, compare, view state), the plan for the current state
 * run on the main thread or in the worker (the build-time default shown
 * until then), the figures of what is shown, and the downloads.
 */
export function useSimulationWidget<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(d: WidgetDefinition<S, T, M, V, VS>): SimulationWidget<S, V, VS> {
  const api = useWidgetState(d);
  const plan = useMemo(() => d.plan(api.state), [d, api.state]);
  const { value: initial, carrier } = useBuildTimeDefault(d.id, () => buildTimeDefault(d));
  const parts = useMemo(() => [...(d.preview ? [d.preview(api.state)] : []), ...(d.refine?.(api.state) ?? [])], [d, api.state]);
  const sim = useSimulation(plan, d.reduce, initial, api.ready, parts);
  const view = sim.shown.view;
  const figures = useMemo(() => d.figures(view, api.viewState), [d, view, api.viewState]);
  const root = useRef<HTMLElement>(null);
  useReadyOnIntent(
    root,
    useMemo(() => [plan, ...parts].flatMap((p) => flattenRuns(p.runs)), [plan, parts]),
  );
  const { setParam } = api;
  const onA = useCallback(<K extends keyof S & string>(name: K, v: ParamValues<S>[K]) => setParam('a', name, v), [setParam]);
  const onB = useCallback(<K extends keyof S & string>(name: K, v: ParamValues<S>[K]) => setParam('b', name, v), [setParam]);
  const onSliderIntent = useStepAhead(d, api.state, api.ready);

  const downloadSvg = () => {
    const el = root.current;
    const svgs = [...(el?.querySelectorAll<SVGSVGElement>('svg[data-chart]') ?? [])];
    if (!el || svgs.length === 0) return;
    const bg = getComputedStyle(el).getPropertyValue('--sl-color-bg').trim() || '#fff';
    downloadText(`${d.id}-charts.svg`, 'image/svg+xml', standaloneSvg(svgs, bg));
  };
  const downloadCsv = () => downloadText(`${d.id}-data.csv`, 'text/csv', d.csv ? d.csv(view, figures) : figuresCsv(figures));

  return {
    ...api,
    id: d.id,
    title: d.title,
    description: d.description,
    specs: d.specs,
    presets: d.presets,
    view,
    figures,
    run: { state: sim.state, text: sim.text, plan: sim.plan, shown: sim.shown.key },
    carrier,
    root,
    onParam: (side) => (side === 'a' ? onA : onB),
    onSliderIntent,
    downloadSvg,
    downloadCsv,
  };
}
