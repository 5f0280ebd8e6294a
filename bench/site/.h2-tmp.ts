import { flattenRuns, executeRuns } from '../../src/components/frame/runner/run.ts';
import { defaultState } from '../../src/components/frame/url/widget-state.ts';
for (const f of process.argv.slice(2)) {
  const m = await import('/work/main/' + f);
  for (const d of Object.values(m) as any[]) {
    if (!d?.plan) continue;
    const plan = d.plan(defaultState(d.specs, d.defaultSeed));
    const runs = flattenRuns(plan.runs);
    const c0 = performance.now(); executeRuns(plan.runs); const cold = performance.now() - c0;
    const t0 = performance.now(); executeRuns(plan.runs); const ms = performance.now() - t0;
    const names = [...new Set(runs.map((r) => r.scenario.name))];
    console.log(d.id.padEnd(12), 'runs', String(runs.length).padStart(3), 'cold', cold.toFixed(1).padStart(7), 'warm', ms.toFixed(1).padStart(7), 'cost', runs.reduce((a, r) => a + r.cost, 0), names.join(','));
  }
}
