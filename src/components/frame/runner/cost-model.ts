/**
 * Guesses how long runs will take on the main thread from their size,
 * learning each scenario's speed on this device, so the choice between the
 * main thread and the worker adapts to a slow phone or a fast desktop.
 *
 * Both threads' timings teach it, kept apart. A scenario's first runs on a
 * thread are slow (its code is not compiled yet: in Chromium the first run
 * took 5 to 15 times as long as the fifth), so a first run counts as if it
 * had taken a third of its time, and the main thread's own timings alone
 * would still keep a scenario off it for long after a cold run; the
 * worker's, times 1.5 to allow for the main thread's colder code, bring the
 * estimate back down: the lower of the two is used. A scenario the worker
 * has timed and this thread never ran is expected to run cold here: the
 * worker's estimate times three more. An estimate too low
 * costs one run beyond the budget: the job runner checks the clock.
 */
export class CostModel {
  private readonly main = new Map<string, number>();
  private readonly worker = new Map<string, number>();
  /** Scenarios whose code this thread has compiled with warm-up runs: their first real run here is not a cold one. */
  private readonly compiled = new Set<string>();

  /** `initialMsPerUnit`: the guess for a scenario not yet timed on either thread. */
  constructor(
    private readonly initialMsPerUnit: number,
    /** How much slower than in the (warmer) worker a run is assumed to be on the main thread. */
    private readonly workerToMain = 1.5,
  ) {}

  estimateMs(scenario: string, units: number): number {
    const here = this.main.get(scenario);
    const there = this.worker.get(scenario);
    if (here === undefined && there === undefined) return units * this.initialMsPerUnit;
    // Never run here: this thread's first run is a cold one, as the worker's first was, unless warm-ups compiled its code.
    const cold = here === undefined && !this.compiled.has(scenario);
    const fromWorker = there === undefined ? Infinity : there * this.workerToMain * (cold ? FIRST_RUN_SLOWDOWN : 1);
    return units * Math.min(here ?? Infinity, fromWorker);
  }

  /**
   * How long the runs would take in the worker: what a run computed ahead
   * there costs, away from the reader's thread. From the worker's timings,
   * or this thread's when it has none.
   */
  estimateWorkerMs(scenario: string, units: number): number {
    const rate = this.worker.get(scenario) ?? this.main.get(scenario);
    return units * (rate ?? this.initialMsPerUnit);
  }

  /** Whether runs of the scenario have been timed here, on either thread: whether an estimate is more than the first guess. */
  knows(scenario: string): boolean {
    return this.main.has(scenario) || this.worker.has(scenario);
  }

  /** Records a run timed on the main thread; runs too small to time reliably teach nothing. */
  observe(scenario: string, units: number, elapsedMs: number): void {
    learn(this.main, scenario, units, elapsedMs, this.compiled.has(scenario) ? 1 : FIRST_RUN_SLOWDOWN);
  }

  /** Notes that warm-up runs (`Scenario.warmUp`) have compiled the scenario's code on the main thread. */
  compiledHere(scenario: string): void {
    this.compiled.add(scenario);
  }

  /** Records a run timed in the worker. */
  observeWorker(scenario: string, units: number, elapsedMs: number): void {
    learn(this.worker, scenario, units, elapsedMs);
  }
}

/** How much slower than later ones a scenario's first run on a thread is taken to be. */
const FIRST_RUN_SLOWDOWN = 3;

function learn(rates: Map<string, number>, scenario: string, units: number, elapsedMs: number, firstRunSlowdown = FIRST_RUN_SLOWDOWN): void {
  if (units <= 0 || elapsedMs < 0.5) return;
  const prior = rates.get(scenario);
  const seen = elapsedMs / units / (prior === undefined ? firstRunSlowdown : 1);
  // An average that forgets quickly: a scenario's code speeds up over its
  // first runs, and one run slowed by garbage collection should not swing
  // the choice for long either.
  rates.set(scenario, prior === undefined ? seen : 0.5 * prior + 0.5 * seen);
}
