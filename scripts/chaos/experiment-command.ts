import { existsSync, readFileSync, statSync } from 'node:fs';
import { describeVerdict, parseExperimentJson, verdictExitCode, type Experiment, type Verdict, type WindowVerdict } from '../../src/resilience/index.ts';
import type { StringFlag } from '../../src/params/flags.ts';
import type { CommandIo } from '../../examples/shared/command.ts';
import { runOnSimulator } from '../../simulations/chaos/run-on-simulator.ts';
import { realModeProblem, runExperimentForReal } from './run-experiment.ts';

/** `--experiment FILE`: a readable file; its content is checked when the run starts, with every problem listed. */
export const experimentFileFlag: StringFlag = {
  placeholder: 'FILE',
  description: 'run this experiment (JSON, see experiments/) instead of the phase table; exit 0 held, 1 refuted, 3 aborted',
  check(value) {
    if (!existsSync(value)) return `no such file: ${value}`;
    if (!statSync(value).isFile()) return `not a file: ${value}`;
    return undefined;
  },
};

export interface ExperimentCommandOptions {
  readonly file: string;
  /** Run on the simulator (virtual time) instead of loopback. */
  readonly simulate: boolean;
  readonly json: boolean;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly seed: number;
}

/** The edge's request rate when an experiment file runs on the simulator, as in the chaos-experiment scenario. */
const SIMULATED_RATE = 300;

/** A malformed experiment file, or one that cannot run in the mode asked for: exit 2, like a bad command line. */
export const EXIT_BAD_EXPERIMENT = 2;

function load(file: string): { experiment: Experiment } | { errors: readonly string[] } {
  const parsed = parseExperimentJson(readFileSync(file, 'utf8'));
  return parsed.ok ? { experiment: parsed.experiment } : { errors: parsed.errors };
}

/**
 * Runs an experiment file and returns the exit status a CI job gates on:
 * 0 the hypothesis held, 1 refuted, 3 aborted, 2 a malformed file.
 */
export async function runExperimentCommand(o: ExperimentCommandOptions, io: CommandIo): Promise<number> {
  const loaded = load(o.file);
  if ('errors' in loaded) {
    io.err(`chaos-simulate: ${o.file} is not a valid experiment:`);
    for (const line of loaded.errors) io.err(`  ${line}`);
    return EXIT_BAD_EXPERIMENT;
  }
  const e = loaded.experiment;
  const problem = o.simulate ? undefined : realModeProblem(e);
  if (problem !== undefined) {
    io.err(`chaos-simulate: ${o.file} cannot run on loopback: ${problem}`);
    return EXIT_BAD_EXPERIMENT;
  }
  let verdict: Verdict;
  let windows: readonly WindowVerdict[];
  let mode: string;
  if (o.simulate) {
    mode = 'simulator';
    const r = runOnSimulator(e, o.seed, { rate: SIMULATED_RATE, defences: { timeouts: true, retries: true, breaker: false, bulkhead: false, fallback: false } });
    for (const w of r.windows) io.err(`[${(w.endMs / 1000).toFixed(1).padStart(5)} s] ${w.phase.padEnd(6)} ${[...w.probes, ...w.guards].map((p) => `${p.name} ${p.value === null ? '-' : p.value.toPrecision(3)}${p.within ? '' : ' (out)'}`).join(', ')}`);
    verdict = r.verdict;
    windows = r.windows;
  } else {
    mode = 'loopback';
    const r = await runExperimentForReal(e, { concurrency: o.concurrency, timeoutMs: o.timeoutMs, seed: o.seed }, io);
    verdict = r.verdict;
    windows = r.windows;
  }
  if (o.json) io.out(JSON.stringify({ experiment: e.title, mode, verdict, windows }));
  else io.out(`${e.title} (${mode}): ${describeVerdict(verdict)}`);
  return verdictExitCode(verdict);
}
