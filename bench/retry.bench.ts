/**
 * Per-call cost of the retry family on the path that matters most: the call
 * succeeds at once. Ours against cockatiel 3.2.1 configured alike, both
 * measured against a bare `await fn()` in the same run.
 *
 * cockatiel counts maxAttempts as retries, ours as attempts in all; on a
 * succeeding call neither ever retries, so the settings do not matter here.
 */
import {
  ExponentialBackoff,
  handleAll,
  retry as cockatielRetry,
  timeout as cockatielTimeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { exponentialBackoff } from '../src/resilience/backoff/index.ts';
import { pipeline } from '../src/resilience/pipeline/policy.ts';
import { retry } from '../src/resilience/retry/retry-policy.ts';
import { timeout } from '../src/resilience/timeout/timeout-policy.ts';
import { compare } from './harness.ts';

export default async function retryBench(): Promise<void> {
  let counter = 0;
  const fn = async () => ++counter;

  const ours = retry({ maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 128, capMs: 30_000, jitter: 'full' }) });
  const ourTimeout = timeout(1000);
  const ourPipeline = pipeline(ours, ourTimeout);

  const theirs = cockatielRetry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
  const theirTimeout = cockatielTimeout(1000, TimeoutStrategy.Aggressive);
  const theirWrap = wrap(theirs, theirTimeout);

  await compare({
    title: 'retry, then retry + per-attempt timeout, around a succeeding async function',
    baseline: 'bare await fn()',
    reference: 'retry (ours)',
    contenders: [
      { name: 'bare await fn()', call: () => fn() },
      { name: 'retry (ours)', call: () => ours.execute(fn) },
      { name: 'retry (cockatiel)', call: () => theirs.execute(fn) },
      { name: 'timeout (ours)', call: () => ourTimeout.execute(fn) },
      { name: 'timeout (cockatiel)', call: () => theirTimeout.execute(fn) },
      { name: 'retry+timeout (ours)', call: () => ourPipeline.execute(fn) },
      { name: 'wrap(retry, timeout) (cockatiel)', call: () => theirWrap.execute(fn) },
    ],
  });
}
