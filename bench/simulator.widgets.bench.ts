/**
 * What a reader waits for at a page's default settings: the run time of
 * every registered scenario at its default parameters, and of every
 * widget's default plan (src/components/*\/*\/*-widget.ts: its runs at the
 * default state and seed, as the frame would start them). The code timed is
 * the site's: bundled by Vite as a page's worker gets it (bench/bundled.ts),
 * not tsx's per-file modules, whose import getters and `__name` wrappers
 * the reader never runs. CPU time of this process, after one warm-up run,
 * the median of a few: what a reader's first slider moves cost, compiler
 * threads included. Beside it, for a reader of the table, the same runs'
 * wall time (without the compiler threads' work on the other core) and the
 * warm wall time (the median of more runs after those), what the same run
 * costs once V8 has optimised it. Target: under 10 ms each (the queue
 * scenario's million-request runs are the simulator bench's). Last, each
 * widget's preview plan: what a slider press may run on the main thread.
 * Named to sort after simulator.bench.ts: running every scenario first makes
 * the shared models' call sites polymorphic, which slows the queue run by a
 * quarter.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParamSpecs, defaultValues as DefaultValues } from '../src/params/params.ts';
import type { executeRun as ExecuteRun, flattenRuns as FlattenRuns } from '../src/components/frame/runner/run.ts';
import type { defaultState as DefaultState } from '../src/components/frame/url/widget-state.ts';
import type { getScenario as GetScenario, scenarios as Scenarios } from '../simulations/scenarios/index.ts';
import type { Scenario } from '../simulations/scenario.ts';
import { importBundled } from './bundled.ts';

const SAMPLES = 5;
/** Runs timed on the wall clock after the CPU samples, for the warm column. */
const WARM_SAMPLES = 9;
const TARGET_MS = 10;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const components = join(root, 'src', 'components');

/** The parts of a widget definition this bench needs. */
interface PlannedWidget {
  readonly id: string;
  readonly specs: ParamSpecs;
  readonly defaultSeed: number;
  readonly plan: (state: ReturnType<typeof DefaultState<ParamSpecs>>) => { readonly runs: unknown };
  readonly preview?: (state: ReturnType<typeof DefaultState<ParamSpecs>>) => { readonly runs: unknown };
}

function isPlannedWidget(value: unknown): value is PlannedWidget {
  if (typeof value !== 'object' || value === null) return false;
  return 'plan' in value && typeof value.plan === 'function' && 'specs' in value && 'defaultSeed' in value && 'id' in value;
}

