/**
 * What a reader waits for at a page's default settings: the run time of
 * every registered scenario at its default parameters, and of every
 * widget's default plan (src/components/*\/*\/*-widget.ts: its runs at the
 * default state and seed, as the frame would start them). CPU time of this
 * process, after one warm-up run, the median of a few: what a reader's first
 * slider moves cost, compiler threads included. Beside it, for a reader of
 * the table, the same runs' wall time (without the compiler threads' work on
 * the other core) and the warm wall time (the median of more runs after
 * those), what the same run costs once V8 has optimised it. Target: under 10 ms
 * each (the queue scenario's million-request runs are the simulator bench's).
 * Named to sort after simulator.bench.ts: running every scenario first makes
 * the shared models' call sites polymorphic, which slows the queue run by a
 * quarter.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultValues, type ParamSpecs } from '../src/params/params.ts';
import { executeRun, Run, type Runs } from '../src/components/frame/runner/run.ts';
import { defaultState } from '../src/components/frame/url/widget-state.ts';
import { getScenario, scenarios } from '../simulations/scenarios/index.ts';
import type { Scenario } from '../simulations/scenario.ts';

const SAMPLES = 5;
/** Runs timed on the wall clock after the CPU samples, for the warm column. */
const WARM_SAMPLES = 9;
const TARGET_MS = 10;
const components = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'components');

/** The parts of a widget definition this bench needs. */
interface PlannedWidget {
  readonly id: string;
  readonly specs: ParamSpecs;
  readonly defaultSeed: number;
  readonly plan: (state: ReturnType<typeof defaultState<ParamSpecs>>) => { readonly runs: unknown };
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

function flatRuns(runs: unknown, into: Run[] = []): Run[] {
  if (runs instanceof Run) into.push(runs);
  else if (Array.isArray(runs)) for (const r of runs) flatRuns(r, into);
  else if (typeof runs === 'object' && runs !== null) for (const r of Object.values(runs)) flatRuns(r, into);
  return into;
}

async function widgetDefinitions(): Promise<PlannedWidget[]> {
  const found: PlannedWidget[] = [];
  for (const concept of (await readdir(components, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    for (const widget of (await readdir(join(components, concept.name), { withFileTypes: true })).filter((d) => d.isDirectory())) {
      const dir = join(components, concept.name, widget.name);
      for (const file of (await readdir(dir)).filter((f) => f.endsWith('-widget.ts'))) {
        const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
        for (const value of Object.values(module)) if (isPlannedWidget(value)) found.push(value);
      }
    }
  }
  return found;
}

function printTable(title: string, rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}

export default async function simulatorDefaultsBench(): Promise<void> {
  const scenarioRows = [['scenario (default parameters, seed 1)', 'CPU ms', `under ${TARGET_MS} ms`, 'same runs, wall ms', 'warm wall ms']];
  for (const [name, scenario] of Object.entries(scenarios) as [string, Scenario][]) {
    const params = defaultValues(scenario.params);
    const ms = medianMs(() => scenario.run(params, 1));
    const warm = warmWallMs(() => scenario.run(params, 1));
    scenarioRows.push([name, ms.cpu.toFixed(2), ms.cpu < TARGET_MS ? 'yes' : 'NO', ms.wall.toFixed(2), warm.toFixed(2)]);
  }
  printTable(`scenario default runs (median of ${SAMPLES}, CPU time, Node ${process.version}; the same runs' wall time; warm wall: median of ${WARM_SAMPLES} more)`, scenarioRows);

  const widgetRows = [['widget (default state)', 'runs', 'slowest run, CPU ms', 'whole plan, CPU ms', `plan under ${TARGET_MS} ms`, 'whole plan, warm wall ms']];
  for (const widget of await widgetDefinitions()) {
    const runs = flatRuns(widget.plan(defaultState(widget.specs, widget.defaultSeed)).runs);
    let slowest = 0;
    for (const r of runs) slowest = Math.max(slowest, medianMs(() => executeRun(r, getScenario)).cpu);
    const wholePlan = () => {
      for (const r of runs) executeRun(r, getScenario);
    };
    const whole = medianMs(wholePlan).cpu;
    const warm = warmWallMs(wholePlan);
    widgetRows.push([widget.id, String(runs.length), slowest.toFixed(2), whole.toFixed(2), whole < TARGET_MS ? 'yes' : 'NO', warm.toFixed(2)]);
  }
  printTable(`widget default plans (median of ${SAMPLES}, CPU time; warm wall: median of ${WARM_SAMPLES} more)`, widgetRows);
}
