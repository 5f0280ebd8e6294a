import AxeBuilder from '@axe-core/playwright';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/**
 * The serious and critical violations, one line per violation and element,
 * so that `expect(seriousViolations(results)).toEqual([])` fails with a to-do list.
 */
export function seriousViolations(results: AxeResults): string[] {
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary ?? n.html.slice(0, 120)}`));
}
