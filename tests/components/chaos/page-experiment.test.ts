import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../src/params/params.ts';
import { parseExperiment } from '../../../src/resilience/index.ts';
import { chaosExperiment, chaosExperimentFor } from '../../../simulations/scenarios/chaos-experiment.ts';
import { runnerSpecs } from '../../../src/components/chaos/runner/runner-specs.ts';

const page = readFileSync(new URL('../../../content/docs/chaos-engineering.mdx', import.meta.url), 'utf8');

describe('the experiment file shown on the chaos page', () => {
  const block = /```json\n([\s\S]*?)\n```/.exec(page);

  it('is a valid experiment', () => {
    expect(block, 'a ```json block on the page').not.toBeNull();
    const parsed = parseExperiment(JSON.parse(block![1]));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('is the experiment the runner widget runs by default, but for the names', () => {
    const parsed = parseExperiment(JSON.parse(block![1]));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const shown = parsed.experiment;
    const ran = chaosExperimentFor({ ...defaultValues(chaosExperiment.params), ...defaultValues(runnerSpecs) });
    const unnamed = <T extends { name: string }>(xs: readonly T[]) => xs.map(({ name: _, ...rest }) => rest);
    expect(unnamed(shown.method)).toEqual(unnamed(ran.method));
    expect(unnamed(shown['steady-state-hypothesis'].probes)).toEqual(unnamed(ran['steady-state-hypothesis'].probes));
    expect(unnamed(shown.abortConditions)).toEqual(unnamed(ran.abortConditions));
    expect([shown.blastRadius, shown.probeIntervalMs, shown.durationMs]).toEqual([ran.blastRadius, ran.probeIntervalMs, ran.durationMs]);
  });
});
