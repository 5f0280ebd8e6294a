import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParamControls } from '../../../../src/components/frame/controls/ParamControls.tsx';
import { defaultValues } from '../../../../src/params/params.ts';
import { runnerSpecs } from '../../../../src/components/chaos/runner/runner-specs.ts';

const render = (values: typeof defaults) =>
  renderToString(<ParamControls idPrefix="experiment" legend="Settings" specs={runnerSpecs} values={values} onChange={() => {}} />);
const defaults = defaultValues(runnerSpecs);
const control = (html: string, id: string) => html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0] ?? '';

describe('a control whose parameter does not apply', () => {
  it('is disabled and says when it applies; the others stay live', () => {
    const html = render(defaults);
    expect(defaults.fault).toBe('latency');
    expect(control(html, 'experiment-fault-rate')).toContain('disabled');
    expect(control(html, 'experiment-capacity-remaining')).toContain('disabled');
    expect(control(html, 'experiment-added-latency')).not.toContain('disabled');
    expect(html).toContain('Applies when Fault is errors or connection resets.');
    expect(html).toContain('Applies when Fault is capacity drop.');
  });

  it('comes back when the setting it depends on changes', () => {
    const html = render({ ...defaults, fault: 'errors' });
    expect(control(html, 'experiment-fault-rate')).not.toContain('disabled');
    expect(control(html, 'experiment-added-latency')).toContain('disabled');
    expect(html).toContain(runnerSpecs.faultRate.help!);
  });
});