/** One run's CPU time (this process, every thread) and wall time. */
function timed(fn: () => void): { cpu: number; wall: number } {
  const start = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(start);
  return { cpu: (used.user + used.system) / 1e3, wall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * The median CPU time of SAMPLES runs after a warm-up, and their median wall
 * time: on these early runs V8's compiler threads work beside the run, so
 * the CPU time is the larger (the difference is that work, on another core).
 */
function medianMs(fn: () => void): { cpu: number; wall: number } {
  fn();
  const samples = Array.from({ length: SAMPLES }, () => timed(fn));
  return { cpu: median(samples.map((s) => s.cpu)), wall: median(samples.map((s) => s.wall)) };
}

/** Wall-clock median of WARM_SAMPLES more runs, after medianMs's: not the target's measure, a reference beside it. */
function warmWallMs(fn: () => void): number {
  const samples = Array.from({ length: WARM_SAMPLES }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return samples[WARM_SAMPLES >> 1];
}

/** What the bench runs, from the bundle. */
interface Bundle {
  readonly defaultValues: typeof DefaultValues;
  readonly executeRun: typeof ExecuteRun;
  readonly flattenRuns: typeof FlattenRuns;
  readonly defaultState: typeof DefaultState;
  readonly getScenario: typeof GetScenario;
  readonly scenarios: typeof Scenarios;
  readonly widgets: PlannedWidget[];
}

/** The `*-widget.ts` files of src/components/<concept>/<widget>/. */
async function widgetFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const concept of (await readdir(components, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const widget of (await readdir(join(components, concept.name), { withFileTypes: true })).filter((d) => d.isDirectory())) {
      const dir = join(components, concept.name, widget.name);
      for (const file of (await readdir(dir)).filter((f) => f.endsWith('-widget.ts'))) found.push(join(dir, file));
    }
  }
  return found;
}

async function bundle(): Promise<Bundle> {
  const files = await widgetFiles();
  const m = await importBundled(root, {
    params: join(root, 'src/params/params.ts'),
    run: join(root, 'src/components/frame/runner/run.ts'),
    widgetState: join(root, 'src/components/frame/url/widget-state.ts'),
    scenarios: join(root, 'simulations/scenarios/index.ts'),
    ...Object.fromEntries(files.map((f, i) => [`widget${i}`, f])),
  });
  return {
    defaultValues: m.params.defaultValues as typeof DefaultValues,
    executeRun: m.run.executeRun as typeof ExecuteRun,
    flattenRuns: m.run.flattenRuns as typeof FlattenRuns,
    defaultState: m.widgetState.defaultState as typeof DefaultState,
    getScenario: m.scenarios.getScenario as typeof GetScenario,
    scenarios: m.scenarios.scenarios as typeof Scenarios,
    widgets: files.flatMap((_, i) => Object.values(m[`widget${i}`]).filter(isPlannedWidget)),
  };
}

function printTable(title: string, rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}

export default async function simulatorDefaultsBench(): Promise<void> {
  const b = await bundle();
  const scenarioRows = [['scenario (default parameters, seed 1)', 'CPU ms', `under ${TARGET_MS} ms`, 'same runs, wall ms', 'warm wall ms']];
  for (const [name, scenario] of Object.entries(b.scenarios) as [string, Scenario][]) {
    const params = b.defaultValues(scenario.params);
    const ms = medianMs(() => scenario.run(params, 1));
    const warm = warmWallMs(() => scenario.run(params, 1));
    scenarioRows.push([name, ms.cpu.toFixed(2), ms.cpu < TARGET_MS ? 'yes' : 'NO', ms.wall.toFixed(2), warm.toFixed(2)]);
  }
  printTable(
    `scenario default runs, the site's bundle (median of ${SAMPLES}, CPU time, Node ${process.version}; the same runs' wall time; warm wall: median of ${WARM_SAMPLES} more)`,
    scenarioRows,
  );

  const widgetRows = [
    [
      'widget (default state)',
      'runs',
      'slowest run, CPU ms',
      'its scenario',
      `every run under ${TARGET_MS} ms`,
      'whole plan, CPU ms',
      `plan under ${TARGET_MS} ms`,
      'whole plan, warm wall ms',
      'preview, CPU ms',
    ],
  ];
  for (const widget of b.widgets) {
    const state = b.defaultState(widget.specs, widget.defaultSeed);
    const runs = b.flattenRuns(widget.plan(state).runs);
    let slowest = 0;
    let slowestScenario = '';
    for (const r of runs) {
      const ms = medianMs(() => b.executeRun(r, b.getScenario)).cpu;
      if (ms > slowest) [slowest, slowestScenario] = [ms, r.scenario.name];
    }
    const wholePlan = () => {
      for (const r of runs) b.executeRun(r, b.getScenario);
    };
    const whole = medianMs(wholePlan).cpu;
    const warm = warmWallMs(wholePlan);
    // The preview is what a slider press may run on the main thread, in the frame it moved in (useSimulation.ts).
    const previewRuns = widget.preview ? b.flattenRuns(widget.preview(state).runs) : undefined;
    const preview = previewRuns
      ? medianMs(() => {
          for (const r of previewRuns) b.executeRun(r, b.getScenario);
        }).cpu.toFixed(2)
      : '—';
    const yes = (ms: number) => (ms < TARGET_MS ? 'yes' : 'NO');
    widgetRows.push([widget.id, String(runs.length), slowest.toFixed(2), slowestScenario, yes(slowest), whole.toFixed(2), yes(whole), warm.toFixed(2), preview]);
  }
  printTable(`widget default plans, the site's bundle (median of ${SAMPLES}, CPU time; warm wall: median of ${WARM_SAMPLES} more)`, widgetRows);
}
