import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import type { FigureModel } from './figure-model.ts';
import type { ResultsOf } from './runner/run.ts';
import type { SimulationPlan } from './runner/useSimulation.ts';
import type { DefaultsByVersion } from './url/link-version.ts';
import type { Preset } from './url/widget-state.ts';
import type { WidgetState } from './url/widget-url.ts';

/**
 * Everything that makes one simulation widget, as data and pure functions:
 * its parameters, its view state, its story presets, which scenario runs a
 * state needs, how their results reduce to what is plotted, and the figures.
 * The machinery (URL, controls, compare, runner, worker, build-time default,
 * downloads) is the frame's: `useSimulationWidget(definition)` and
 * `<WidgetFrame>`.
 *
 * Types flow from the plan: `plan` returns runs built with `run(scenario,
 * params, seed, cost)` in any shape (a list, a record, nested), and `reduce`
 * receives the results in that same shape, each typed by its own scenario.
 *
 * `reduce` output must survive JSON (it is embedded in the page for the
 * build-time default): finite numbers, strings, booleans, null, arrays and
 * plain objects.
 */
export interface WidgetDefinition<S extends ParamSpecs, T, M, V, VS extends ParamSpecs> {
  /** DOM id prefix and URL prefix, e.g. `storm`. */
  readonly id: string;
  readonly title: string;
  /** One sentence under the title: what the widget runs. */
  readonly description: string;
  /** The parameters the runs depend on: controls, URL keys, A and B. */
  readonly specs: S;
  /**
   * View state: settings no run depends on (where a replay stands, a
   * selected backend). They are kept in the URL under the widget's prefix
   * (`breaker.t=22`) and never rerun anything; the widget draws their
   * controls itself. `{}` for none.
   */
  readonly viewSpecs: VS;
  readonly defaultSeed: number;
  readonly presets: readonly Preset<S>[];
  /** B's starting values when compare is switched on; A's values when absent. */
  readonly suggestB?: (a: ParamValues<S>) => ParamValues<S>;
  readonly plan: (state: WidgetState<S>) => SimulationPlan<T, M>;
  /**
   * A cheaper plan of the same shape whose runs are among `plan`'s (e.g.
   * its first seed only), shown at once, labelled partial, while the whole
   * plan runs in the worker. Or a plan of its own with a `label` saying what
   * it is (e.g. the same scenario run for its first 20 s of 60): computed
   * on the main thread when cheap enough for the slider's frame, else by
   * the worker ahead of the whole plan. Absent: nothing is shown until the
   * whole plan is done.
   */
  readonly preview?: (state: WidgetState<S>) => SimulationPlan<T, M>;
  /**
   * Larger parts of the plan, after the preview: each a plan of the same
   * shape whose runs include the one before's and are among `plan`'s (e.g.
   * more seeds of every average, more points of a sweep). The worker
   * computes their runs in this order, and each is shown, labelled partial,
   * as soon as its runs are back: the chart refines while the plan runs.
   */
  readonly refine?: (state: WidgetState<S>) => SimulationPlan<T, M>[];
  readonly reduce: (results: ResultsOf<T>, meta: M) => V;
  /** The figures as models: drawn by `<Figures>` (unless the widget lays out its own) and exported as CSV. */
  readonly figures: (view: V, viewState: ParamValues<VS>) => FigureModel[];
  /**
   * The defaults of earlier link versions (frame/url/link-version.ts): when a
   * default changes, its old value goes here so that old links keep showing
   * what they showed. Absent: every link is version 1.
   */
  readonly defaultsByVersion?: DefaultsByVersion<S>;
  /** The "Download CSV" file, when more than the figures' long-form rows belong in it. */
  readonly csv?: (view: V, figures: readonly FigureModel[]) => string;
}

/** Declares a widget with its types inferred: the plan's runs decide what `reduce` receives. */
export function defineWidget<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(d: WidgetDefinition<S, T, M, V, VS>): WidgetDefinition<S, T, M, V, VS> {
  return d;
}
