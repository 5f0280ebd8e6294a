/**
 * Active health checks on the real clock, with the library's
 * ActiveHealthCheck core, against local services: the URLs given with
 * --url (loopback only), or by default three built-in services of which one
 * fails for a while and comes back. Prints each transition as it happens
 * and, for the built-in failure, the measured detection and recovery times
 * against the bound worstCaseDetectionMs gives.
 *
 *   scripts/health-check.sh [--interval 500] [--unhealthy-threshold 3] [--failure hang] [--json]
 *   scripts/health-check.sh --url http://127.0.0.1:8080/health --url http://127.0.0.1:8081/health
 *
 * Exit status: 0, or 1 when a target is unhealthy at the end of the run (or
 * never passed a check), or 2 for a bad flag or a URL that is not loopback.
 */
import { randomLcg } from 'd3-random';
import { realClock, worstCaseDetectionMs, type ActiveHealthCheckOptions } from '../src/resilience/index.ts';
import { enumParam, intParam, numberParam, type ParamValues } from '../src/params/params.ts';
import { loopbackUrlFlag } from '../src/params/loopback-url.ts';
import type { ParsedFlags } from '../src/params/flags.ts';
import { runFaultTimeline, type AppliedStep } from '../examples/shared/fault-timeline.ts';
import { startFaultyService, type Faults, type FaultyService } from '../examples/shared/faulty-service.ts';
import { warmUpHttpClient } from '../examples/shared/warm-up-http-client.ts';
import { runHealthChecks, type HealthCheckRun, type HealthTarget, type TargetReport, type TransitionRecord } from '../examples/shared/health-check-runner.ts';
import { consoleIo, isProgram, runAsProgram, runCommand, type Command, type CommandIo } from '../examples/shared/command.ts';

const params = {
  interval: intParam({ label: 'Time between the starts of two checks', min: 10, max: 60_000, default: 500, unit: 'ms' }),
  timeout: intParam({ label: 'A check with no answer by then fails', min: 10, max: 60_000, default: 250, unit: 'ms' }),
  healthyThreshold: intParam({ label: 'Passed checks in a row that make a target healthy', min: 1, max: 20, default: 2 }),
  unhealthyThreshold: intParam({ label: 'Failed checks in a row that make a target unhealthy', min: 1, max: 20, default: 3 }),
  jitter: intParam({ label: 'Up to this much added to each interval, and to the first check', min: 0, max: 60_000, default: 50, unit: 'ms' }),
  duration: numberParam({ label: 'Stop after this long', min: 0.5, max: 120, default: 10, step: 0.1, unit: 's' }),
  failAt: numberParam({ label: 'Built-in services: when one of them fails', min: 0, max: 120, default: 3, step: 0.1, unit: 's' }),
  failFor: numberParam({ label: 'Built-in services: how long it stays failed', min: 0, max: 120, default: 4, step: 0.1, unit: 's' }),
  failure: enumParam({ label: 'Built-in services: how it fails', options: ['outage', 'hang', 'reset'] as const, default: 'outage' }),
  seed: intParam({ label: 'Seed of the jitter', min: 0, max: 2 ** 31 - 1, default: 1 }),
};
type Values = ParamValues<typeof params>;
type FailureKind = Values['failure'];

export const healthCheckCommand: Command<typeof params> = {
  name: 'health-check',
  invocation: 'scripts/health-check.sh',
  about:
    'Active health checks on the real clock: the loopback URLs given with --url, or three built-in services of which\n' +
    'one fails for a while and comes back. A 2xx passes; a redirect is never followed and fails the check. A target\n' +
    'that never passed a check is never reported healthy.',
  flags: {
    params,
    strings: { url: loopbackUrlFlag('a loopback URL to check; without it three built-in services are started', { repeatable: true }) },
    switches: { json: 'print one JSON object instead of the text report' },
    conflicts: [{ flag: 'url', refuses: ['fail-at', 'fail-for', 'failure'], reason: 'applies to the built-in services only' }],
  },
  exitStatus: '0 every target healthy at the end; 1 a target unhealthy at the end, or never seen healthy',
};
const failureLabels: Record<FailureKind, string> = {
  outage: 'every request a 503',
  hang: 'no answer at all',
  reset: 'every connection reset',
};
/** A healthy built-in service answers in this long, ms. */
const SERVICE_LATENCY_MS = 2;

