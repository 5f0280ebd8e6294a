/**
 * How a request ended. 'rejected': refused on the client side before or
 * instead of an attempt (a breaker, a bulkhead, a rate limit, a retry budget
 * that denied the retry it needed). 'shed': the service turned its last
 * attempt away because its queue was full.
 */
export type RequestOutcome = 'succeeded' | 'failed' | 'rejected' | 'timedOut' | 'shed';

export const requestOutcomes: readonly RequestOutcome[] = ['succeeded', 'failed', 'rejected', 'timedOut', 'shed'];

/** Something the ledger can close: its `outcome` is undefined until it ends. */
export interface LedgerEntry {
  outcome: RequestOutcome | undefined;
}

/**
 * A run's request totals, as they appear in scenario summaries: a summary
 * type is its own numbers `& LedgerCounts`. A type, not an interface, so that
 * a summary stays assignable to the index signature of `Summary`.
 */
export type LedgerCounts = {
  readonly requests: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly rejected: number;
  readonly timedOut: number;
  readonly shed: number;
};

/** A run whose totals do not add up: a bug in a model, never a property of the system modelled. */
export class ConservationError extends Error {
  override readonly name = 'ConservationError';
}

/**
 * Every request that starts ends exactly once, with one outcome. The ledger
 * counts both sides and refuses a second ending, so a model that loses or
 * double-counts a request fails loudly (`assertBalanced` at the end of every
 * run) instead of quietly skewing a chart.
 */
export class RequestLedger {
  private started = 0;
  // One field per outcome rather than a record indexed by the outcome's name: a keyed access over five names is megamorphic, and `end` runs once per request.
  private succeeded = 0;
  private failed = 0;
  private rejected = 0;
  private timedOut = 0;
  private shed = 0;
  private open = 0;

  /** Requests started and not ended yet. */
  get inFlight(): number {
    return this.open;
  }

  start(entry: LedgerEntry): void {
    if (entry.outcome !== undefined) throw new ConservationError(`a request that already ended (${entry.outcome}) cannot start`);
    this.started++;
    this.open++;
  }

  /** Starts a request that is no object of its own (a ball, a lookup, a call seen from outside) and returns its entry, to end later. */
  begin(): LedgerEntry {
    const entry: LedgerEntry = { outcome: undefined };
    this.start(entry);
    return entry;
  }

  end(entry: LedgerEntry, outcome: RequestOutcome): void {
    if (entry.outcome !== undefined) throw new ConservationError(`a request ended twice: ${entry.outcome}, then ${outcome}`);
    if (this.open === 0) throw new ConservationError(`a request ended (${outcome}) that never started`);
    entry.outcome = outcome;
    switch (outcome) {
      case 'succeeded':
        this.succeeded++;
        break;
      case 'failed':
        this.failed++;
        break;
      case 'rejected':
        this.rejected++;
        break;
      case 'timedOut':
        this.timedOut++;
        break;
      case 'shed':
        this.shed++;
        break;
    }
    this.open--;
  }

  /**
   * Ends every request still open as timed out: the run stopped (at its time
   * or event limit) before they finished, and whoever waited for them gives up
   * there. Returns how many there were.
   */
  cutOff(): number {
    const n = this.open;
    this.timedOut += n;
    this.open = 0;
    return n;
  }

  counts(): LedgerCounts {
    return { requests: this.started, succeeded: this.succeeded, failed: this.failed, rejected: this.rejected, timedOut: this.timedOut, shed: this.shed };
  }

  /** Throws unless every request started has ended exactly once. */
  assertBalanced(): void {
    const c = this.counts();
    const ended = c.succeeded + c.failed + c.rejected + c.timedOut + c.shed;
    if (this.open !== 0 || ended !== c.requests) {
      throw new ConservationError(`request totals do not add up: ${c.requests} started, ${ended} ended (${JSON.stringify(c)}), ${this.open} in flight`);
    }
  }
}
