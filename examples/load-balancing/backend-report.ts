import { latencySummary } from '../shared/latency-summary.ts';
import type { BalancedRequest } from './balanced-client.ts';

export interface BackendReport {
  readonly name: string;
  readonly requests: number;
  /** Its share of all requests sent. */
  readonly share: number;
  /** Its share of the requests sent before, and from, the moment the failing backend starts failing. */
  readonly shareBefore: number;
  readonly shareAfter: number;
  /** Its requests that failed. */
  readonly errors: number;
  /** Of its requests, whatever their outcome, ms. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Per backend, and over all requests; the share before and after splits on the request index. */
export function backendReports(
  results: readonly BalancedRequest[],
  names: readonly string[],
  failFromRequest: number,
): { backends: BackendReport[]; total: { errors: number; p50Ms: number; p99Ms: number } } {
  const beforeCount = results.filter((r) => r.index < failFromRequest).length;
  const afterCount = results.length - beforeCount;
  const backends = names.map((name, i) => {
    const mine = results.filter((r) => r.backend === i);
    const before = mine.filter((r) => r.index < failFromRequest).length;
    const { p50, p99 } = latencySummary(mine.map((r) => r.latencyMs));
    return {
      name,
      requests: mine.length,
      share: mine.length / Math.max(1, results.length),
      shareBefore: before / Math.max(1, beforeCount),
      shareAfter: (mine.length - before) / Math.max(1, afterCount),
      errors: mine.filter((r) => r.error !== undefined).length,
      p50Ms: p50,
      p99Ms: p99,
    };
  });
  const { p50, p99 } = latencySummary(results.map((r) => r.latencyMs));
  return { backends, total: { errors: results.filter((r) => r.error !== undefined).length, p50Ms: p50, p99Ms: p99 } };
}