export type Output = CommandIo;

function faultsFor(kind: FailureKind): Partial<Faults> {
  switch (kind) {
    case 'outage':
      return { outage: true };
    case 'hang':
      // Far beyond any timeout; the service drops the wait when the checker hangs up.
      return { latencyMs: 3_600_000 };
    case 'reset':
      return { resetRate: 1 };
  }
}

const healthy: Partial<Faults> = { outage: false, latencyMs: SERVICE_LATENCY_MS, resetRate: 0 };

interface BuiltInFailure {
  readonly target: string;
  readonly steps: readonly AppliedStep[];
}

/** When the failing target was found out, and when its return was, against the bounds. */
function measure(run: HealthCheckRun, failure: BuiltInFailure | undefined) {
  if (!failure) return undefined;
  const [failed, recovered] = failure.steps;
  const first = (kind: TransitionRecord['transition'], after: number | undefined) =>
    after === undefined ? undefined : run.transitions.find((t) => t.target === failure.target && t.transition === kind && t.atMs >= after);
  const down = first('became-unhealthy', failed?.appliedMs);
  const up = first('became-healthy', recovered?.appliedMs);
  return {
    target: failure.target,
    failedAtMs: failed?.appliedMs ?? null,
    detectedAtMs: down?.atMs ?? null,
    detectionMs: down && failed ? down.atMs - failed.appliedMs : null,
    recoveredAtMs: recovered?.appliedMs ?? null,
    recoveryDetectedAtMs: up?.atMs ?? null,
    recoveryMs: up && recovered ? up.atMs - recovered.appliedMs : null,
    /** Transitions of the targets that never failed. */
    falseTransitions: run.transitions.filter((t) => t.target !== failure.target).length,
  };
}

