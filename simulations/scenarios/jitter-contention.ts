import { randomNormal } from 'd3-random';
import { brookerBackoff } from '../../src/resilience/index.ts';
import { EventQueue } from '../engine/event-queue.ts';
import { ProgressReporter } from '../engine/progress.ts';
import { RandomStreams } from '../engine/random-streams.ts';
import { SeriesRecorder, type TimeSeries } from '../engine/time-series.ts';
import { defineScenario } from '../scenario.ts';
import { jitterContentionSpec } from './specs/jitter-contention.ts';

const params = jitterContentionSpec.params;

/**
 * Brooker's optimistic-concurrency experiment ("Exponential Backoff and
 * Jitter", AWS Architecture Blog, 2015). One row holds a version number on one
 * server. Every client starts at t = 0: it reads the version, then sends a
 * conditional write of the version it read, which succeeds only if the
 * version is still the same (the write then increments it). When a failed
 * write's answer arrives, the client waits backoff(retry), retry = 1 for its
 * first retry, then reads again. Every one-way message takes |Normal(10, 2)| ms.
 *
 * A write fails only because another client's write succeeded after the read,
 * so every round has a winner and the run always ends.
 */

export type JitterContentionSeries = TimeSeries<'calls' | 'successes'>;

export interface JitterContentionResult {
  readonly summary: { calls: number; completionTime: number; reads: number; succeededClients: number; conflicts: number };
  /** Writes received (`calls`) and writes applied (`successes`) per bucket, at the server; about 100 buckets over the run. */
  readonly series: JitterContentionSeries;
}

// Events are plain numbers, client * EVENT_KINDS + kind, so a run allocates
// nothing per message: a contended run of 200 clients sends tens of thousands.
const READ_AT_SERVER = 0;
const READ_ANSWER_AT_CLIENT = 1;
const WRITE_AT_SERVER = 2;
const WRITE_OK_AT_CLIENT = 3;
const WRITE_CONFLICT_AT_CLIENT = 4;
const BACKOFF_DONE = 5;
const EVENT_KINDS = 8;

export const jitterContention = defineScenario({
  ...jitterContentionSpec,
  run(p, seed, options = {}): JitterContentionResult {
    const streams = new RandomStreams(seed);
    const network = randomNormal.source(streams.stream('network'))(10, 2);
    const oneWayDelay = () => Math.abs(network());
    const jitter = streams.stream('backoff');
    const backoff = brookerBackoff(p.strategy, { baseMs: p.base, capMs: p.cap });

    const n = p.clients;
    const readVersion = new Int32Array(n);
    const retries = new Int32Array(n);
    // Decorrelated jitter grows each wait from the same client's previous one.
    const previousDelay: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
    let version = 0;
    let reads = 0;
    let conflicts = 0;
    let succeeded = 0;
    let completionTime = 0;
    const callTimes: number[] = [];
    const successTimes: number[] = [];

    const queue = new EventQueue<number>();
    const send = (now: number, client: number, kind: number) => queue.push(now + oneWayDelay(), client * EVENT_KINDS + kind);
    for (let c = 0; c < n; c++) send(0, c, READ_AT_SERVER);

    const progress = options.onProgress && new ProgressReporter(options.onProgress, () => succeeded / n);
    while (queue.size > 0) {
      const event = queue.pop()!;
      const now = queue.lastTime;
      const client = Math.floor(event / EVENT_KINDS);
      switch (event % EVENT_KINDS) {
        case READ_AT_SERVER:
          reads++;
          // The answer carries the version as it is now; the client writes it back.
          readVersion[client] = version;
          send(now, client, READ_ANSWER_AT_CLIENT);
          break;
        case READ_ANSWER_AT_CLIENT:
          send(now, client, WRITE_AT_SERVER);
          break;
        case WRITE_AT_SERVER:
          callTimes.push(now);
          if (readVersion[client] === version) {
            version++;
            successTimes.push(now);
            send(now, client, WRITE_OK_AT_CLIENT);
          } else {
            conflicts++;
            send(now, client, WRITE_CONFLICT_AT_CLIENT);
          }
          break;
        case WRITE_OK_AT_CLIENT:
          succeeded++;
          completionTime = now;
          progress?.poll();
          break;
        case WRITE_CONFLICT_AT_CLIENT: {
          const retry = ++retries[client];
          const delay = backoff({ retry, previousDelay: previousDelay[client], random: jitter });
          previousDelay[client] = delay;
          queue.push(now + delay, client * EVENT_KINDS + BACKOFF_DONE);
          break;
        }
        case BACKOFF_DONE:
          send(now, client, READ_AT_SERVER);
          break;
      }
    }

    progress?.finish();
    return {
      summary: { calls: callTimes.length, completionTime, reads, succeededClients: succeeded, conflicts },
      series: bucketSeries(completionTime, callTimes, successTimes),
    };
  },
});

/** Buckets of a round width (1, 2 or 5 times a power of ten ms) giving at most 100 buckets over the run. */
function bucketSeries(durationMs: number, callTimes: readonly number[], successTimes: readonly number[]): JitterContentionSeries {
  const bucketMs = roundUpToNiceWidth(durationMs / 100);
  const recorder = new SeriesRecorder(bucketMs, durationMs, ['calls', 'successes'] as const);
  for (const t of callTimes) recorder.add('calls', t);
  for (const t of successTimes) recorder.add('successes', t);
  return recorder.toJSON();
}

function roundUpToNiceWidth(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}
