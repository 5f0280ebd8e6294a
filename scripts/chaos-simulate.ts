/**
 * A chaos experiment on loopback: a healthy local service behind a
 * fault-injecting proxy, a schedule of faults (latency, errors, resets, an
 * outage, recovery), and the same load through two policies: none, and
 * retry with full jitter + per-attempt timeout + token-bucket budget. Prints
 * per phase what callers saw and what the service received; each phase's
 * start and end go to stderr as it runs, so a long run is never silent.
 *
 *   scripts/chaos-simulate.sh [--calls-per-phase 200] [--concurrency 10] [--json]
 *   scripts/chaos-simulate.sh --experiment experiments/latency-on-one-backend.json [--simulate] [--json]
 *
 * With --experiment it runs an experiment file instead (scripts/chaos/), on
 * loopback or, with --simulate, on the simulator, and exits 0 when the
 * hypothesis held, 1 when it was refuted, 3 when the experiment was aborted.
 */
import { exponentialBackoff, pipeline, retry, timeout, tokenBucketBudget, type Policy } from '../src/resilience/index.ts';
import { intParam } from '../src/params/params.ts';
import type { ParsedFlags } from '../src/params/flags.ts';
import { startFaultyService, type Faults } from '../examples/shared/faulty-service.ts';
import { startFaultProxy } from '../examples/shared/fault-proxy.ts';
import { isRetryableHttpFailure } from '../examples/shared/http-error.ts';
import { runLoad } from '../examples/shared/load-runner.ts';
import { latencySummary } from '../examples/shared/latency-summary.ts';
import { consoleIo, isProgram, runAsProgram, runCommand, type Command, type CommandIo } from '../examples/shared/command.ts';
import { experimentFileFlag, runExperimentCommand } from './chaos/experiment-command.ts';

const params = {
  callsPerPhase: intParam({ label: 'Calls in each phase', min: 10, max: 5000, default: 200 }),
  concurrency: intParam({ label: 'Calls in flight at once', min: 1, max: 128, default: 10 }),
  timeout: intParam({ label: 'Per-attempt timeout', min: 10, max: 10_000, default: 250, unit: 'ms' }),
  maxSeconds: intParam({ label: 'Time limit of each phase', min: 1, max: 60, default: 20, unit: 's' }),
  seed: intParam({ label: 'Seed of the fault draws', min: 0, max: 2 ** 31 - 1, default: 1 }),
};
type Flags = ParsedFlags<typeof params>;

/**
 * The command's flags. One table for every mode, so a new mode (another
 * schedule, an experiment read from a file) is a flag here and a branch in
 * `chaosSimulate`, and every flag keeps the same strict parsing.
 */
export const chaosSimulateCommand: Command<typeof params> = {
  name: 'chaos-simulate',
  invocation: 'scripts/chaos-simulate.sh',
  about:
    'A chaos experiment on loopback: a local service behind a fault-injecting proxy, a schedule of faults, and the\n' +
    'same load through two policies. Progress goes to stderr as each phase starts and ends; the table (or --json) to stdout.\n' +
    'With --experiment FILE it runs an experiment file instead (steady-state hypothesis, faults, blast radius, abort\n' +
    'conditions; see experiments/) on a loopback three-tier system, or on the simulator with --simulate.',
  flags: {
    params,
    switches: { json: 'print one JSON object instead of the table', simulate: 'with --experiment: run it on the simulator (virtual time) instead of loopback' },
    strings: { experiment: experimentFileFlag },
    conflicts: [{ flag: 'experiment', refuses: ['calls-per-phase', 'max-seconds'], reason: 'sets up the built-in phase table' }],
  },
  exitStatus: '0 done (--experiment: the hypothesis held); 1 the run failed (--experiment: refuted); 3 the experiment was aborted',
};

/** A step of the schedule: the proxy's faults while the phase's load runs. */
export interface Phase {
  readonly name: string;
  readonly faults: Partial<Faults>;
}

export const builtInPhases: readonly Phase[] = [
  { name: 'steady', faults: {} },
  { name: 'latency +400 ms', faults: { latencyMs: 400 } },
  { name: '30% errors', faults: { errorRate: 0.3 } },
  { name: '20% resets', faults: { resetRate: 0.2 } },
  { name: 'outage', faults: { outage: true } },
  { name: 'recovered', faults: {} },
];