function verdict(t: TargetReport): string {
  if (t.healthy) return 'healthy';
  return t.passed === 0 ? 'NEVER SEEN HEALTHY' : 'UNHEALTHY';
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function describeTransition(t: TransitionRecord): string {
  const verdict =
    t.transition === 'became-healthy'
      ? `healthy after ${t.streak} passed check${t.streak === 1 ? '' : 's'}`
      : `UNHEALTHY after ${t.streak} failed check${t.streak === 1 ? '' : 's'}`;
  return `${seconds(t.atMs).padStart(9)}  ${t.target}: ${verdict} (last: ${t.lastAnswer})`;
}

async function healthCheck(flags: ParsedFlags<typeof params>, io: CommandIo): Promise<number> {
  const v = flags.values;
  const urls = (flags.strings.url ?? []).map((u) => new URL(u));
  const durationMs = v.duration * 1000;
  if (urls.length === 0 && v.failAt * 1000 >= durationMs) {
    io.err(
      `health-check: --fail-at ${v.failAt} s is not before the end of the run (--duration ${v.duration} s)\n${healthCheckCommand.invocation} --help lists the flags`,
    );
    return 2;
  }

  const check: ActiveHealthCheckOptions = {
    intervalMs: v.interval,
    timeoutMs: v.timeout,
    healthyThreshold: v.healthyThreshold,
    unhealthyThreshold: v.unhealthyThreshold,
    intervalJitterMs: v.jitter,
    initialJitterMs: v.jitter,
  };
  const worstDetection = worstCaseDetectionMs(check);
  // Recovery is the same race with the other threshold: that many passes in a row, the last one answered within the timeout.
  const worstRecovery = worstCaseDetectionMs({ ...check, unhealthyThreshold: check.healthyThreshold });
  const json = flags.switches.has('json');
  const say = (line: string) => {
    if (!json) io.out(line);
  };

  const services: FaultyService[] = [];
  try {
    let targets: HealthTarget[];
    let failing: number | undefined;
    if (urls.length > 0) {
      targets = urls.map((u) => ({ name: u.host, url: u.href }));
    } else {
      for (let i = 0; i < 3; i++) services.push(await startFaultyService({ seed: v.seed + i, faults: healthy }));
      targets = services.map((s, i) => ({ name: `service-${'abc'[i]}`, url: s.url }));
      failing = 1;
    }

    say(
      `Checking ${targets.length} target${targets.length === 1 ? '' : 's'} every ${v.interval} ms (+ up to ${v.jitter} ms), timeout ${v.timeout} ms; ` +
        `unhealthy after ${v.unhealthyThreshold} failed checks in a row, healthy again after ${v.healthyThreshold} passed; for ${v.duration} s.`,
    );
    say(`Worst case: a failure is detected within ${worstDetection} ms, a recovery within ${worstRecovery} ms (worstCaseDetectionMs).`);
    for (const t of targets) say(`  ${t.name.padEnd(16)} ${t.url}`);
    if (failing !== undefined)
      say(
        `${targets[failing].name} fails (${failureLabels[v.failure]}) at ${seconds(v.failAt * 1000)} and comes back at ${seconds((v.failAt + v.failFor) * 1000)}.`,
      );

    await warmUpHttpClient();
    const clock = realClock;
    const startedAt = clock.now();
    const stop = AbortSignal.timeout(durationMs + 2 * v.timeout + 1000);
    const failingService = failing === undefined ? undefined : services[failing];
    const failingName = failing === undefined ? '' : targets[failing].name;
    const schedule = failingService
      ? runFaultTimeline(
          [
            { atMs: v.failAt * 1000, label: `fails: ${failureLabels[v.failure]}`, apply: () => failingService.setFaults(faultsFor(v.failure)) },
            { atMs: (v.failAt + v.failFor) * 1000, label: 'comes back', apply: () => failingService.setFaults(healthy) },
          ].filter((s) => s.atMs < durationMs),
          clock,
          startedAt,
          // The schedule ends with the checks: a step after the last check would show nothing.
          AbortSignal.any([stop, AbortSignal.timeout(durationMs)]),
          (step) => say(`${seconds(step.appliedMs).padStart(9)}  ${failingName} ${step.label}`),
        )
      : Promise.resolve([]);
    const [run, steps] = await Promise.all([
      runHealthChecks({
        targets,
        check,
        durationMs,
        random: randomLcg(v.seed),
        clock,
        startedAt,
        signal: stop,
        onTransition: (t) => say(describeTransition(t)),
      }),
      schedule,
    ]);
    const measured = measure(run, failingService ? { target: failingName, steps } : undefined);

    if (json) {
      io.out(
        JSON.stringify({
          check,
          durationMs,
          worstCaseDetectionMs: worstDetection,
          worstCaseRecoveryMs: worstRecovery,
          targets: run.targets,
          faults: steps,
          transitions: run.transitions,
          measured: measured ?? null,
        }),
      );
    } else {
      if (measured) {
        const vs = (ms: number | null, bound: number, what: string) =>
          ms === null ? `${what}: not within the run` : `${what} in ${Math.round(ms)} ms (worst case ${bound} ms)`;
        if (measured.failedAtMs !== null) say(vs(measured.detectionMs, worstDetection, 'Failure detected'));
        if (measured.recoveredAtMs !== null) say(vs(measured.recoveryMs, worstRecovery, 'Recovery detected'));
        if (measured.falseTransitions > 0)
          say(`${measured.falseTransitions} transition(s) of services that never failed: a timeout too tight for this machine?`);
      }
      for (const t of run.targets) say(`  ${t.name.padEnd(16)} ${t.checks} checks, ${t.passed} passed; ${verdict(t)} at the end`);
    }
    return run.targets.every((t) => t.healthy) ? 0 : 1;
  } finally {
    for (const s of services) await s.close();
  }
}

export function main(argv: readonly string[], io: CommandIo = consoleIo): Promise<number> {
  return runCommand(healthCheckCommand, argv, io, (flags) => healthCheck(flags, io));
}

if (isProgram(import.meta.url)) await runAsProgram(healthCheckCommand, (flags) => healthCheck(flags, consoleIo));
