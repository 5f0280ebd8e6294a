/**
 * Guesses how long runs will take on the main thread from their size,
 * learning each scenario's speed from runs actually timed there, so the
 * choice between the main thread and the worker adapts to a slow phone or a
 * fast desktop. Runs timed in the worker teach it too, scaled up by the job
 * runner: the worker's warmed-up speed would make the main thread, where the
 * code may still be cold, look faster than it is.
 */
export class CostModel {
  private readonly msPerUnit = new Map<string, number>();

  /** `initialMsPerUnit` is deliberately pessimistic: a wrong guess costs a worker start-up, not a frozen page. */
  constructor(private readonly initialMsPerUnit: number) {}

  estimateMs(scenario: string, units: number): number {
    return units * (this.msPerUnit.get(scenario) ?? this.initialMsPerUnit);
  }

  /** Records a timed run; runs too small to time reliably teach nothing. */
  observe(scenario: string, units: number, elapsedMs: number): void {
    if (units <= 0 || elapsedMs < 2) return;
    const seen = elapsedMs / units;
    const prior = this.msPerUnit.get(scenario);
    // A moving average: one run disturbed by garbage collection does not swing the choice.
    this.msPerUnit.set(scenario, prior === undefined ? seen : 0.7 * prior + 0.3 * seen);
  }
}
