import type { ParamSpecs } from '../../params/params.ts';
import { executeRuns } from '../frame/runner/run-in-node.ts';
import { applyPreset, defaultState } from '../frame/url/widget-state.ts';
import type { WidgetDefinition } from '../frame/widget-definition.ts';

/** The seeds a debrief's ranges are taken over. */
export const DEBRIEF_SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

export interface DebriefMetric<V> {
  readonly label: string;
  readonly unit?: string;
  /** Decimals shown (and kept in the JSON). */
  readonly digits: number;
  readonly of: (view: V) => number;
}

/** One measured quantity of an exercise, as a range over the seeds. */
export interface DebriefRange {
  readonly label: string;
  readonly unit?: string;
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

/** One exercise's debrief: which widget and preset ran, and what came out over the seeds. */
export interface DebriefEntry {
  readonly id: string;
  readonly widget: string;
  readonly preset: string;
  readonly presetLabel: string;
  readonly seeds: readonly number[];
  readonly ranges: readonly DebriefRange[];
}

/** Exercises run on one widget preset, with the widget's types closed over so that groups of different widgets sit in one list. */
export interface DebriefGroup {
  readonly ids: readonly string[];
  compute(seeds: readonly number[]): DebriefEntry[];
}

export interface DebriefGroupOptions {
  /**
   * Run only the first this many seeds: for a preset too costly for twenty
   * (the recompute test runs every group). The debrief says which seeds.
   */
  readonly seeds?: number;
}

/**
 * One widget preset, run through the widget's own plan and reduce (exactly
 * what the reader's browser runs) on each seed, and for each exercise that
 * uses it the numbers its lead-in talks about, read off the view.
 */
export function debriefGroup<S extends ParamSpecs, T, M, V, VS extends ParamSpecs>(
  widget: WidgetDefinition<S, T, M, V, VS>,
  presetId: string,
  exercises: Readonly<Record<string, readonly DebriefMetric<V>[]>>,
  options: DebriefGroupOptions = {},
): DebriefGroup {
  const preset = widget.presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`debrief: widget ${widget.id} has no preset ${presetId}`);
  return {
    ids: Object.keys(exercises),
    compute(allSeeds) {
      const seeds = options.seeds === undefined ? allSeeds : allSeeds.slice(0, options.seeds);
      const views = seeds.map((seed) => {
        const plan = widget.plan(applyPreset(widget.specs, defaultState(widget.specs, seed), preset));
        return widget.reduce(executeRuns(plan.runs), plan.meta);
      });
      return Object.entries(exercises).map(([id, metrics]) => ({
        id,
        widget: widget.id,
        preset: preset.id,
        presetLabel: preset.label,
        seeds: [seeds[0], seeds[seeds.length - 1]],
        ranges: metrics.map((m) => ({ label: m.label, ...(m.unit ? { unit: m.unit } : {}), ...summary(views.map(m.of), m.digits) })),
      }));
    },
  };
}

function summary(xs: readonly number[], digits: number): { min: number; median: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 === 1 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  const round = (x: number) => Number(x.toFixed(digits));
  return { min: round(s[0]), median: round(median), max: round(s[s.length - 1]) };
}
