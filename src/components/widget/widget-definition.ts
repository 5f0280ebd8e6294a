import type { ParamSpecs, ParamValues } from '../../params/params.ts';
import type { ScenarioResult } from '../../../simulations/scenario.ts';
import type { ChartModel } from '../charts/chart-model.ts';
import type { ScenarioLookup } from '../runner/run-request.ts';
import type { SimulationPlan } from '../runner/useSimulation.ts';
import type { Preset } from '../url/widget-state.ts';
import type { WidgetState } from '../url/widget-url.ts';

/**
 * Everything that makes one simulation widget, as data and pure functions:
 * its parameters, its story presets, which scenario runs a state needs, how
 * their results reduce to what is plotted, and the charts. The machinery
 * (URL, controls, runner, worker, build-time default, downloads) is shared by
 * all widgets in <SimulationWidget>; a widget is one definition.
 *
 * `reduce` output must survive JSON (it is embedded in the page for the
 * build-time default): finite numbers, strings, booleans, null, arrays and
 * plain objects.
 */
export interface WidgetDefinition<S extends ParamSpecs, M, V> {
  /** DOM id prefix and URL prefix, e.g. `storm`. */
  readonly id: string;
  readonly title: string;
  /** One sentence under the title: what the widget runs. */
  readonly description: string;
  readonly specs: S;
  readonly defaultSeed: number;
  readonly presets: readonly Preset<S>[];
  /** B's starting values when compare is switched on; A's values when absent. */
  readonly suggestB?: (a: ParamValues<S>) => ParamValues<S>;
  /** Finds a scenario by name on the main thread; the worker uses the registry. */
  readonly lookup: ScenarioLookup;
  readonly plan: (state: WidgetState<S>) => SimulationPlan<M>;
  readonly reduce: (results: ScenarioResult[], meta: M) => V;
  readonly charts: (view: V) => ChartModel[];
}
