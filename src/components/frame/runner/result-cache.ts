import type { ScenarioResult } from '../../../../simulations/scenario.ts';

/**
 * Recently computed results by run key, least recently used evicted first.
 * Moving one slider usually leaves most of a widget's runs unchanged (the
 * jitter widget's other strategies, a sweep's other points), and a run that
 * is known is not run again.
 */
export class ResultCache {
  private readonly map = new Map<string, ScenarioResult>();

  constructor(private readonly capacity: number) {}

  get(key: string): ScenarioResult | undefined {
    const r = this.map.get(key);
    if (r !== undefined) {
      this.map.delete(key);
      this.map.set(key, r);
    }
    return r;
  }

  set(key: string, result: ScenarioResult): void {
    this.map.delete(key);
    this.map.set(key, result);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }
}
