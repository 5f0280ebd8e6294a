import { runMany } from '../run-many.ts';
import type { ScenarioRegistry } from '../scenarios/index.ts';
import { formatDuration, formatHelp, formatList, formatRunTable, formatScenarioHelp, listAsJson, runAsJson } from './format.ts';
import { parseArgs, type CliCommand } from './parse-args.ts';
import { estimateSeconds, runCosts, type RunCostEstimator } from './run-cost.ts';

/** Where the CLI writes; a test passes collectors, `main.ts` the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 done, 1 the run itself failed, 2 the command line is wrong (or over its budget). */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_USAGE = 2;

/** A run estimated to take longer than this shows its progress on stderr. */
export const PROGRESS_AFTER_SECONDS = 3;
/** Progress lines are printed at each of these steps of the run, in percent. */
const PROGRESS_STEP_PERCENT = 10;

type RunCommand = Extract<CliCommand, { kind: 'run' }>;

/** The whole CLI, minus the process: parses, runs, prints, returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo, registry: ScenarioRegistry, costs: Readonly<Record<string, RunCostEstimator>> = runCosts): number {
  const cmd = parseArgs(argv, registry);
  switch (cmd.kind) {
    case 'error':
      io.err(`error: ${cmd.message}\nhint: ${cmd.hint}\n`);
      return EXIT_USAGE;
    case 'help':
      io.out(cmd.scenario ? formatScenarioHelp(cmd.scenario) : formatHelp(registry));
      return EXIT_OK;
    case 'list': {
      const listed = cmd.scenario ? { [cmd.scenario.name]: cmd.scenario } : registry;
      io.out(cmd.json ? JSON.stringify(listAsJson(listed), null, 2) + '\n' : formatList(listed));
      return EXIT_OK;
    }
    case 'run':
      return run(cmd, io, estimateSeconds(costs, cmd.scenario.name, cmd.params, cmd.runs));
  }
}

function run(cmd: RunCommand, io: CliIo, estimate: number | undefined): number {
  const name = cmd.scenario.name;
  for (const note of cmd.notes) io.err(`note: ${note}\n`);
  const what = cmd.runs === 1 ? name : `${name} × ${cmd.runs} runs`;
  if (estimate !== undefined && estimate > cmd.budgetSeconds) {
    io.err(
      `error: ${what} would take about ${formatDuration(estimate)} by its estimate, over the budget of ${formatDuration(cmd.budgetSeconds)}\n` +
        `hint: ask for less (fewer runs, a shorter or smaller run), or raise the budget: --time-budget ${Math.ceil(estimate * 2)}\n`,
    );
    return EXIT_USAGE;
  }
  let onProgress: ((fraction: number) => void) | undefined;
  if (estimate !== undefined && estimate > PROGRESS_AFTER_SECONDS) {
    io.err(`${what}: about ${formatDuration(estimate)} by its estimate; progress follows\n`);
    let shown = 0;
    onProgress = (fraction) => {
      const percent = Math.floor((fraction * 100) / PROGRESS_STEP_PERCENT) * PROGRESS_STEP_PERCENT;
      if (percent <= shown) return;
      shown = percent;
      io.err(`${what}: ${percent}%\n`);
    };
  }
  let summary;
  try {
    summary = runMany(cmd.scenario, cmd.params, cmd.seed, cmd.runs, { onProgress });
  } catch (e) {
    io.err(`error: ${name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_RUN_FAILED;
  }
  io.out(cmd.json ? JSON.stringify(runAsJson(cmd, summary)) + '\n' : formatRunTable(cmd, summary));
  return EXIT_OK;
}