const policies: { name: string; make: (timeoutMs: number) => Policy }[] = [
  { name: 'timeout only', make: (t) => timeout(t) },
  {
    name: 'retry + timeout + budget',
    make: (t) =>
      pipeline(
        retry({
          maxAttempts: 3,
          backoff: exponentialBackoff({ baseMs: 10, capMs: 200, jitter: 'full' }),
          retryable: isRetryableHttpFailure,
          budget: tokenBucketBudget({ maxTokens: 10, tokenRatio: 0.1 }),
        }),
        timeout(t),
      ),
  },
];

export interface PhaseRow {
  readonly policy: string;
  readonly phase: string;
  /** Calls that ended. */
  readonly calls: number;
  readonly successRate: number;
  /** Requests the proxy received per call that ended. */
  readonly load: number;
  readonly p99Ms: number;
  readonly failures: Record<string, number>;
  /** Calls cut off by the phase's time limit. */
  readonly unfinished: number;
}

/** Runs the schedule once per policy; says on stderr when each phase starts and how it ended. */
export async function runSchedule(phases: readonly Phase[], v: Flags['values'], io: CommandIo): Promise<PhaseRow[]> {
  const rows: PhaseRow[] = [];
  const total = policies.length * phases.length;
  for (const policy of policies) {
    const service = await startFaultyService({ seed: v.seed });
    const proxy = await startFaultProxy(service.url, { seed: v.seed });
    // One policy object for the whole schedule: its budget carries over from phase to phase, as it would in production.
    const p = policy.make(v.timeout);
    try {
      for (const phase of phases) {
        const step = `[${rows.length + 1}/${total}] ${policy.name}, ${phase.name}`;
        io.err(`${step}: ${v.callsPerPhase} calls, at most ${v.maxSeconds} s ...`);
        proxy.setFaults({ latencyMs: 0, errorRate: 0, resetRate: 0, outage: false, ...phase.faults });
        const before = proxy.stats.received;
        const r = await runLoad({ url: proxy.url, policy: p, requests: v.callsPerPhase, concurrency: v.concurrency, maxRunMs: v.maxSeconds * 1000 });
        const row: PhaseRow = {
          policy: policy.name,
          phase: phase.name,
          calls: r.calls,
          successRate: r.calls ? r.succeeded / r.calls : 0,
          load: (proxy.stats.received - before) / Math.max(1, r.calls),
          p99Ms: latencySummary(r.latencies).p99,
          failures: r.failures,
          unfinished: r.unfinished,
        };
        rows.push(row);
        io.err(
          `${step}: done in ${(r.elapsedMs / 1000).toFixed(1)} s, ${(100 * row.successRate).toFixed(1)}% succeeded${r.unfinished ? `, ${r.unfinished} unfinished` : ''}`,
        );
      }
    } finally {
      await proxy.close();
      await service.close();
    }
  }
  return rows;
}

function printRows(rows: readonly PhaseRow[], io: CommandIo): void {
  io.out(`${'policy'.padEnd(26)}${'phase'.padEnd(18)}success   load  p99 ms  unfinished  failures`);
  for (const r of rows) {
    io.out(
      `${r.policy.padEnd(26)}${r.phase.padEnd(18)}${(100 * r.successRate).toFixed(1).padStart(6)}% ${r.load.toFixed(2).padStart(6)} ${String(r.p99Ms).padStart(7)} ${String(r.unfinished).padStart(11)}  ${JSON.stringify(r.failures)}`,
    );
  }
}

async function chaosSimulate(flags: Flags, io: CommandIo): Promise<number> {
  const [file] = flags.strings.experiment ?? [];
  if (file !== undefined) {
    const v = flags.values;
    return runExperimentCommand({ file, simulate: flags.switches.has('simulate'), json: flags.switches.has('json'), concurrency: v.concurrency, timeoutMs: v.timeout, seed: v.seed }, io);
  }
  if (flags.switches.has('simulate')) {
    io.err('chaos-simulate: --simulate runs an experiment file: give it with --experiment FILE');
    return 2;
  }
  const phases = builtInPhases;
  const rows = await runSchedule(phases, flags.values, io);
  if (flags.switches.has('json')) io.out(JSON.stringify({ phases: phases.map((p) => p.name), rows }));
  else printRows(rows, io);
  return 0;
}

export function main(argv: readonly string[], io: CommandIo = consoleIo): Promise<number> {
  return runCommand(chaosSimulateCommand, argv, io, (flags) => chaosSimulate(flags, io));
}

if (isProgram(import.meta.url)) await runAsProgram(chaosSimulateCommand, (flags) => chaosSimulate(flags, consoleIo));
