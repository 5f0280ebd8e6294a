import { runMany } from '../run-many.ts';
import type { ScenarioRegistry } from '../scenarios/index.ts';
import { formatHelp, formatList, formatRunTable, formatScenarioHelp, listAsJson, runAsJson } from './format.ts';
import { parseArgs } from './parse-args.ts';

/** Where the CLI writes; a test passes collectors, `main.ts` the process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 done, 1 the run itself failed, 2 the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_RUN_FAILED = 1;
export const EXIT_USAGE = 2;

/** The whole CLI, minus the process: parses, runs, prints, returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo, registry: ScenarioRegistry): number {
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
    case 'run': {
      let summary;
      try {
        summary = runMany(cmd.scenario, cmd.params, cmd.seed, cmd.runs);
      } catch (e) {
        io.err(`error: ${cmd.scenario.name} failed: ${e instanceof Error ? e.message : String(e)}\n`);
        return EXIT_RUN_FAILED;
      }
      io.out(cmd.json ? JSON.stringify(runAsJson(cmd, summary)) + '\n' : formatRunTable(cmd, summary));
      return EXIT_OK;
    }
  }
}
