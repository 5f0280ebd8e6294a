import { HedgingState, type HedgingCore, type HedgingDecision } from '../../src/resilience/hedging/index.ts';
import type { Simulation } from '../engine/simulation.ts';
import { ServerJob, type LatencyServer } from './latency-server.ts';
import type { LedgerEntry, RequestLedger, RequestOutcome } from './request-ledger.ts';

/** One hedged request: the core's state, its attempts, and its one outcome. */
export class HedgedRequest extends HedgingState implements LedgerEntry {
  outcome: RequestOutcome | undefined = undefined;
  readonly jobs: ServerJob[] = [];
  /** When each attempt was sent, ms. */
  readonly sentAt: number[] = [];
  /** When the pending hedge timer fires; NaN when none is pending. */
  hedgeTimerAt = NaN;

  constructor(readonly startedAt: number) {
    super();
  }
}

export interface HedgedCallerObserver {
  attemptSent?(request: HedgedRequest, attempt: number, now: number): void;
  ended?(request: HedgedRequest, now: number): void;
}

/**
 * A client that hedges, on virtual time: each request runs through the real
 * HedgingCore (gRFC A6 semantics): first attempt at once, the next after the
 * hedging delay or at once after a (non-fatal) failure, first success wins
 * and the losers are cancelled at the server. Every request ends once in the
 * ledger: succeeded, or failed when every attempt failed or the budget
 * refused the hedge it needed.
 */
export class HedgedCaller {
  /** Attempts sent, first attempts included. */
  attempts = 0;
  /** Attempts cancelled because another answered first. */
  cancelled = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly core: HedgingCore,
    private readonly server: LatencyServer,
    private readonly ledger: RequestLedger,
    private readonly observer: HedgedCallerObserver = {},
  ) {}

  call(): HedgedRequest {
    const now = this.sim.now;
    const request = new HedgedRequest(now);
    this.ledger.start(request);
    this.core.begin(request, now);
    this.send(request);
    this.scheduleHedge(request);
    return request;
  }

  private send(request: HedgedRequest): void {
    const attempt = request.started;
    const now = this.sim.now;
    const job = new ServerJob((ok, at) => this.apply(request, this.core.attemptEnded(request, attempt, ok ? 'success' : 'non-fatal', at, at - now)));
    request.jobs.push(job);
    request.sentAt.push(now);
    this.attempts++;
    this.observer.attemptSent?.(request, attempt, now);
    this.server.submit(job);
  }

  /** Sets the hedge timer for `request.nextHedgeAt`; a timer whose time has since moved does nothing. */
  private scheduleHedge(request: HedgedRequest): void {
    const at = request.nextHedgeAt;
    if (at === Infinity || request.done || at === request.hedgeTimerAt) return;
    request.hedgeTimerAt = at;
    this.sim.at(at, () => {
      if (request.done || request.hedgeTimerAt !== at) return;
      request.hedgeTimerAt = NaN;
      this.apply(request, this.core.hedgeDue(request, this.sim.now));
    });
  }

  private apply(request: HedgedRequest, decision: HedgingDecision): void {
    const now = this.sim.now;
    switch (decision.kind) {
      case 'hedge':
        this.send(request);
        this.scheduleHedge(request);
        return;
      case 'wait':
        this.scheduleHedge(request);
        return;
      case 'succeeded':
      case 'failed':
        this.cancelLosers(request, now);
        this.ledger.end(request, decision.kind === 'succeeded' ? 'succeeded' : 'failed');
        this.observer.ended?.(request, now);
    }
  }

  private cancelLosers(request: HedgedRequest, now: number): void {
    request.jobs.forEach((job, i) => {
      if (job.state !== 'queued' && job.state !== 'serving') return;
      this.server.cancel(job);
      this.cancelled++;
      this.core.attemptCancelled(now - request.sentAt[i]);
    });
  }
}
